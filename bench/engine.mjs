// Engine benchmark: parse+check time per report, side by side with markdownlint (on the same report
// rendered as Markdown) and with a baseline that only decodes the bytes and splits them into lines.
//
// Method. All cases run in one process, interleaved: the warm-up cycles through every case (each gets
// at least --warmup ms of its own run time, default 1000) so V8's inline caches see every document
// shape, as in a CLI or language server that checks many documents; then the measurement visits the
// cases round-robin, one timed call per case per round, until each has its number of samples. Noise
// (other processes, GC) is thus spread over all cases alike, which keeps their ratios meaningful.
//
// Usage: node bench/engine.mjs [--engine server/out/engine.js] [--quick] [--json]
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import { toMarkdown } from './lib/markdown.mjs';
import { GROW_BASE, grow, seeds } from './lib/reports.mjs';
import { REPO } from './lib/build.mjs';
import { fmt, ratio, summarize } from './lib/stats.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const quick = args.includes('--quick');
const enginePath = opt('--engine', join(REPO, 'server/out/engine.js'));
const warmupMs = Number(opt('--warmup', quick ? 300 : 1000));
const require = createRequire(import.meta.url);
const engine = require(enginePath);
const decoder = new TextDecoder();

/** One measured thing: `fn` is timed; `n` samples are taken. */
function kase(doc, kind, bytes, n, fn) {
  return { doc, kind, bytes, n, fn, samples: [], warmMs: 0 };
}

export function buildCases() {
  const cases = [];
  const docs = [];
  const scale = quick ? 0.25 : 1;
  const N = (n) => Math.max(5, Math.round(n * scale));
  for (const s of seeds()) docs.push({ name: s.name, text: s.text, size: 'seed' });
  const base = seeds().find((s) => s.name === GROW_BASE).text;
  docs.push({ name: 'generated 200 KB', text: grow(base, 200_000), size: '200k' });
  docs.push({ name: 'generated 2 MB', text: grow(base, 2_000_000), size: '2m' });
  for (const d of docs) {
    const bytes = Buffer.from(d.text, 'utf8');
    const md = toMarkdown(engine, d.text);
    const mdBytes = Buffer.byteLength(md);
    const n = d.size === 'seed' ? { eng: N(600), ml: N(60) } : d.size === '200k' ? { eng: N(300), ml: N(20) } : { eng: N(100), ml: N(6) };
    const agree = sameFindings(engine.lintText(d.text), engine.lintText(md));
    cases.push(kase(d.name, 'engine', bytes.length, n.eng, () => engine.lintText(d.text)));
    cases.push(kase(d.name, 'engine (bytes)', bytes.length, n.eng, () => engine.lintText(decoder.decode(bytes))));
    cases.push(kase(d.name, 'baseline', bytes.length, n.eng, () => decoder.decode(bytes).split('\n')));
    const mdCase = kase(d.name, 'engine (md)', mdBytes, n.eng, () => engine.lintText(md));
    mdCase.agree = agree;
    cases.push(mdCase);
    cases.push(kase(d.name, 'markdownlint (md)', mdBytes, n.ml, () => markdownlint({ strings: { report: md } })));
  }
  // The fixtures engineer's Markdown layout fixture, when present: a report written in Markdown by hand.
  const fixture = join(REPO, 'test/fixtures/layouts/markdown.md');
  if (existsSync(fixture)) {
    const md = readFileSync(fixture, 'utf8');
    const bytes = Buffer.byteLength(md);
    cases.push(kase('layouts/markdown.md', 'engine (md)', bytes, N(600), () => engine.lintText(md)));
    cases.push(kase('layouts/markdown.md', 'markdownlint (md)', bytes, N(60), () => markdownlint({ strings: { report: md } })));
  }
  return cases;
}

function sameFindings(a, b) {
  const key = (r) => `${r.templateVersion}|${r.year}|${r.diagnostics.map((d) => d.code).sort().join(',')}`;
  return key(a) === key(b);
}

/** Interleaved warm-up: rounds over all cases, each case run for a ~5 ms slice per round, until each has `ms` of run time. */
function warmUp(cases, ms) {
  for (const c of cases) {
    const t0 = performance.now();
    c.fn();
    c.est = Math.max(0.001, performance.now() - t0);
  }
  for (;;) {
    let pending = false;
    for (const c of cases) {
      if (c.warmMs >= ms) continue;
      pending = true;
      const reps = Math.max(1, Math.round(5 / c.est));
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) c.fn();
      const dt = performance.now() - t0;
      c.warmMs += dt;
      c.est = dt / reps;
    }
    if (!pending) break;
  }
}

/** Round-robin measurement: one timed call per case per round, until each case has its `n` samples. */
function measure(cases) {
  for (;;) {
    let pending = false;
    for (const c of cases) {
      if (c.samples.length >= c.n) continue;
      pending = true;
      const t0 = performance.now();
      c.fn();
      c.samples.push(performance.now() - t0);
    }
    if (!pending) break;
  }
}

export function run() {
  const cases = buildCases();
  const t0 = performance.now();
  warmUp(cases, warmupMs);
  const warmed = performance.now() - t0;
  measure(cases);
  return {
    warmupMs,
    warmupTotalMs: warmed,
    rows: cases.map((c) => ({ doc: c.doc, kind: c.kind, bytes: c.bytes, ...summarize(c.samples), ...(c.agree !== undefined ? { agree: c.agree } : {}) })),
  };
}

function printTable(res) {
  const by = (doc, kind) => res.rows.find((r) => r.doc === doc && r.kind === kind);
  console.log('document                      kind                  bytes      n   median ms    p95 ms');
  for (const r of res.rows) {
    console.log(`${r.doc.padEnd(29)} ${r.kind.padEnd(18)} ${String(r.bytes).padStart(9)} ${String(r.n).padStart(6)} ${fmt(r.median).padStart(11)} ${fmt(r.p95).padStart(9)}`);
  }
  console.log('\nratios (median): engine(md)/markdownlint(md), engine(bytes)/baseline');
  for (const doc of [...new Set(res.rows.map((r) => r.doc))]) {
    const ml = by(doc, 'markdownlint (md)');
    const em = by(doc, 'engine (md)');
    const eb = by(doc, 'engine (bytes)');
    const bl = by(doc, 'baseline');
    console.log(`${doc.padEnd(29)} ${ml && em ? ratio(em.median, ml.median, 4) : '–'}  ${eb && bl ? ratio(eb.median, bl.median, 1) : '–'}`);
  }
  const a = by('generated 200 KB', 'engine');
  const b = by('generated 2 MB', 'engine');
  console.log(`\n2 MB / 200 KB engine time: ${ratio(b.median, a.median)} (linear ≈ 10, target ≤ 12)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const res = run();
  if (args.includes('--json')) console.log(JSON.stringify(res));
  else printTable(res);
}
