// `--fix`: arithmetic fixes written back atomically, keeping encoding, BOM, line endings and mode.
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, cleanTemps, copySeeds, parseJson, runCli, SEED0, SEED2, SEED3, seedText, tempDir } from './helpers';

// Each test spawns the CLI a few times; leave room for a loaded CI machine.
vi.setConfig({ testTimeout: 60_000 });

let cli: string;
/** Seed 000 after `--fix` (UTF-8, LF), the reference for the other encodings. */
let fixedSeed0: string;
beforeAll(async () => {
  cli = await buildCli();
  const dir = tempDir();
  copySeeds(dir, [SEED0]);
  runCli(cli, ['--fix', SEED0], dir);
  fixedSeed0 = readFileSync(join(dir, SEED0), 'utf8');
}, 120_000);
afterAll(cleanTemps);

/** The seed-000 line that holds the blank （七）总计 row, once filled with the computed totals. */
const FIXED_ROW = /^\(七\) 总计\t+1\t0\t0\t0\t0\t11\t12$/;

type Enc = { name: string; encode: (s: string) => Buffer };
const ENCODINGS: Enc[] = [
  { name: 'utf-8', encode: (s) => Buffer.from(s, 'utf8') },
  { name: 'utf-8 + BOM', encode: (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]) },
  { name: 'utf-16le + BOM', encode: (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]) },
  { name: 'utf-16be + BOM', encode: (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]) },
  { name: 'gb18030', encode: (s) => iconv.encode(s, 'gb18030') },
  { name: 'gb18030 + BOM', encode: (s) => Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode(s, 'gb18030')]) },
];

describe('--fix', () => {
  it('fills the blank totals of seed 000, writes the file and reports what remains', () => {
    const dir = tempDir();
    copySeeds(dir, [SEED0]);
    const path = join(dir, SEED0);
    const before = readFileSync(path, 'utf8');
    const r = runCli(cli, ['--fix', '-f', 'json', SEED0], dir);
    const after = readFileSync(path, 'utf8');
    expect(after).not.toBe(before);
    expect(after.split('\n')[63]).toMatch(FIXED_ROW);
    // Only line 64 changed.
    const a = before.split('\n');
    const b = after.split('\n');
    expect(b.length).toBe(a.length);
    expect(b.filter((l, i) => l !== a[i])).toEqual([b[63]]);

    const out = parseJson(r.stdout)[0]!;
    expect(out.fixed).toBe(true);
    expect(out.diagnostics.map((d) => d.code)).not.toContain('total-blank');
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('is idempotent: a second run changes nothing', () => {
    const dir = tempDir();
    copySeeds(dir, [SEED0]);
    const path = join(dir, SEED0);
    expect(runCli(cli, ['--fix', SEED0], dir).stdout).toMatch(/\n1 file fixed\n$/);
    const once = readFileSync(path);
    const st = statSync(path);
    const second = runCli(cli, ['--fix', '-f', 'json', SEED0], dir);
    expect(readFileSync(path).equals(once)).toBe(true);
    expect(runCli(cli, ['--fix', SEED0], dir).stdout).not.toContain('fixed');
    expect(statSync(path).ino).toBe(st.ino); // not even rewritten
    expect(parseJson(second.stdout)[0]!.fixed).toBeUndefined();
  });

  it('leaves a file without arithmetic findings byte-identical and untouched', () => {
    const dir = tempDir();
    copySeeds(dir, [SEED2, SEED3]);
    const stats = [SEED2, SEED3].map((n) => statSync(join(dir, n)));
    const bytes = [SEED2, SEED3].map((n) => readFileSync(join(dir, n)));
    runCli(cli, ['--fix', '.'], dir);
    [SEED2, SEED3].forEach((n, i) => {
      expect(readFileSync(join(dir, n)).equals(bytes[i]!)).toBe(true);
      expect(statSync(join(dir, n)).ino).toBe(stats[i]!.ino);
      expect(statSync(join(dir, n)).mtimeMs).toBe(stats[i]!.mtimeMs);
    });
  });

  for (const enc of ENCODINGS) {
    it(`keeps ${enc.name} and CRLF line endings`, () => {
      const dir = tempDir();
      const crlf = seedText(SEED0).replace(/\n/g, '\r\n');
      const path = join(dir, 'report.txt');
      writeFileSync(path, enc.encode(crlf));
      const r = runCli(cli, ['--fix', '-f', 'json', 'report.txt'], dir);
      expect(r.stderr).toBe('');
      expect(fixedSeed0.split('\n')[63]).toMatch(FIXED_ROW);
      expect(readFileSync(path).equals(enc.encode(fixedSeed0.replace(/\n/g, '\r\n')))).toBe(true);
      expect(parseJson(r.stdout)[0]!.fixed).toBe(true);

      // The same file linted without --fix reads the same in every encoding.
      const json = parseJson(runCli(cli, ['-f', 'json', 'report.txt'], dir).stdout)[0]!;
      expect(json.templateVersion).toBe('2019');
      expect(json.diagnostics.map((d) => d.code)).not.toContain('total-blank');

      // Idempotent in this encoding too.
      const once = readFileSync(path);
      runCli(cli, ['--fix', 'report.txt'], dir);
      expect(readFileSync(path).equals(once)).toBe(true);
    });
  }

  it('writes atomically: a new inode renamed into place, same mode, no temp file left', () => {
    const dir = tempDir();
    copySeeds(dir, [SEED0]);
    const path = join(dir, SEED0);
    chmodSync(path, 0o640);
    const before = statSync(path);
    runCli(cli, ['--fix', SEED0], dir);
    const after = statSync(path);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o7777).toBe(0o640);
    expect(readdirSync(dir)).toEqual([SEED0]);
  });

  it('refuses to write a GB18030 file whose bytes would not survive re-encoding', () => {
    const dir = tempDir();
    // 0x80 is not GB18030; decoders read it as € (CP936), which GB18030 encodes as A2 E3.
    const bytes = Buffer.concat([iconv.encode(seedText(SEED0), 'gb18030'), Buffer.from([0x80, 0x0a])]);
    writeFileSync(join(dir, 'odd.txt'), bytes);
    const r = runCli(cli, ['--fix', '-f', 'json', 'odd.txt'], dir);
    expect(r.status).toBe(2);
    expect(parseJson(r.stdout)[0]!.error).toMatch(/cannot write fixes/);
    expect(r.stderr).toMatch(/odd\.txt: cannot write fixes/);
    expect(readFileSync(join(dir, 'odd.txt')).equals(bytes)).toBe(true);
    // Without --fix it is checked like any other report.
    const lint = runCli(cli, ['-f', 'json', 'odd.txt'], dir);
    expect(parseJson(lint.stdout)[0]!.diagnostics.some((d) => d.code === 'total-blank')).toBe(true);
  });

  it('fixes the target of a symlink and keeps the link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    copySeeds(join(dir, 'real'), [SEED0]);
    symlinkSync(join('real', SEED0), join(dir, 'link.txt'));
    runCli(cli, ['--fix', 'link.txt'], dir);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.txt'))).toBe(join('real', SEED0));
    expect(readFileSync(join(dir, 'real', SEED0), 'utf8')).toBe(fixedSeed0);
    expect(readdirSync(join(dir, 'real'))).toEqual([SEED0]);
  });
});
