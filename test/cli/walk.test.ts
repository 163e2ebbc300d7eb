// Folder walking, odd files and robustness: the CLI never crashes on what it is given.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareCodePoints } from '../../server/src/cli/walk';
import { buildCli, cleanTemps, copySeeds, parseJson, runCli, SEED0, SEED2, SEEDS, seedText, tempDir } from './helpers';

// Each test spawns the CLI a few times; leave room for a loaded CI machine.
vi.setConfig({ testTimeout: 60_000 });

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
}, 120_000);
afterAll(cleanTemps);

const files = (stdout: string) => parseJson(stdout).map((e) => e.file);

describe('folder walk', () => {
  it('picks report extensions, sorted by code point, depth-first, skipping node_modules and dot-folders', () => {
    const root = tempDir();
    const put = (p: string, text = 'x\n') => {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), text);
    };
    for (const p of [
      'r/b.txt',
      'r/a.md',
      'r/A.html',
      'r/c.HTM',
      'r/d.TXT',
      'r/notes.pdf',
      'r/README',
      'r/sub/z.htm',
      'r/sub-x.txt',
      'r/\uff01.txt', // U+FF01: after U+20000 in UTF-16 order, before it in code-point order
      'r/\u{20000}.txt',
      'r/中.txt',
      'r/node_modules/skip.txt',
      'r/.hidden/skip.txt',
      'r/.dotfile.txt',
      'r/x.txt/inner.txt', // a folder that looks like a file is still a folder
    ])
      put(p);
    const r = runCli(cli, ['-f', 'json', 'r'], root);
    expect(r.status).toBe(0);
    expect(files(r.stdout)).toEqual(
      [
        '.dotfile.txt',
        'A.html',
        'a.md',
        'b.txt',
        'c.HTM',
        'd.TXT',
        'sub/z.htm',
        'sub-x.txt',
        'x.txt/inner.txt',
        '中.txt',
        '\uff01.txt',
        '\u{20000}.txt',
      ].map((p) => join('r', p)),
    );
  });

  it('keeps argument order, lints explicit files whatever their extension, and lists each file once', () => {
    const root = tempDir();
    mkdirSync(join(root, 'dir'));
    writeFileSync(join(root, 'dir/b.txt'), 'b\n');
    writeFileSync(join(root, 'dir/a.txt'), 'a\n');
    writeFileSync(join(root, 'report.csv'), 'c\n');
    const r = runCli(cli, ['-f', 'json', 'report.csv', 'dir', 'dir/a.txt'], root);
    expect(files(r.stdout)).toEqual(['report.csv', join('dir', 'a.txt'), join('dir', 'b.txt')]);
  });

  it('follows symlinked folders but not into loops', () => {
    const root = tempDir();
    mkdirSync(join(root, 'r/sub'), { recursive: true });
    copySeeds(join(root, 'r/sub'), [SEED2]);
    symlinkSync('..', join(root, 'r/sub/up'));
    symlinkSync('.', join(root, 'r/sub/self'));
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere/e.txt'), 'e\n');
    symlinkSync(join(root, 'elsewhere'), join(root, 'r/linked'));
    const r = runCli(cli, ['-f', 'json', 'r'], root);
    expect(r.status).toBe(0);
    expect(files(r.stdout)).toEqual([join('r/linked/e.txt'), join('r/sub', SEED2)]);
  });

  it('reports a dangling symlink (given or found) as unreadable, exit 2, and checks the rest', () => {
    const root = tempDir();
    mkdirSync(join(root, 'r'));
    copySeeds(join(root, 'r'), [SEED2]);
    symlinkSync('nowhere.txt', join(root, 'r/gone.txt'));
    symlinkSync('nowhere.txt', join(root, 'dangling.txt'));
    const r = runCli(cli, ['-f', 'json', 'dangling.txt', 'r'], root);
    expect(r.status).toBe(2);
    const out = parseJson(r.stdout);
    expect(out.map((e) => [e.file, e.error !== undefined])).toEqual([
      ['dangling.txt', true],
      [join('r', SEED2), false],
      [join('r', 'gone.txt'), true],
    ]);
    expect(out[0]!.error).toMatch(/broken symbolic link/);
    expect(r.stderr).toContain('dangling.txt');
    const text = runCli(cli, ['dangling.txt'], root);
    expect(text.status).toBe(2);
    expect(text.stderr).toMatch(/dangling\.txt: cannot read file: broken symbolic link/);
  });

  it('code-point comparison puts astral characters after the BMP', () => {
    expect(compareCodePoints('\u{20000}', '\uff01')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'b')).toBeLessThan(0);
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
  });
});

