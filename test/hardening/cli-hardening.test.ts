// The CLI under abuse: --fix never leaves a half-written report (write-back failing on rename, on a
// full disk, or the process killed mid-write), symlink loops, encodings no decoder can settle,
// thousands of files under a small file-descriptor limit. Clear messages, the right exit codes.
// Faults are injected by test/hardening/fs-faults.cjs, preloaded through NODE_OPTIONS.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyFixes } from '../../server/src/engine';
import { buildCli, cleanTemps, copySeeds, parseJson, runCli, SEED0, SEED2, seedText, tempDir } from '../cli/helpers';
import { REPO } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const FAULTS = join(REPO, 'test/hardening/fs-faults.cjs');
let cli: string;
beforeAll(async () => {
  cli = await buildCli();
}, 120_000);
afterAll(cleanTemps);

const withFault = (fault: string) => ({ NODE_OPTIONS: `--require ${FAULTS}`, NIANBAO_FS_FAULT: fault });

/** Seed 000 (a blank total to fill) with ~600 KB of prose, so the write-back is big. */
function bigFixable(): string {
  const lines = seedText(SEED0).split('\n');
  const filler = Array.from({ length: 6_000 }, (_, i) => `本镇持续推进政务公开工作，第${i}次会议研究部署相关事项，进一步规范公开流程。`);
  return [...lines.slice(0, 6), ...filler, ...lines.slice(6)].join('\n');
}

describe('--fix never leaves a half-written report', () => {
  for (const [fault, why] of [
    ['rename', /cannot write fixes: .*EIO/],
    ['enospc', /cannot write fixes: .*ENOSPC/],
  ] as const) {
    it(`when the write-back fails (${fault}): a clear error, exit 2, the original intact, no temp file`, () => {
      const dir = tempDir();
      const text = bigFixable();
      writeFileSync(join(dir, 'report.txt'), text);
      copySeeds(dir, [SEED2]);
      const r = runCli(cli, ['--fix', '-f', 'json', '.'], dir, withFault(fault));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`report\\.txt: ${why.source}`));
      expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(text);
      expect(readdirSync(dir).sort()).toEqual([SEED2, 'report.txt'].sort());
      // the other file was checked as usual
      const out = parseJson(r.stdout);
      expect(out.find((e) => e.file === SEED2)!.templateVersion).toBe('2021');
    });
  }

  it('when the process is killed mid-write: every report is old or fully fixed; the next run cleans up', () => {
    const dir = tempDir();
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt'];
    const text = bigFixable();
    const fixed = applyFixes(text);
    expect(fixed).not.toBe(text);
    for (const n of names) writeFileSync(join(dir, n), text);
    // killed half-way through writing the third report
    const r = spawnSync(process.execPath, [cli, '--fix', '.'], { cwd: dir, env: { ...process.env, ...withFault('crash:3') }, encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    const states = names.map((n) => {
      const now = readFileSync(join(dir, n), 'utf8');
      return now === text ? 'old' : now === fixed ? 'fixed' : 'BROKEN';
    });
    expect(states).toEqual(['fixed', 'fixed', 'old', 'old']);
    const leftovers = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.c\.txt\.\d+\.[0-9a-f]{12}\.tmp$/);

    const again = runCli(cli, ['--fix', '.'], dir);
    expect(again.status).toBe(0);
    for (const n of names) expect(readFileSync(join(dir, n), 'utf8'), n).toBe(fixed);
    expect(readdirSync(dir).sort()).toEqual(names);
  });

  it('leaves temp files of a run still in progress alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), seedText(SEED0));
    // a temp name for a.txt made by this (running) test process: not a leftover
    const busy = `.a.txt.${process.pid}.0123456789ab.tmp`;
    writeFileSync(join(dir, busy), 'partial');
    runCli(cli, ['--fix', 'a.txt'], dir);
    expect(readdirSync(dir).sort()).toEqual([busy, 'a.txt'].sort());
  });
});

