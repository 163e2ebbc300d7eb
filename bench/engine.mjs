// Engine benchmark: parse+check time per report (median and p95 over warm runs) on the seeds and on
// generated reports (seed 002's real tables with section 一's narrative repeated to the target size).
// Usage: node bench/engine.mjs [--runs N] [--json]
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const engine = require('../server/out/engine.js');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 300;
const seedsDir = 'test/fixtures/seeds';

export function grow(text, targetChars) {
  // repeat the narrative of section 一 (the paragraphs between its heading and 二) until the size is reached
  const start = text.indexOf('一、总体情况');
  const end = text.indexOf('二、主动公开政府信息情况');
  const narrative = text.slice(text.indexOf('\n', start) + 1, end);
  let extra = '';
  while (text.length + extra.length < targetChars) extra += narrative;
  return text.slice(0, end) + extra + text.slice(end);
}

function measure(text, n) {
  // warm up until the JIT has settled: at least 1 s or n runs
  const until = performance.now() + 1000;
  for (let i = 0; i < n || performance.now() < until; i++) engine.lintText(text);
  const t = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    engine.lintText(text);
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(n / 2)], p95: t[Math.floor(n * 0.95)] };
}

const cases = [];
for (const f of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) cases.push([f, readFileSync(join(seedsDir, f), 'utf8'), runs]);
const base = readFileSync(join(seedsDir, '002_1c75c2c4e67cd3d7.txt'), 'utf8');
cases.push(['generated 15 KB', grow(base, 15_000 / 2), runs]);
cases.push(['generated 200 KB', grow(base, 200_000 / 2), Math.max(20, runs / 10)]);
cases.push(['generated 2 MB', grow(base, 2_000_000 / 2), Math.max(5, runs / 50)]);
const rows = [];
for (const [name, text, n] of cases) {
  const bytes = Buffer.byteLength(text);
  const m = measure(text, n);
  rows.push({ name, bytes, runs: n, ...m });
}
if (args.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log('report                          bytes     runs  median ms   p95 ms');
  for (const r of rows) console.log(`${r.name.padEnd(30)} ${String(r.bytes).padStart(8)} ${String(r.runs).padStart(7)} ${r.median.toFixed(3).padStart(10)} ${r.p95.toFixed(3).padStart(8)}`);
  const r200 = rows.find((r) => r.name === 'generated 200 KB');
  const r2m = rows.find((r) => r.name === 'generated 2 MB');
  console.log(`2 MB / 200 KB time ratio: ${(r2m.median / r200.median).toFixed(2)} (linear ≈ 10)`);
}
