// Adversarial sizes and shapes: the engine finishes in linear time and does not crash. Each shape is
// checked at full size and at a tenth of it; the time ratio must stay far from quadratic (10× the
// input may cost at most 30× the time — quadratic would be ~100×). Times are the best of a few runs,
// so a busy machine does not fail the test; the absolute bound is only a backstop.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { lintText } from '../../server/src/engine';
import { REPO, rangeProblems } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

const seed = (name: string) => readFileSync(join(REPO, 'test/fixtures/seeds', name), 'utf8');
const S002 = seed('002_1c75c2c4e67cd3d7.txt');
const S003 = seed('003_d11106ab72934bbf.txt');

function best(f: () => void, runs: number): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/**
 * Lints `make(n)` and `make(n / 10)`; returns the time ratio after checking the big result's ranges.
 * A busy machine can stall one run; a quadratic cost shows in every attempt, so up to three are made.
 */
function growth(make: (n: number) => string, n: number): { ratio: number; big: number; small: number } {
  const bigText = make(n);
  const smallText = make(Math.round(n / 10));
  const result = lintText(bigText); // also warms up
  expect(rangeProblems(bigText, result)).toEqual([]);
  lintText(smallText);
  let g = { ratio: Infinity, big: 0, small: 0 };
  for (let attempt = 0; attempt < 3 && g.ratio >= 30; attempt++) {
    const small = best(() => lintText(smallText), 5);
    const big = best(() => lintText(bigText), 2);
    const ratio = big / Math.max(small, 0.5);
    if (ratio < g.ratio) g = { ratio, big, small };
  }
  return g;
}

/** Seed 003 (tab rows) with `n` copies of its （一）予以公开 row inside table 三. */
function manyRows(n: number): string {
  const lines = S003.split('\n');
  const i = lines.findIndex((l) => l.includes('予以公开'));
  return [...lines.slice(0, i), ...Array<string>(n).fill(lines[i]!), ...lines.slice(i)].join('\n');
}

const SHAPES: [string, (n: number) => string, number][] = [
  ['10 MB of digits', (n) => '1234567890'.repeat(n / 10), 10_000_000],
  // a report with every line break replaced by a space, repeated: one line of 10 MB of UTF-8
  ['a 10 MB single line', (n) => S002.replace(/\r?\n/g, ' ').repeat(Math.ceil(n / Buffer.byteLength(S002))), 10_000_000],
  ['100k tabs', (n) => '\t'.repeat(n), 100_000],
  ['50k nested <div>', (n) => `${'<div>'.repeat(n)}三、收到和处理政府信息公开申请情况${'</div>'.repeat(n)}`, 50_000],
  ['50k nested <table><tr><td>', (n) => `${'<table><tr><td>'.repeat(n)}1${'</td></tr></table>'.repeat(n)}`, 50_000],
  ['50k unclosed <table><tr><td>', (n) => '<table><tr><td>'.repeat(n), 50_000],
  ['50k table rows', manyRows, 50_000],
  ['50k Markdown table rows', (n) => `# 2022年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n| 项目 | 总计 |\n|---|---|\n${'| 本年新收政府信息公开申请数量 | 1 |\n'.repeat(n)}`, 50_000],
  ['50k one-cell-per-line values', (n) => `${S002}\n${Array.from({ length: n }, (_, k) => `${k % 10} |`).join('\n')}`, 50_000],
];

describe('adversarial sizes run in linear time without a crash', () => {
  for (const [name, make, n] of SHAPES) {
    it(name, () => {
      const g = growth(make, n);
      expect(g.ratio, `${name}: ${g.small.toFixed(1)} ms at n/10, ${g.big.toFixed(1)} ms at n`).toBeLessThan(30);
      expect(g.big).toBeLessThan(15_000);
    });
  }
});

describe('deep HTML nesting', () => {
  const html = readFileSync(join(REPO, 'test/fixtures/layouts/html.html'), 'utf8');
  const body = html.slice(html.indexOf('<body'), html.lastIndexOf('</body>'));
  const wrap = (depth: number) => `<html>${'<div>'.repeat(depth)}${body}${'</div>'.repeat(depth)}</html>`;
  const codes = (t: string) => lintText(t).diagnostics.map((d) => d.code);

  it('a report nested hundreds of elements deep is still read as HTML, with the same findings', () => {
    const plain = lintText(wrap(0));
    expect(plain.templateVersion).not.toBeNull();
    expect(codes(wrap(900))).toEqual(plain.diagnostics.map((d) => d.code));
  });

  it('past any real page’s depth it is read as text instead: quickly, and every range still inside', () => {
    const text = wrap(20_000);
    const t0 = performance.now();
    const r = lintText(text);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(rangeProblems(text, r)).toEqual([]);
  });
});
