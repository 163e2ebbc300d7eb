// `--jobs`: checking files in worker threads changes nothing a user can see. Every format, every
// exit code and every line on stderr (unreadable files, a broken config, non-text files) is
// byte-identical to the single-threaded run, over a few hundred files so results arrive out of order.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runInWorkers } from '../../server/src/cli/workers';
import { resolveJobs, type CheckJob, type CheckOutcome } from '../../server/src/cli/run';
import { buildCli, cleanTemps, copySeeds, parseJson, runCli, SEED0, SEED_FILES, seedText, tempDir } from './helpers';

vi.setConfig({ testTimeout: 120_000 });

let cli: string;
let root: string;
beforeAll(async () => {
  cli = await buildCli();
  root = tempDir('nianbao-jobs-');
  // 120 reports in 4 folders: the seeds with other digits, some GB18030 and UTF-16, some CRLF
  let n = 0;
  for (let folder = 0; folder < 4; folder++) {
    const dir = join(root, `folder-${folder}`);
    mkdirSync(dir);
    for (let i = 0; i < 30; i++, n++) {
      const seed = SEED_FILES[n % SEED_FILES.length]!;
      let text = seedText(seed).replace(/\t0\t/, `\t${n % 7}\t`);
      if (n % 4 === 1) text = text.replace(/\n/g, '\r\n');
      const bytes = n % 9 === 2 ? iconv.encode(text, 'gb18030') : n % 11 === 3 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text);
      writeFileSync(join(dir, `${String(n).padStart(3, '0')}-${seed}`), bytes);
    }
  }
  // things that go to stderr, spread through the run
  writeFileSync(join(root, 'folder-1', 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  writeFileSync(join(root, 'folder-2', '.nianbaorc.json'), '{ "rules": { "no-such-rule": "off" } }');
  symlinkSync(join(root, 'nowhere.txt'), join(root, 'folder-3', 'dangling.txt'));
  execFileSync('mkfifo', [join(root, 'folder-0', 'pipe.txt')]);
}, 120_000);
afterAll(cleanTemps);

describe('--jobs', () => {
  for (const [format, settings] of [
    ['text', ['2', '3', 'auto', '0']],
    ['json', ['2']],
    ['sarif', ['2']],
  ] as const) {
    it(`gives byte-identical ${format} output, stderr and exit code (--jobs ${settings.join(', ')})`, () => {
      const args = ['-f', format, '.', join('folder-0', 'pipe.txt'), 'missing.txt'];
      const one = runCli(cli, args, root);
      expect(one.status).toBe(2);
      // what goes to stderr, in file order: the bad config (once), the dangling link (found by the walk),
      // the FIFO (found unreadable by the worker that reads it), the missing file
      const lines = one.stderr.trim().split('\n');
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(/\.nianbaorc\.json.*no-such-rule/);
      expect(lines[1]).toMatch(/dangling\.txt: cannot read file/);
      expect(lines[2]).toMatch(/pipe\.txt: cannot read file: not a regular file/);
      expect(lines[3]).toMatch(/missing\.txt: cannot read file: no such file/);
      for (const j of settings) {
        const many = runCli(cli, [...args, '--jobs', j], root);
        expect(many.status, `--jobs ${j}`).toBe(one.status);
        expect(many.stderr, `--jobs ${j}`).toBe(one.stderr);
        expect(many.stdout === one.stdout, `--jobs ${j} stdout`).toBe(true);
      }
    });
  }

  it('lists every file once, in walk order', () => {
    const out = parseJson(runCli(cli, ['-f', 'json', '-j', '2', '.'], root).stdout);
    const files = out.map((e) => e.file);
    expect(new Set(files).size).toBe(files.length);
    expect(files.length).toBeGreaterThan(120);
    expect(files).toEqual([...files].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it('--fix in worker threads rewrites the same files to the same bytes', () => {
    const a = tempDir();
    const b = tempDir();
    for (const dir of [a, b]) {
      copySeeds(dir);
      for (let i = 0; i < 30; i++) writeFileSync(join(dir, `copy-${i}.txt`), seedText(SEED0).replace('2019', String(2019 + (i % 2))));
    }
    const r1 = runCli(cli, ['--fix', '-f', 'json', '.'], a);
    const r2 = runCli(cli, ['--fix', '-f', 'json', '--jobs', '2', '.'], b);
    expect(r2.status).toBe(r1.status);
    expect(r2.stdout).toBe(r1.stdout);
    expect(parseJson(r1.stdout).filter((e) => e.fixed).length).toBeGreaterThan(10);
    for (const name of readdirSync(a)) expect(readFileSync(join(b, name)).equals(readFileSync(join(a, name))), name).toBe(true);
    expect(readdirSync(b).sort()).toEqual(readdirSync(a).sort());
  });

  it('rejects a bad thread count clearly (exit 2)', () => {
    for (const bad of ['-1', 'x', '1.5', '', '100000']) {
      const r = runCli(cli, ['--jobs', bad, SEED0], root);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toMatch(/--jobs/);
    }
  });

  it('auto leaves a core to the main thread and V8 (none on 2 cores), never more threads than files', () => {
    expect(resolveJobs('auto', 1000, 2)).toBe(1);
    expect(resolveJobs('auto', 1000, 1)).toBe(1);
    expect(resolveJobs('auto', 1000, 8)).toBe(7);
    expect(resolveJobs('auto', 3, 8)).toBe(3);
    expect(resolveJobs(4, 2, 8)).toBe(2);
    expect(resolveJobs(4, 0, 8)).toBe(1);
  });

  it('many more threads than files give the same output', () => {
    // Not observable from outside except through the output, which must not change: one file, many threads.
    const dir = tempDir();
    copySeeds(dir, [SEED0]);
    const one = runCli(cli, ['-f', 'json', SEED0], dir);
    const many = runCli(cli, ['-f', 'json', '--jobs', String(Math.max(4, availableParallelism() * 2)), SEED0], dir);
    expect(many.stdout).toBe(one.stdout);
    expect(many.status).toBe(one.status);
  });

  it('a worker thread that dies fails only the file it was checking; its other files go to a new worker', async () => {
    // A stand-in worker: answers every job, but exits the process thread on the file named "crash".
    const dir = tempDir();
    const script = join(dir, 'fake-worker.js');
    writeFileSync(
      script,
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (req) => {
         if (req.job.path === 'crash') process.exit(7);
         parentPort.postMessage({ id: req.id, outcome: { report: { file: req.job.path, templateVersion: null, year: null, yearSource: null, diagnostics: [] }, ruleErrors: [] } });
       });`,
    );
    const jobs: CheckJob[] = ['a', 'b', 'crash', 'c', 'd', 'e', 'f'].map((path) => ({ path, options: {}, fix: false }));
    const got = new Map<string, CheckOutcome>();
    await runInWorkers(script, 2, jobs, (job, outcome) => got.set(job.path, outcome));
    expect([...got.keys()].sort()).toEqual(['a', 'b', 'c', 'crash', 'd', 'e', 'f']);
    expect(got.get('crash')!.report.error).toMatch(/internal error while checking: worker thread exited with code 7/);
    for (const f of ['a', 'b', 'c', 'd', 'e', 'f']) expect(got.get(f)!.report.error, f).toBeUndefined();
  });
});
