// Version detection, years, normalisation, provincial variants and robustness, on real seeds with edits.
import { describe, expect, it } from 'vitest';
import { analyze, lintText } from '../../server/src/engine';
import { format2019 } from '../../server/src/templates/format-2019';
import { registerTemplate, templates } from '../../server/src/templates/registry';
import type { TemplateInput } from '../../server/src/templates/schema';
import { SEED, codes, editLine, seed } from './helpers';

const s003 = seed(SEED.s003);
const s002 = seed(SEED.s002);

describe('template version and year', () => {
  it('detects the version of each seed and the year with its source', () => {
    const expected: Record<string, [string | null, number, string]> = {
      [SEED.s000]: ['2019', 2019, 'title'],
      [SEED.s002]: ['2021', 2021, 'title'],
      [SEED.s003]: ['2019', 2019, 'title'],
      [SEED.s004]: ['2019', 2019, 'body'],
    };
    for (const [name, [v, y, src]] of Object.entries(expected)) {
      const r = lintText(seed(name));
      expect([r.templateVersion, r.year, r.yearSource], name).toEqual([v, y, src]);
    }
  });

  it('template-mismatch: a 2022 report on 2019-format tables names the tell-tale labels', () => {
    const text = editLine(s003, 3, (l) => l.replace('2019', '2022'));
    const r = lintText(text);
    const d = r.diagnostics.find((x) => x.code === 'template-mismatch');
    expect(d).toBeDefined();
    expect(d!.message).toMatch(/本年新制作数量|对外公开总数量|其他对外管理服务事项|第二十条第（九）项/);
    expect(r.templateVersion).toBe('2019');
    // the title year now disagrees with the opening of section 一 (“2019 年，漷县镇…”)
    expect(codes(r.diagnostics)).toContain('year-inconsistent@9');
  });

  it('template-mixed: a 2019 table 二 with a 2021 table 三 （六）', () => {
    const text = editLine(
      s003,
      74,
      () =>
        '\t(六) 其他处理\t1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n' +
        '\t\t2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n' +
        '\t\t3. 其他\t0\t0\t0\t0\t0\t0\t0',
    );
    const r = lintText(text);
    expect(r.diagnostics.map((d) => d.code)).toContain('template-mixed');
    const a = analyze(text);
    expect(a.model.tables.map((t) => `${t.id}:${t.version}`)).toEqual(['proactive:2019', 'applications:2021', 'review:2019']);
  });

  it('plans for next year and comparisons are not year-inconsistent (seeds 000 and 003)', () => {
    expect(codes(lintText(seed(SEED.s000)).diagnostics)).not.toContain('year-inconsistent@79');
    expect(lintText(s003).diagnostics.some((d) => d.code === 'year-inconsistent')).toBe(false);
  });
});

describe('normalisation: the same report in other characters reads the same', () => {
  const baseline = codes(lintText(s003).diagnostics);

  it('Traditional characters in labels', () => {
    const text = s003
      .replace('规范性文件', '規範性檔案')
      .replace('(七) 总计', '(七) 總計')
      .replace('本年度办理结果', '本年度辦理結果')
      .replace('属于国家秘密', '屬於國家秘密');
    expect(codes(lintText(text).diagnostics)).toEqual(baseline);
  });

  it('full-width digits, spaces and brackets, and “1、” for “1.”', () => {
    const lines = s003.split('\n');
    for (let i = 51; i < 76; i++) {
      lines[i] = lines[i]!
        .replace(/(\t)(\d)(?=\t|$)/g, (_, t: string, d: string) => t + String.fromCharCode(0xff10 + Number(d)))
        .replace(/\((.)\)/g, '（$1）')
        .replace(/(\d)\. /g, '$1、');
    }
    const text = lines.join('\n');
    expect(codes(lintText(text).diagnostics)).toEqual(baseline);
  });
});

describe('provincial variant as data', () => {
  it('an extra row 其他主动公开文件 binds to a registered variant instead of being unknown', () => {
    const text = editLine(s003, 30, (l) => `${l}\n其他主动公开文件\t3\t3\t5`);
    const before = lintText(text);
    expect(codes(before.diagnostics)).toContain('row-unknown@31');
    const variant: TemplateInput = {
      ...format2019,
      variant: 'provincial-example',
      tables: format2019.tables.map((t) =>
        t.id !== 'proactive'
          ? t
          : {
              ...t,
              parts: t.parts.map((p) =>
                p.id !== 'item-1' ? p : { ...p, rows: [...p.rows, { id: 'other-docs', label: '其他主动公开文件', meaning: '省级格式增加的行。' }] },
              ),
            },
      ),
    };
    registerTemplate(variant);
    try {
      const after = lintText(text);
      expect(codes(after.diagnostics)).not.toContain('row-unknown@31');
      expect(codes(after.diagnostics)).toContain('row-unknown@36'); // seed 003's own custom sub-row stays unknown
      expect(after.templateVersion).toBe('2019');
      // the national report is unaffected: ties go to the national format, not the variant
      const national = analyze(s003);
      expect(national.model.tables.every((t) => t.version === '2019')).toBe(true);
      expect(codes(national.result.diagnostics)).toContain('row-unknown@35');
      expect(national.result.diagnostics.some((d) => d.code === 'row-missing')).toBe(false);
    } finally {
      expect(templates().length).toBeGreaterThan(2);
    }
  });

  it('an invalid template is rejected with the offending key', () => {
    const bad = { ...format2019, tables: [{ ...format2019.tables[0]!, parts: [] }] } as unknown as TemplateInput;
    expect(() => registerTemplate(bad)).toThrow(/parts/);
  });
});

describe('robustness: bad input never throws', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['binary', '\u0000\u0001\u0002\uFFFD'.repeat(1000)],
    ['digits', '1234567890'.repeat(10_000)],
    ['tabs', '\t'.repeat(100_000)],
    ['news', '本报讯 今天天气晴朗，市民外出踏青。'.repeat(50)],
    ['half-typed', '某某镇2022年政府信息公开工作年度报告\n\n一、总体情况\n\n2022年，我镇'],
    ['lone surrogates', '\ud800\udc00\ud800' + s002.slice(0, 500)],
    ['html soup', '<table><tr><td>'.repeat(3000)],
    ['truncated seed', s002.slice(0, s002.length / 2)],
  ];
  for (const [name, text] of inputs) {
    it(name, () => {
      const r = lintText(text);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of r.diagnostics) {
        expect(d.range.start.line).toBeLessThan(lines.length);
        expect(d.range.end.character).toBeLessThanOrEqual(lines[d.range.end.line]!.length);
      }
    });
  }

  it('a text that is not a report yields an empty result', () => {
    expect(lintText('本报讯 今天天气晴朗，市民外出踏青。\n第二段。').diagnostics).toEqual([]);
    expect(lintText('a,b,c\n1,2,3\n').diagnostics).toEqual([]);
  });
});
