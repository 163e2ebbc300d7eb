// text-table-mismatch (RULES.md “What text-table-mismatch compares”): counts stated in sections 一/三/四
// against the tables. Reports are built as strings: a clean 2021-format tab-layout report whose narrative
// varies, plus seeds 002 (2021, `|` cells) and 003 (2019, tabs) with edits.
import { describe, expect, it } from 'vitest';
import { applyFixes, lintText } from '../../server/src/engine';
import type { Diagnostic } from '../../server/src/core/types';
import { SEED, editLine, seed } from '../engine/helpers';

// ---------------------------------------------------------------------------------------------
// A clean 2021 report. Table 三 (总计 column): 一 11, 二 2, （一）5, （二）2, （三）1, （四）2, （五）1,
// （六）1, （七）12, 四 1. Table 四: 行政复议 2/1/0/1 = 4; 直接起诉 1/0/0/1 = 2; 复议后起诉 0/1/0/0 = 1
// (行政诉讼 3). Table 二: 行政规范性文件 制发 3, 废止 1, 现行有效 15.

interface Parts {
  overview?: string;
  sec3?: string;
  sec4?: string;
  normative?: [string, string, string];
  newTotal?: string;
  disclosedTotal?: string;
  attachment?: string;
}

const T = '\t';
const zero = [0, 0, 0, 0, 0, 0, 0];
const row = (label: string, vals: (number | string)[], lead = 1) => label + T.repeat(lead) + vals.join(T);