describe('odd file systems and encodings', () => {
  it('symlink loops, given or found, are clear errors (exit 2) and the rest is checked', () => {
    const dir = tempDir();
    copySeeds(dir, [SEED0]);
    symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'));
    symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    const found = runCli(cli, ['-f', 'json', '.'], dir);
    expect(found.status).toBe(2);
    expect(found.stderr).toMatch(/loop-a\.txt: cannot read file: too many levels of symbolic links/);
    expect(found.stderr).toMatch(/loop-b\.txt: cannot read file: too many levels of symbolic links/);
    const out = parseJson(found.stdout);
    expect(out.find((e) => e.file === SEED0)!.diagnostics.some((d) => d.code === 'total-blank')).toBe(true);
    expect(out.filter((e) => e.file.endsWith(SEED0))).toHaveLength(1); // not again through sub/up
    const given = runCli(cli, ['loop-a.txt', SEED0], dir);
    expect(given.status).toBe(2);
    expect(given.stderr).toMatch(/loop-a\.txt: cannot read file: too many levels of symbolic links/);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission is a clear error (exit 2)', () => {
    const dir = tempDir();
    copySeeds(dir, [SEED0, SEED2]);
    spawnSync('chmod', ['000', join(dir, SEED0)]);
    const r = runCli(cli, ['.'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${SEED0}: cannot read file: permission denied`);
    spawnSync('chmod', ['644', join(dir, SEED0)]);
  });

  it('bytes no decoder can settle: a clear error, never an internal one, never a rewrite that changes them', () => {
    const dir = tempDir();
    const report = seedText(SEED0);
    const undecodable: Record<string, Buffer> = {
      // the first half UTF-8, the second GB18030
      'mixed.txt': Buffer.concat([Buffer.from(report.slice(0, 2000)), iconv.encode(report.slice(2000), 'gb18030')]),
      // UTF-16LE BOM with an odd number of bytes
      'odd-utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(report, 'utf16le'), Buffer.from([0x41])]),
      // a UTF-8 BOM before GB18030 bytes
      'bom-gb.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(report, 'gb18030')]),
      // GB18030 with stray bytes that are not GB18030 at all
      'gb-stray.txt': Buffer.concat([iconv.encode(report, 'gb18030'), Buffer.from([0xff, 0x80, 0x0a])]),
      // Latin-1 "text"
      'latin1.txt': Buffer.from('Caf\xe9 na\xefve r\xe9sum\xe9\n'.repeat(200), 'latin1'),
    };
    const readable: Record<string, Buffer> = {
      // UTF-16 without a BOM, big-endian: recognised by its zero bytes, checked and fixed in place
      'utf16be.txt': Buffer.from(report, 'utf16le').swap16(),
      // cut off: still text, checked as far as it goes
      'cut-utf8.txt': Buffer.from(report).subarray(0, 1001),
      'cut-gb.txt': iconv.encode(report, 'gb18030').subarray(0, 1001),
    };
    const all = { ...undecodable, ...readable };
    for (const [name, bytes] of Object.entries(all)) writeFileSync(join(dir, name), bytes);
    const r = runCli(cli, ['--fix', '-f', 'json', '.'], dir);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(2);
    const out = parseJson(r.stdout);
    expect(out.map((e) => e.file).sort()).toEqual(Object.keys(all).sort());
    for (const e of out) {
      const now = readFileSync(join(dir, e.file));
      if (e.file in undecodable) {
        expect(e.error, e.file).toMatch(/^cannot decode: the bytes are not valid UTF-8, UTF-16 or GB18030/);
        expect(r.stderr).toContain(`${e.file}: cannot decode`);
        expect(now.equals(all[e.file]!), e.file).toBe(true);
      } else {
        expect(e.error, e.file).toBeUndefined();
        expect(e.diagnostics.length, e.file).toBeGreaterThan(0);
      }
    }
    // the UTF-16BE report was fixed and written back as UTF-16BE
    const be = out.find((e) => e.file === 'utf16be.txt')!;
    expect(be.fixed).toBe(true);
    expect(readFileSync(join(dir, 'utf16be.txt')).swap16().toString('utf16le')).toBe(applyFixes(report));
  });

  it('thousands of files under a 64-descriptor limit: all checked, in order, no descriptor leak', () => {
    const dir = tempDir();
    const seed0 = readFileSync(join(REPO, 'test/fixtures/seeds', SEED0));
    const seed2 = readFileSync(join(REPO, 'test/fixtures/seeds', SEED2));
    for (let d = 0; d < 30; d++) {
      const sub = join(dir, `d${String(d).padStart(2, '0')}`);
      mkdirSync(sub);
      // one in five a report (the descriptors are what this is about, not the engine's speed)
      for (let f = 0; f < 100; f++) writeFileSync(join(sub, `r${String(f).padStart(3, '0')}.txt`), f % 10 === 1 ? seed2 : f % 10 === 2 ? seed0 : `不是年报 ${f}\n`);
    }
    for (const jobs of ['1', '2']) {
      const r = spawnSync('sh', ['-c', `ulimit -n 64 && exec "${process.execPath}" "${cli}" -f json --jobs ${jobs} .`], { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20 });
      expect(r.stderr, `--jobs ${jobs}`).toBe('');
      expect(r.status, `--jobs ${jobs}`).toBe(1); // seed 000's blank total is an error
      const out = parseJson(r.stdout);
      expect(out).toHaveLength(3000);
      expect(out[0]!.file).toBe(join('d00', 'r000.txt'));
      expect(out[2999]!.file).toBe(join('d29', 'r099.txt'));
      expect(out.filter((e) => e.templateVersion === '2021')).toHaveLength(300);
      expect(out.filter((e) => e.templateVersion === '2019')).toHaveLength(300);
    }
  });
});