describe('odd input', () => {
  it('treats binary files as non-reports (no findings, no error)', () => {
    const root = tempDir();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    writeFileSync(join(root, 'image.txt'), png);
    // Report text followed by NUL bytes: still binary.
    writeFileSync(join(root, 'nul.txt'), Buffer.concat([Buffer.from(seedText(SEED0)), Buffer.alloc(64)]));
    writeFileSync(join(root, 'empty.txt'), '');
    const r = runCli(cli, ['-f', 'json', '.'], root);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    for (const e of parseJson(r.stdout)) {
      expect(e).toEqual({ file: e.file, templateVersion: null, year: null, yearSource: null, diagnostics: [] });
    }
  });

  it('text bytes that no encoding explains are a clear error (exit 2), not a silent pass', () => {
    const root = tempDir();
    copySeeds(root, [SEED2]);
    // Bytes that are neither UTF-8 nor GB18030 (nor UTF-16).
    writeFileSync(join(root, 'junk.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f) || 0x81)));
    const r = runCli(cli, ['-f', 'json', '.'], root);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/junk\.txt: cannot decode: the bytes are not valid UTF-8, UTF-16 or GB18030/);
    const out = parseJson(r.stdout);
    expect(out.find((e) => e.file === 'junk.txt')).toMatchObject({ templateVersion: null, diagnostics: [], error: expect.stringMatching(/^cannot decode/) as unknown });
    expect(out.find((e) => e.file === SEED2)!.templateVersion).toBe('2021');
  });

  it('a large non-report file finishes with no findings', () => {
    const root = tempDir();
    writeFileSync(join(root, 'big.txt'), '这是一行很长的普通文本，不是年度报告。\t1\t2\t3\n'.repeat(100_000));
    const r = runCli(cli, ['-f', 'json', 'big.txt'], root);
    expect(r.status).toBe(0);
    expect(parseJson(r.stdout)[0]!.diagnostics).toEqual([]);
  });

  it('a file too large to be a report is a clear error, and the others are still checked', () => {
    const root = tempDir();
    // Sparse: 65 MiB of nothing, without writing 65 MiB.
    writeFileSync(join(root, 'huge.txt'), '');
    truncateSync(join(root, 'huge.txt'), 65 * 1024 * 1024);
    copySeeds(root, [SEED2]);
    const r = runCli(cli, ['-f', 'json', '.'], root);
    expect(r.status).toBe(2);
    const out = parseJson(r.stdout);
    expect(out[1]!.file).toBe('huge.txt');
    expect(out[1]!.error).toMatch(/too large/);
    expect(out[0]!.templateVersion).toBe('2021');
    expect(r.stderr).toMatch(/huge\.txt: file too large/);
  });

  it('a FIFO given as a file is an error, not a hang', () => {
    const root = tempDir();
    execFileSync('mkfifo', [join(root, 'pipe.txt')]);
    const r = runCli(cli, ['-f', 'json', 'pipe.txt', join(SEEDS, SEED0)], root);
    expect(r.status).toBe(2);
    const out = parseJson(r.stdout);
    expect(out[0]!.error).toMatch(/not a regular file/);
    expect(out[1]!.diagnostics.some((d) => d.code === 'total-blank')).toBe(true);
  });

  it('the same report in UTF-8, GB18030 and UTF-16 gives the same findings', () => {
    const root = tempDir();
    copySeeds(root, [SEED0]);
    writeFileSync(join(root, 'gb.txt'), iconv.encode(seedText(SEED0), 'gb18030'));
    writeFileSync(join(root, 'u16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText(SEED0), 'utf16le')]));
    const out = parseJson(runCli(cli, ['-f', 'json', SEED0, 'gb.txt', 'u16.txt'], root).stdout);
    expect(out[0]!.diagnostics.length).toBeGreaterThan(0);
    expect(out[1]!.diagnostics).toEqual(out[0]!.diagnostics);
    expect(out[2]!.diagnostics).toEqual(out[0]!.diagnostics);
  });
});
