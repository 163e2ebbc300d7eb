// Arithmetic semantics from RULES.md, on seed 003 (a consistent 2019 tab-layout report) with edits.
import { describe, expect, it } from 'vitest';
import { analyze, applyFixes, lintText } from '../../server/src/engine';
import { SEED, codes, editLine, seed, setField } from './helpers';

const base = seed(SEED.s003);
// Seed 003, table 三: line 52 一、本年新收 (自然人 2 … 总计 2), line 54 （一）予以公开 2 … 2, line 75 （七）总计 2 … 2,
// line 76 四、结转 0…; fields: [label, '', v1..v7, ''] on line 52, [label, label, v1..v7, ''] on line 54.
const arithmetic = ['row-total', 'column-total', 'balance', 'review-total', 'total-blank', 'suspect-cell'];

describe('seed 003 baseline', () => {
  it('has no arithmetic finding (the blank in 二 counts as 0 and is reported as cell-blank)', () => {
    const r = lintText(base);
    expect(codes(r.diagnostics).filter((c) => arithmetic.includes(c.split('@')[0]!))).toEqual([]);
    expect(codes(r.diagnostics)).toContain('cell-blank@53');
  });
});

describe('suspect-cell', () => {
  it('one wrong part breaking its row total and its column total is one suspect-cell, not a cascade', () => {
    // （一）予以公开 × 自然人: 2 → 5 breaks row-total (row （一）) and column-total (自然人)
    const text = setField(base, 54, 2, '5');
    const r = lintText(text);
    const arith = codes(r.diagnostics).filter((c) => arithmetic.includes(c.split('@')[0]!));
    expect(arith).toEqual(['suspect-cell@54']);
    const d = r.diagnostics.find((x) => x.code === 'suspect-cell')!;
    expect(d.data?.reported).toBe('5');
    expect(d.data?.computed).toBe('2');
    expect(d.fixes?.[0]?.isPreferred).toBe(true);
    expect(d.related?.length).toBeGreaterThan(2);
    // the fix touches only that cell
    const fixed = applyFixes(text);
    expect(fixed).toBe(base);
  });

  it('a wrong total is the suspect when it alone explains the failures', () => {
    const text = setField(base, 52, 8, '3'); // 一、本年新收 总计 2 → 3: row-total and balance(总计)
    const r = lintText(text);
    expect(codes(r.diagnostics).filter((c) => arithmetic.includes(c.split('@')[0]!))).toEqual(['suspect-cell@52']);
    expect(applyFixes(text)).toBe(base);
  });
});

describe('row-total / column-total / balance', () => {
  it('reports a row total that disagrees when no single cell explains more', () => {
    // change a part and the column total together so only the row total fails
    let text = setField(base, 54, 2, '3'); // （一） 自然人 3
    text = setField(text, 75, 3, '3'); // （七）总计 自然人 3 (field index: '\t(七) 总计\t\t2…' → [ '', label, '', 2…])
    const r = lintText(text);
    const found = codes(r.diagnostics).filter((c) => arithmetic.includes(c.split('@')[0]!));
    expect(found).toContain('row-total@54');
    const d = r.diagnostics.find((x) => x.code === 'row-total' && x.range.start.line === 53)!;
    expect(d.data).toMatchObject({ relation: 't3-row-total', reported: '2', computed: '3' });
    expect(d.related?.length).toBe(6);
  });

  it('balance is reported and never fixed by fix-all', () => {
    const text = setField(base, 76, 3, '1'); // 四、结转 自然人 0 → 1 (row-total of 四 breaks too → suspect)
    const r = lintText(text);
    expect(codes(r.diagnostics).filter((c) => arithmetic.includes(c.split('@')[0]!))).toEqual(['suspect-cell@76']);
    // now keep the row consistent so only the balance fails
    const t2 = setField(setField(text, 76, 9, '1'), 76, 9, '1');
    const r2 = lintText(t2);
    const b = r2.diagnostics.filter((d) => d.code === 'balance');
    expect(b.length).toBe(2); // 自然人 and 总计 columns
    expect(b[0]!.fixes?.[0]?.edits[0]?.newText).toBe('0');
    expect(applyFixes(t2)).toBe(t2);
  });
});

describe('total-blank', () => {
  it('seed 000: the blank （七）总计 row is one finding whose fix fills 1 0 0 0 0 11 12', () => {
    const text = seed(SEED.s000);
    const r = lintText(text);
    const tb = r.diagnostics.filter((d) => d.code === 'total-blank');
    expect(tb.length).toBe(1);
    expect(tb[0]!.range.start.line).toBe(63);
    expect(tb[0]!.fixes![0]!.edits.map((e) => e.newText)).toEqual(['1', '0', '0', '0', '0', '11', '12']);
    expect(codes(r.diagnostics)).not.toContain('balance@65');
    const fixed = applyFixes(text, r);
    expect(fixed.split('\n')[63]).toBe('(七) 总计\t\t1\t0\t0\t0\t0\t11\t12');
    expect(lintText(fixed).diagnostics.filter((d) => arithmetic.includes(d.code))).toEqual([]);
    expect(applyFixes(fixed)).toBe(fixed);
  });

  it('a blank total among filled cells is total-blank, and the balance uses its computed value', () => {
    // （七）总计 × 自然人 blank (an interior field: a blank last field of a tab row is ambiguous by the
    // LAYOUTS alignment rule, which drops trailing empty fields)
    const text = setField(base, 75, 3, '');
    const r = lintText(text);
    const found = codes(r.diagnostics).filter((c) => arithmetic.includes(c.split('@')[0]!));
    expect(found).toEqual(['total-blank@75']);
    expect(r.diagnostics.find((d) => d.code === 'total-blank')!.fixes![0]!.edits[0]!.newText).toBe('2');
  });
});

describe('exact decimals', () => {
  it('sums 0.1 + 0.2 exactly (no float drift on amounts)', async () => {
    const { evaluate } = await import('../../server/src/rules/relations');
    const a = analyze(base);
    // the engine's arithmetic is big.js: spot-check through a real evaluation
    expect(evaluate(a.model).instances.every((i) => i.holds !== false)).toBe(true);
    const Big = (await import('big.js')).default;
    expect(new Big('0.1').plus('0.2').eq('0.3')).toBe(true);
  });
});

describe('fixes touch only their cells', () => {
  it('every arithmetic fix edit replaces exactly a cell span', () => {
    const text = editLine(setField(base, 54, 2, '5'), 75, (l) => l);
    const a = analyze(text);
    for (const d of a.result.diagnostics) {
      for (const f of d.fixes ?? []) {
        for (const e of f.edits) {
          const cell = a.model.tables.flatMap((t) => t.cellAt.filter((c) => c !== undefined)).find((c) => {
            const r = a.range(c.span);
            return r.start.line === e.range.start.line && r.start.character === e.range.start.character;
          });
          if (arithmetic.includes(d.code)) expect(cell).toBeDefined();
        }
      }
    }
  });
});
