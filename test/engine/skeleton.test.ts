// Skeletons render in every layout and read back as the template they came from: every row binds and
// every value cell is reported blank (nothing else above info but the title's XX placeholder).
import { describe, expect, it } from 'vitest';
import { analyze, lintText } from '../../server/src/engine';
import { applyDiagnosticsFixes } from '../../server/src/fix/apply';
import { skeleton } from '../../server/src/fix/skeleton';
import { SEED, seed } from './helpers';

// value cells that are not totals (a blank total with blank parts is neither cell-blank nor total-blank)
const cells = { 2019: 22 + 22 * 6 + 12, 2022: 10 + 24 * 6 + 12 };

describe('blank report skeleton', () => {
  for (const year of [2019, 2022] as const) {
    for (const layout of ['tab', 'word', 'pipe', 'markdown', 'html'] as const) {
      it(`${year} in ${layout} layout binds every row`, () => {
        const a = analyze(skeleton(year, layout));
        expect(a.result.templateVersion).toBe(year === 2019 ? '2019' : '2021');
        expect(a.result.year).toBe(year);
        const counts: Record<string, number> = {};
        for (const d of a.result.diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
        expect(counts).toEqual({ placeholder: 3, 'cell-blank': cells[year] });
      });
    }
  }
});

describe('insert fixes', () => {
  it('seed 001: inserting the three missing sections yields sections with bound, blank tables', () => {
    let text = seed(SEED.s001);
    for (let i = 0; i < 3; i++) {
      const d = lintText(text).diagnostics.find((x) => x.code === 'section-missing')!;
      text = applyDiagnosticsFixes(text, [d]);
    }
    const a = analyze(text);
    expect(a.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.model.sections.filter((s) => !s.inAttachment).map((s) => s.numeral).join('')).toBe('一二三四五六');
    expect(a.model.tables.map((t) => `${t.id}:${t.version}`)).toEqual(['proactive:2019', 'applications:2019', 'review:2019']);
    // the original text is untouched outside the insertion
    expect(text.startsWith(seed(SEED.s001).split('五、存在的主要问题')[0]!)).toBe(true);
  });
});

describe('attachments', () => {
  const s001 = seed(SEED.s001);
  it('seed 001: the attachment’s sections and tables do not count for the body', () => {
    const r = lintText(s001);
    expect(r.diagnostics.filter((d) => d.code === 'section-missing').length).toBe(3);
    expect(r.diagnostics.some((d) => d.code === 'table-missing' || d.range.start.line >= 39)).toBe(false);
  });
  it('where the body says 详见附件, the attachment’s tables are bound to the body’s sections', () => {
    const text = s001.replace(
      '五、存在的主要问题及改进情况\n',
      '二、主动公开政府信息情况\n\n详见附件。\n\n三、收到和处理政府信息公开申请情况\n\n详见附件。\n\n四、政府信息公开行政复议、行政诉讼情况\n\n详见附件。\n\n五、存在的主要问题及改进情况\n',
    );
    const a = analyze(text);
    expect(a.model.tables.map((t) => t.id)).toEqual(['proactive', 'applications', 'review']);
    expect(a.result.diagnostics.some((d) => ['section-missing', 'table-missing'].includes(d.code))).toBe(false);
  });
});
