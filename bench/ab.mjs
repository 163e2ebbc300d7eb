// A/B comparison of two engine builds in one process, interleaved (the machines these run on are
// noisy: a before/after pair measured minutes apart says little; measured call by call it does).
// Usage: node bench/ab.mjs <before/engine.js> <after/engine.js> [--warmup ms] [--rounds n] [--markdownlint]
// --markdownlint runs markdownlint on the document before each timed engine call, as bench/engine.mjs
// interleaves them: the engine then starts with caches markdownlint has filled with its own work,
// which is the setting of the markdownlint ratio (times are about twice those measured back to back).
import { createRequire } from 'node:module';
import { lint as markdownlint } from 'markdownlint/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO } from './lib/build.mjs';
import { toMarkdown } from './lib/markdown.mjs';
import { GROW_BASE, grow, seeds } from './lib/reports.mjs';
import { summarize } from './lib/stats.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const [a, b] = args.filter((x, i) => !x.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const require = createRequire(import.meta.url);
const engines = [require(resolve(a)), require(resolve(b))];
const warmup = Number(opt('--warmup', 3000));
const rounds = Number(opt('--rounds', 300));
const withMarkdownlint = args.includes('--markdownlint');

const docs = seeds().map((s) => ({ name: s.name, text: s.text }));
const base = docs.find((d) => d.name === GROW_BASE).text;
// the same reports as Markdown (as bench/engine.mjs compares them with markdownlint), and the fixture
for (const s of docs.slice()) docs.push({ name: `${s.name} as Markdown`, text: toMarkdown(engines[0], s.text) });
const fixture = join(REPO, 'test/fixtures/layouts/markdown.md');
if (existsSync(fixture)) docs.push({ name: 'layouts/markdown.md', text: readFileSync(fixture, 'utf8') });
docs.push({ name: 'generated 200 KB', text: grow(base, 200_000), every: 10 });
docs.push({ name: 'generated 2 MB', text: grow(base, 2_000_000), every: 60 });

// same results?
for (const d of docs) {
  const [x, y] = engines.map((e) => JSON.stringify(e.lintText(d.text)));
  if (x !== y) console.log(`note: results differ on ${d.name}`);
}
const until = performance.now() + warmup;
while (performance.now() < until) for (const d of docs.slice(0, -2)) for (const e of engines) e.lintText(d.text);
const samples = docs.map(() => [[], []]);
for (let r = 0; r < rounds; r++) {
  docs.forEach((d, i) => {
    if (d.every && r % d.every) return;
    const order = r % 2 ? [1, 0] : [0, 1];
    for (const k of order) {
      if (withMarkdownlint && !d.every) markdownlint({ strings: { d: d.text } });
      const t0 = performance.now();
      engines[k].lintText(d.text);
      samples[i][k].push(performance.now() - t0);
    }
  });
}
console.log('document                                  A median   B median   B/A      A p95    B p95');
docs.forEach((d, i) => {
  const [x, y] = samples[i].map(summarize);
  console.log(`${d.name.padEnd(41)} ${x.median.toFixed(3).padStart(8)} ${y.median.toFixed(3).padStart(10)} ${(y.median / x.median).toFixed(2).padStart(6)} ${x.p95.toFixed(3).padStart(9)} ${y.p95.toFixed(3).padStart(8)}`);
});