function report(p: Parts = {}): string {
  const n = p.normative ?? ['3', '1', '15'];
  return [
    '某某区某某局2021年政府信息公开工作年度报告',
    '',
    '一、总体情况',
    '',
    p.overview ?? '2021年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，不断提升政府信息公开工作水平。',
    '',
    '二、主动公开政府信息情况',
    '',
    '第二十条第（一）项\t\t\t',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    '规章\t0\t0\t0',
    `行政规范性文件\t${n[0]}\t${n[1]}\t${n[2]}`,
    '第二十条第（五）项\t\t\t',
    '信息内容\t本年处理决定数量\t\t',
    '行政许可\t10\t\t',
    '第二十条第（六）项\t\t\t',
    '信息内容\t本年处理决定数量\t\t',
    '行政处罚\t3\t\t',
    '行政强制\t0\t\t',
    '第二十条第（八）项\t\t\t',
    '信息内容\t本年收费金额（单位：万元）\t\t',
    '行政事业性收费\t0\t\t',
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    ...(p.sec3 ? [p.sec3, ''] : []),
    '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t\t',
    '\t\t自然人\t法人或其他组织\t\t\t\t\t总计\t',
    '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t',
    row('一、本年新收政府信息公开申请数量', [9, 2, 0, 0, 0, 0, p.newTotal ?? 11], 2),
    row('二、上年结转政府信息公开申请数量', [2, 0, 0, 0, 0, 0, 2], 2),
    row('三、本年度办理结果\t（一）予以公开', [4, 1, 0, 0, 0, 0, p.disclosedTotal ?? 5]),
    row('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [2, 0, 0, 0, 0, 0, 2]),
    row('\t（三）不予公开\t1.属于国家秘密', zero),
    row('\t\t2.其他法律行政法规禁止公开', zero),
    row('\t\t3.危及“三安全一稳定”', zero),
    row('\t\t4.保护第三方合法权益', [1, 0, 0, 0, 0, 0, 1]),
    row('\t\t5.属于三类内部事务信息', zero),
    row('\t\t6.属于四类过程性信息', zero),
    row('\t\t7.属于行政执法案卷', zero),
    row('\t\t8.属于行政查询事项', zero),
    row('\t（四）无法提供\t1.本机关不掌握相关政府信息', [1, 1, 0, 0, 0, 0, 2]),
    row('\t\t2.没有现成信息需要另行制作', zero),
    row('\t\t3.补正后申请内容仍不明确', zero),
    row('\t（五）不予处理\t1.信访举报投诉类申请', zero),
    row('\t\t2.重复申请', [1, 0, 0, 0, 0, 0, 1]),
    row('\t\t3.要求提供公开出版物', zero),
    row('\t\t4.无正当理由大量反复申请', zero),
    row('\t\t5.要求行政机关确认或重新出具已获取信息', zero),
    row('\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', zero),
    row('\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', zero),
    row('\t\t3.其他', [1, 0, 0, 0, 0, 0, 1]),
    row('\t（七）总计', [10, 2, 0, 0, 0, 0, 12], 2),
    row('四、结转下年度继续办理', [1, 0, 0, 0, 0, 0, 1], 2),
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    ...(p.sec4 ? [p.sec4, ''] : []),
    '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    ['2', '1', '0', '1', '4', '1', '0', '0', '1', '2', '0', '1', '0', '0', '1'].join('\t'),
    '',
    '五、存在的主要问题及改进情况',
    '',
    '信息公开的内容还不够全面。',
    '',
    '六、其他需要报告的事项',
    '',
    '本机关未收取信息处理费。',
    '',
    ...(p.attachment ? ['附件：', '', p.attachment, ''] : []),
  ].join('\n');
}

function ttm(text: string): Diagnostic[] {
  return lintText(text).diagnostics.filter((d) => d.code === 'text-table-mismatch');
}

function offset(text: string, pos: { line: number; character: number }): number {
  let o = 0;
  const lines = text.split('\n');
  for (let i = 0; i < pos.line; i++) o += lines[i]!.length + 1;
  return o + pos.character;
}

/** The source text a diagnostic's range covers. */
function covered(text: string, d: Diagnostic): string {
  return text.slice(offset(text, d.range.start), offset(text, d.range.end));
}

function applyQuickFix(text: string, d: Diagnostic): string {
  const e = d.fixes![0]!.edits[0]!;
  return text.slice(0, offset(text, e.range.start)) + e.newText + text.slice(offset(text, e.range.end));
}

/** `covered text → table value` for every finding, in order. */
function summary(text: string): string[] {
  return ttm(text).map((d) => `${covered(text, d)}→${d.data?.tableValue as string}`);
}

const ov = (overview: string) => report({ overview });

// ---------------------------------------------------------------------------------------------

describe('baseline', () => {
  it('the built report is clean', () => {
    const r = lintText(report());
    expect(r.templateVersion).toBe('2021');
    expect(r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
  });

  it('a narrative that agrees with every table is silent', () => {
    const text = ov(
      '2021年，本机关共收到政府信息公开申请11件，上年结转2件，办结12件，结转下年度继续办理1件。其中予以公开5件，部分公开2件，不予公开1件，无法提供2件，不予处理1件，其他处理1件。本年度发生行政复议4件（其中结果维持2件、结果纠正1件、其他结果0件、尚未审结1件），行政诉讼3件。本年制发行政规范性文件3件，废止1件，现行有效15件。',
    );
    expect(ttm(text)).toEqual([]);
  });
});

describe('收到/受理/新收 … 申请 N 件 → 一、本年新收 总计', () => {
  it('a different count is a warning on the number, with the table cell as related information and a quick fix', () => {
    const text = ov('2021年，本机关共收到政府信息公开申请12件，均已按时答复。');
    const [d, ...rest] = ttm(text);
    expect(rest).toEqual([]);
    expect(d!.severity).toBe('warning');
    expect(covered(text, d!)).toBe('12');
    expect(d!.message).toContain('12');
    expect(d!.message).toContain('11');
    expect(d!.message).toContain('一、本年新收政府信息公开申请数量');
    expect(d!.data).toMatchObject({ table: 'applications', row: 'new', column: 'total', stated: '12', tableValue: '11' });
    // related: the table cell 一、本年新收 × 总计
    expect(d!.related).toHaveLength(1);
    const rel = d!.related![0]!;
    expect(text.split('\n')[rel.range.start.line]).toMatch(/^一、本年新收/);
    expect(covered(text, { ...d!, range: rel.range })).toBe('11');
    // the quick fix replaces the number; the result is clean; fix-all does not apply it
    expect(d!.fixes?.[0]?.edits).toHaveLength(1);
    expect(ttm(applyQuickFix(text, d!))).toEqual([]);
    expect(applyFixes(text)).toBe(text);
  });

  it('speaks English when asked', () => {
    const d = lintText(ov('2021年，本机关共收到政府信息公开申请12件。'), { language: 'en' }).diagnostics.find((x) => x.code === 'text-table-mismatch')!;
    expect(d.message).toMatch(/The text says 12 applications received, but table 3 has 11/);
  });

  it('受理, 新收 and the table label wording', () => {
    expect(summary(ov('全年共受理依申请公开申请10件。'))).toEqual(['10→11']);
    expect(summary(ov('本年新收政府信息公开申请数量为9件。'))).toEqual(['9→11']);
    expect(summary(ov('本年度共收到3件政府信息公开申请。'))).toEqual(['3→11']);
    expect(ttm(ov('全年共受理依申请公开申请11件。'))).toEqual([]);
  });

  it('含上年结转 / 其中上年结转: compared with 一 + 二', () => {
    expect(ttm(ov('2021年，共收到政府信息公开申请13件（含上年结转2件）。'))).toEqual([]);
    expect(summary(ov('2021年，共收到政府信息公开申请12件（含上年结转2件）。'))).toEqual(['12→13']);
    expect(summary(ov('2021年，共收到政府信息公开申请14件，其中上年结转2件。'))).toEqual(['14→13']);
    expect(ttm(ov('共受理依申请公开13件，其中新收11件，上年结转2件。'))).toEqual([]);
    expect(ttm(ov('包括上年结转在内，共收到政府信息公开申请13件。'))).toEqual([]);
  });

  it('新收 + 结转 presented as new: reported, with a note and no quick fix', () => {
    const [d] = ttm(ov('2021年，共收到政府信息公开申请13件。'));
    expect(d!.data).toMatchObject({ stated: '13', tableValue: '11' });
    expect(d!.message).toContain('上年结转');
    expect(d!.fixes).toBeUndefined();
  });

  it('numbers: full-width, Chinese (两, 十二, 二十三, 一百零五, 〇), 0件', () => {
    const full = ov('2021年，本机关共收到政府信息公开申请１２件。');
    const [d] = ttm(full);
    expect(covered(full, d!)).toBe('１２');
    expect(ttm(applyQuickFix(full, d!))).toEqual([]);
    expect(summary(ov('共收到政府信息公开申请两件。'))).toEqual(['两→11']);
    expect(summary(ov('共收到政府信息公开申请十二件。'))).toEqual(['十二→11']);
    expect(summary(ov('共收到政府信息公开申请二十三件。'))).toEqual(['二十三→11']);
    expect(summary(ov('共收到政府信息公开申请一百零五件。'))).toEqual(['一百零五→11']);
    expect(summary(ov('共收到政府信息公开申请〇件。'))).toEqual(['〇→11']);
    expect(summary(ov('共收到政府信息公开申请0件。'))).toEqual(['0→11']);
    expect(ttm(ov('共收到政府信息公开申请十一件。'))).toEqual([]);
    const fixed = applyQuickFix(ov('共收到政府信息公开申请十二件。'), ttm(ov('共收到政府信息公开申请十二件。'))[0]!);
    expect(fixed).toContain('共收到政府信息公开申请11件。');
  });

  it('未收到/没有收到/无 … 申请 means 0 (no quick fix)', () => {
    for (const s of ['2021年全乡未收到政府信息公开申请。', '本年度没有收到政府信息公开申请。', '本年度无政府信息公开申请。', '2021年，未收到依申请公开事项。', '本年度未曾收到政府信息公开申请。', '本年度并未 收到政府信息公开申请。']) {
      const text = ov(s);
      const ds = ttm(text);
      expect(ds, s).toHaveLength(1);
      expect(ds[0]!.data).toMatchObject({ row: 'new', stated: '0', tableValue: '11' });
      expect(ds[0]!.fixes).toBeUndefined();
      expect(covered(text, ds[0]!)).toMatch(/^(未收到|没有收到|无|未曾收到|并未 收到)$/);
    }
    // a negation that does not open a count clause (无缝, 未按规定) says nothing about the tables
    expect(ttm(ov('做到无缝衔接，确保申请办理不断档。对未按规定办理申请的严肃问责。'))).toEqual([]);
    // 一 = 0: silent
    expect(ttm(report({ overview: '2021年全乡未收到政府信息公开申请。', newTotal: '0' }).replace('9\t2\t0\t0\t0\t0\t0', '0\t0\t0\t0\t0\t0\t0'))).toEqual([]);
  });
});

describe('答复/办结/办理 → （七）总计', () => {
  it('答复 and 办结', () => {
    expect(summary(ov('全年共答复政府信息公开申请10件。'))).toEqual(['10→12']);
    expect(summary(ov('收到申请11件，已办结十件。'))).toEqual(['十→12']);
    expect(ttm(ov('全年共答复政府信息公开申请12件（含上年度结转2件）。'))).toEqual([]);
  });

  it('办理: （七）总计 or 一 + 二 are both accepted', () => {
    expect(ttm(ov('共办理政府信息公开申请12件。'))).toEqual([]);
    expect(ttm(ov('共办理政府信息公开申请13件。'))).toEqual([]);
    expect(summary(ov('共办理政府信息公开申请14件。'))).toEqual(['14→12']);
  });

  it('a result word before the verb is the subject (予以公开答复 N 件)', () => {
    expect(summary(ov('收到申请11件，其中予以公开答复6件。'))).toEqual(['6→5']);
  });
});

describe('结转 → 四 / 二', () => {
  it('结转/顺延到下年度 N 件 → 四、结转下年度继续办理', () => {
    expect(summary(ov('收到申请11件，结转下年度继续办理2件。'))).toEqual(['2→1']);
    expect(summary(ov('收到申请11件，顺延到下一年度办理2件。'))).toEqual(['2→1']);
    expect(ttm(ov('收到申请11件，结转至2022年办理1件。'))).toEqual([]);
    expect(summary(ov('收到申请11件，结转至2022年办理3件。'))).toEqual(['3→1']);
    expect(ttm(ov('收到申请11件，无下年度结转。'))).toHaveLength(1);
  });

  it('上年结转 N 件 → 二、上年结转', () => {
    expect(summary(ov('本年度上年结转政府信息公开申请3件。'))).toEqual(['3→2']);
    expect(ttm(ov('收到申请11件，2020年结转的申请2件。'))).toEqual([]);
    expect(summary(ov('收到申请11件，2020年结转的申请4件。'))).toEqual(['4→2']);
  });
});

describe('办理结果 → （一）…（六）', () => {
  it('each result and its group sum', () => {
    const text = ov('收到申请11件，其中予以公开6件，部分公开3件，不予公开3件，无法提供0件，不予处理2件，其他处理0件。');
    expect(summary(text)).toEqual(['6→5', '3→2', '3→1', '0→2', '2→1', '0→1']);
    const refused = ttm(text)[2]!;
    expect(refused.data).toMatchObject({ table: 'applications', column: 'total', stated: '3', tableValue: '1' });
    expect(refused.related).toHaveLength(8); // the eight rows of （三）
    expect(refused.message).toContain('（三）不予公开');
  });

  it('予以公开及部分公开 N 件 → （一）+（二）', () => {
    expect(summary(ov('办理结果：予以公开及部分公开8件。'))).toEqual(['8→7']);
    expect(ttm(ov('办理结果：予以公开及部分公开7件。'))).toEqual([]);
    expect(ttm(ov('收到申请11件，全部或部分公开7件。'))).toEqual([]);
  });

  it('a sentence that begins with 其中 continues the one before', () => {
    expect(summary(ov('本年度收到政府信息公开申请11件。其中予以公开6件，部分公开2件。'))).toEqual(['6→5']);
    expect(summary(ov('本年度发生行政复议案件4件。其中结果维持3件，尚未审结1件。'))).toEqual(['3→2']);
    expect(ttm(ov('本年度工作成效明显。其中予以公开6件。'))).toEqual([]);
  });

  it('count first: 其中3件予以公开', () => {
    expect(summary(ov('收到申请11件，其中3件予以公开，2件部分公开，1件结转下年度。'))).toEqual(['3→5']);
  });
});

describe('行政复议 / 行政诉讼 → 表四', () => {
  it('totals and parts', () => {
    const text = ov('本年度发生行政复议5件（其中结果维持2件、结果纠正1件、其他结果0件、尚未审结2件），行政诉讼4起（其中结果维持1起、结果纠正2起、其他结果0起、尚未审结1起）。');
    expect(summary(text)).toEqual(['5→4', '2→1', '4→3', '2→1']);
    const [review, pending, lit, corrected] = ttm(text);
    expect(review!.data).toMatchObject({ table: 'review', row: 'cases', column: 'review-total' });
    expect(pending!.data).toMatchObject({ column: 'review-pending' });
    expect(lit!.data).toMatchObject({ column: 'direct-total+after-total', tableValue: '3' });
    expect(lit!.related).toHaveLength(2);
    expect(corrected!.data).toMatchObject({ column: 'direct-corrected+after-corrected', tableValue: '1' });
  });

  it('a breakdown in brackets does not change what 其中 refers to', () => {
    expect(ttm(ov('全年被提起行政诉讼3件（未经复议直接起诉2件、复议后起诉1件），其中结果维持1件、结果纠正1件。'))).toEqual([]);
    const text = ov('全年被提起行政诉讼3件（未经复议直接起诉2件、复议后起诉1件），其中结果维持2件。');
    expect(ttm(text).map((d) => d.data?.column)).toEqual(['direct-upheld+after-upheld']);
  });

  it('未经复议直接起诉 / 复议后起诉', () => {
    expect(summary(ov('行政诉讼3件，其中未经复议直接起诉3件，复议后起诉1件。'))).toEqual(['3→2']);
  });

  it('未发生…行政复议、行政诉讼 means 0 for both', () => {
    const text = ov('2021年，未发生因政府信息公开引起的行政复议、行政诉讼案件。');
    const ds = ttm(text);
    expect(ds.map((d) => d.data?.column)).toEqual(['review-total', 'direct-total+after-total']);
    expect(covered(text, ds[0]!)).toBe('未发生');
    expect(ds.every((d) => !d.fixes)).toBe(true);
    expect(ttm(ov('行政复议、行政诉讼均未发生。'))).toHaveLength(2);
    expect(ttm(ov('行政复议、行政诉讼均无。'))).toHaveLength(2);
    expect(ttm(ov('行政复议、行政诉讼均无'))).toHaveLength(2);
  });

  it('各 and 分别', () => {
    const each = ttm(ov('行政复议、行政诉讼各0件。'));
    expect(each.map((d) => d.data?.tableValue)).toEqual(['4', '3']);
    expect(each.every((d) => !d.fixes)).toBe(true);
    expect(summary(ov('行政复议和行政诉讼分别为4件、2件。'))).toEqual(['2→3']);
    expect(ttm(ov('行政复议和行政诉讼分别为4件、3件。'))).toEqual([]);
  });
});

describe('规范性文件 → 表二 第二十条第（一）项', () => {
  it('2021: 制发, 废止, 现行有效', () => {
    const text = ov('本年制发行政规范性文件4件，废止2件，现行有效16件。');
    expect(summary(text)).toEqual(['4→3', '2→1', '16→15']);
    expect(ttm(text).map((d) => d.data?.column)).toEqual(['issued', 'repealed', 'in-force']);
    expect(ttm(text)[0]!.data).toMatchObject({ table: 'proactive', row: 'normative' });
    expect(summary(ov('截至年底，现行有效行政规范性文件16件。'))).toEqual(['16→15']);
    expect(summary(ov('全年共制发4件行政规范性文件。'))).toEqual(['4→3']);
  });

  it('2019 has no 现行有效 column: silent; 本年新制作 compares with 本年新制作数量', () => {
    const base = seed(SEED.s003);
    const line9 = base.split('\n')[8]!;
    expect(line9).toMatch(/^2019 年，漷县镇/);
    const at = (s: string) => editLine(base, 9, (l) => l + s);
    expect(ttm(at('现行有效规范性文件5件。'))).toEqual([]);
    expect(ttm(at('本年制发规范性文件5件。'))).toEqual([]);
    expect(ttm(at('本年新制作规范性文件1件。')).map((d) => d.data)).toMatchObject([{ table: 'proactive', row: 'normative', column: 'made', tableValue: '0' }]);
    // and the application counts of a 2019 report
    expect(ttm(at('全年共收到政府信息公开申请3件。')).map((d) => d.data?.tableValue)).toEqual(['2']);
  });
});

describe('a table that contradicts itself', () => {
  it('the text agreeing with the corrected reading is left to the arithmetic rules', () => {
    // （一）予以公开 总计 printed 6, its parts add up to 5 (and （七） to 12 with 5): the text says 5
    const text = report({ overview: '收到申请11件，其中予以公开5件。', disclosedTotal: '6' });
    const codes = lintText(text).diagnostics.map((d) => d.code);
    expect(codes.some((c) => c === 'suspect-cell' || c === 'row-total')).toBe(true);
    expect(ttm(text)).toEqual([]);
    // a third number is still a mismatch with the printed cell
    expect(summary(report({ overview: '收到申请11件，其中予以公开8件。', disclosedTotal: '6' }))).toEqual(['8→6']);
  });
});

describe('sections 三 and 四, line wraps, HTML', () => {
  it('the prose around tables 三 and 四', () => {
    expect(summary(report({ sec3: '本年度新收政府信息公开申请10件。' }))).toEqual(['10→11']);
    expect(summary(report({ sec4: '本年度共发生行政复议3起，行政诉讼3起。' }))).toEqual(['3→4']);
  });

  it('joins lines wrapped by the extraction; the span is the number in its own line', () => {
    const text = ov('2021年，本机关共收到政府\n信息公开申请12件，全部按时办结。');
    const [d] = ttm(text);
    expect(covered(text, d!)).toBe('12');
    expect(d!.range.start.line).toBe(5);
    expect(ttm(applyQuickFix(text, d!))).toEqual([]);
    // a number broken by the wrap: reported over both lines, no quick fix
    const split = ov('2021年，本机关共收到政府信息公开申请1\n2件，全部按时办结。');
    const [e] = ttm(split);
    expect(covered(split, e!)).toBe('1\n2');
    expect(e!.fixes).toBeUndefined();
    // a line that ends a sentence is not joined to the next
    expect(ttm(ov('本机关高度重视依申请公开。\n12件建议已办理完毕。'))).toEqual([]);
  });

  it('HTML: the span maps to the source; no quick fix across markup', () => {
    const html = toHtml(report({ overview: '2021年，本机关共收到政府信息公开申请&nbsp;12件。行政复议<b>5</b>件。' }));
    const ds = lintText(html).diagnostics.filter((d) => d.code === 'text-table-mismatch');
    expect(ds.map((d) => covered(html, d))).toEqual(['12', '5']);
    expect(ds.every((d) => d.fixes?.length === 1)).toBe(true);
    const broken = toHtml(report({ overview: '2021年，本机关共收到政府信息公开申请<b>1</b>2件。' }));
    const [d] = lintText(broken).diagnostics.filter((x) => x.code === 'text-table-mismatch');
    expect(covered(broken, d!)).toBe('1</b>2');
    expect(d!.fixes).toBeUndefined();
  });
});

describe('must stay silent', () => {
  const silent = (what: string, overview: string) =>
    it(what, () => {
      expect(ttm(ov(overview))).toEqual([]);
    });
  silent('percentages', '全年办结率100%，予以公开占比41.7%，公开率为30.80%，答复率100%。');
  silent('other document kinds', '本年制发政策性文件11件，现行有效政策性文件11件，党内规范性文件2件，建立健全规章制度3件。');
  silent('counts of other things', '2021年，我镇在政府信息公开平台共发布167条信息，开通新媒体95个，主动公开政府信息1234条，受理咨询30件，收到群众来信12件，办理人大建议12件。');
  silent('another year', '2020年，本机关收到政府信息公开申请5件，办结5件。');
  silent('plans', '下一步，本机关力争受理政府信息公开申请20件。2022年将新制发规范性文件10件。');
  silent('comparisons', '收到申请11件，较上年增加3件，比2020年减少2件。');
  silent('parts of the whole', '收到申请11件，其中自然人申请9件，法人或其他组织申请2件；通过网络申请9件，当面申请2件。本级收到申请5件，各部门共收到申请100件。');
  silent('approximate counts', '全年收到政府信息公开申请10余件，约12件，答复30多件。');
  silent('unknown members of a list', '收到申请11件，其中同意公开或部分公开共7件，依法告知3件。');
  silent('no table value for it (2021 has no 本年新公开)', '本年新公开规范性文件9件，公开规范性文件5件。');
  silent('a 其中 sentence after a sentence about another period', '2021年上半年，共受理政府信息公开申请267件。其中予以公开81件。');
  silent('verbs that do not agree with each other', '收到并办理政府信息公开申请11件。');
  silent('time limits and measure words of other things', '申请均在20个工作日内答复，设立1个专门的信息申请受理电话，配备2名工作人员。');
  silent('review cases the body decides itself (受理行政复议申请)', '全年受理行政复议申请5件，审结4件；未收到行政诉讼申请。');
  silent('other work counted in 件', '2021年，共受理12345热线转办件56件，办结率100%。全年处理网民留言120件，答复群众咨询300余件。共办理人大代表建议15件、政协委员提案20件。全年办理行政许可320件，接收各类来信来访43件。');
  silent('a negation of a part', '2021年度，未收到法人或者其他组织的政府信息公开申请，未发生行政复议被纠错的情况。');

  it('sentences in an attachment', () => {
    expect(ttm(report({ attachment: '2021年，本机关共收到政府信息公开申请99件。' }))).toEqual([]);
  });

  it('when the table cell is missing or unreadable', () => {
    const noTable = report({ overview: '2021年，本机关共收到政府信息公开申请12件。' }).replace(/^一、本年新收.*$/m, '');
    expect(ttm(noTable)).toEqual([]);
    const invalid = report({ overview: '2021年，本机关共收到政府信息公开申请12件。', newTotal: '十一' });
    expect(ttm(invalid)).toEqual([]);
  });
});

describe('seeds', () => {
  it('give no text-table-mismatch', () => {
    for (const name of Object.values(SEED)) expect(ttm(seed(name)), name).toEqual([]);
  });

  it('seed 002: “2021年全乡未收到政府信息公开申请” against 一 总计 = 3 is a finding', () => {
    let text = seed(SEED.s002);
    expect(text.split('\n')[12]).toContain('2021年全乡未收到政府信息公开申请。');
    expect(text.split('\n')[61]).toMatch(/^一、本年新收/);
    text = editLine(text, 63, () => '3 |');
    text = editLine(text, 69, () => '3 | ||');
    const ds = ttm(text);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.range.start.line).toBe(12);
    expect(covered(text, ds[0]!)).toBe('未收到');
    expect(ds[0]!.data).toMatchObject({ stated: '0', tableValue: '3' });
  });

  it('seed 004: “共发布167条信息” is not an application count', () => {
    expect(seed(SEED.s004)).toContain('共发布167条信息');
    expect(ttm(seed(SEED.s004))).toEqual([]);
  });
});

describe('cost', () => {
  it('stays linear on long and hostile prose', () => {
    const hostile = ['收到'.repeat(20000), '1件'.repeat(20000), '未'.repeat(40000), '行政复议、'.repeat(8000) + '各0件', '一'.repeat(40000) + '件', ('收到申请' + '的'.repeat(30) + '12件，').repeat(1500), '分别'.repeat(10000) + ',,,,'.repeat(5000)];
    for (const h of hostile) {
      const t0 = performance.now();
      lintText(ov(h));
      expect(performance.now() - t0, h.slice(0, 12)).toBeLessThan(2000);
    }
  });
});

function toHtml(text: string): string {
  const out: string[] = ['<html><body>'];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      if (!inTable) out.push('<table>');
      inTable = true;
      out.push('<tr>' + line.split('\t').map((c) => `<td>${c}</td>`).join('') + '</tr>');
    } else {
      if (inTable) out.push('</table>');
      inTable = false;
      if (line.trim()) out.push(`<p>${line}</p>`);
    }
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}
