// CLI throughput: `nianbao-lint --format json` over a folder of 1,000 reports (generated from the seeds
// with small variations: other digits, years, line endings and encodings), single-threaded and with
// `--jobs`. Wall time from spawn to exit, so Node's start-up and loading the bundle are included, as a
// user would see them. Configurations are interleaved over the repetitions; the output of every
// configuration must be byte-identical to the single-threaded one.
//
// Usage: node bench/cli.mjs [--cli server/out/cli.js] [--files 1000] [--runs 5] [--jobs 1,2,auto] [--json]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './lib/build.mjs';
import { writeCorpus } from './lib/reports.mjs';
import { summarize } from './lib/stats.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const cli = opt('--cli', join(REPO, 'server/out/cli.js'));
const files = Number(opt('--files', 1000));
const runs = Number(opt('--runs', args.includes('--quick') ? 3 : 5));
const jobsList = opt('--jobs', `1,2,${availableParallelism()},auto`)
  .split(',')
  .filter((v, i, a) => a.indexOf(v) === i);

function runOnce(argv, cwd) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const hash = createHash('sha256');
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (d) => {
      hash.update(d);
      bytes += d.length;
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, hash: hash.digest('hex'), outBytes: bytes, stderr }));
  });
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-corpus-'));
  try {
    const corpusBytes = writeCorpus(dir, files);
    // The fixed cost: starting Node and loading the bundle.
    const startup = [];
    for (let i = 0; i < runs; i++) startup.push((await runOnce(['--version'], dir)).ms);
    const results = new Map(jobsList.map((j) => [j, []]));
    let reference;
    const mismatches = [];
    // one untimed run per configuration (file cache, corpus on disk), then interleaved timed runs
    for (const j of jobsList) await runOnce(['--format', 'json', '--exit-zero', '--jobs', j, '.'], dir);
    // The control: two separate processes at once, each on half the folders. It shows how much
    // parallel capacity the machine has for this work, whatever the CLI does with threads.
    const batches = readdirSync(dir).sort();
    const halves = [batches.slice(0, batches.length >> 1), batches.slice(batches.length >> 1)];
    const split = [];
    const splitRun = async () => {
      const t0 = performance.now();
      const rs = await Promise.all(halves.map((h) => runOnce(['--format', 'json', '--exit-zero', ...h], dir)));
      if (rs.some((x) => x.code !== 0)) throw new Error(`split run failed: ${rs.map((x) => x.stderr).join('')}`);
      return performance.now() - t0;
    };
    await splitRun();
    for (let r = 0; r < runs; r++) {
      split.push(await splitRun());
      for (const j of jobsList) {
        const res = await runOnce(['--format', 'json', '--exit-zero', '--jobs', j, '.'], dir);
        if (res.code !== 0) throw new Error(`cli --jobs ${j} exited ${res.code}: ${res.stderr}`);
        if (!reference) reference = res;
        else if (res.hash !== reference.hash || res.stderr !== reference.stderr) mismatches.push(j);
        results.get(j).push(res.ms);
      }
    }
    const rows = jobsList.map((j) => {
      const s = summarize(results.get(j));
      return { jobs: j, ...s, mbPerSec: corpusBytes / 1e6 / (s.median / 1000) };
    });
    const sp = summarize(split);
    const splitRow = { ...sp, mbPerSec: corpusBytes / 1e6 / (sp.median / 1000) };
    return { files, corpusBytes, runs, startup: summarize(startup), outputBytes: reference.outBytes, identical: mismatches.length === 0, mismatches, rows, split: splitRow };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const res = await run();
  if (args.includes('--json')) console.log(JSON.stringify(res));
  else {
    console.log(`${res.files} files, ${(res.corpusBytes / 1e6).toFixed(2)} MB; node start-up + bundle load (--version): median ${res.startup.median.toFixed(0)} ms`);
    for (const r of res.rows) console.log(`--jobs ${String(r.jobs).padEnd(5)} median ${r.median.toFixed(0).padStart(6)} ms  p95 ${r.p95.toFixed(0).padStart(6)} ms  ${r.mbPerSec.toFixed(2).padStart(7)} MB/s`);
    console.log(`control: 2 processes at once, half the folders each: median ${res.split.median.toFixed(0)} ms  ${res.split.mbPerSec.toFixed(2)} MB/s`);
    console.log(`output identical across --jobs: ${res.identical ? 'yes' : `NO (${res.mismatches.join(', ')})`}`);
  }
}
