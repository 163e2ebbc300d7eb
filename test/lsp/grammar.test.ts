// The TextMate grammar (syntaxes/nianbao.tmLanguage.json): scopes on typical report lines, checked
// with a small tokenizer that follows TextMate's rule (earliest match wins, then pattern order), and
// every regex run against long adversarial lines to show it cannot backtrack catastrophically.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, SEEDS, seedText } from './harness';

interface Rule {
  match?: string;
  name?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, { name?: string; patterns?: Rule[] }>;
}
interface Grammar {
  scopeName: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(readFileSync(join(REPO, 'syntaxes/nianbao.tmLanguage.json'), 'utf8')) as Grammar;

/** Flattens includes into the ordered list of match rules TextMate would try. */
function flatten(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const r of rules) {
    if (r.include) out.push(...flatten([grammar.repository[r.include.slice(1)]!]));
    else if (r.match) out.push(r);
    else if (r.patterns) out.push(...flatten(r.patterns));
  }
  return out;
}

const compiled = new Map<string, RegExp>();
function re(source: string): RegExp {
  let r = compiled.get(source);
  if (!r) {
    r = new RegExp(source, 'dg');
    compiled.set(source, r);
  }
  return r;
}

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(line: string, rules: Rule[] = grammar.patterns, base = 0, out: Token[] = []): Token[] {
  const list = flatten(rules);
  let pos = 0;
  while (pos <= line.length) {
    let best: { rule: Rule; m: RegExpExecArray } | undefined;
    for (const rule of list) {
      const r = re(rule.match!);
      r.lastIndex = pos;
      const m = r.exec(line);
      if (m && (!best || m.index < best.m.index)) best = { rule, m };
    }
    if (!best) break;
    const { rule, m } = best;
    if (rule.name) out.push({ text: m[0], scopes: rule.name.split(' ') });
    for (const [k, cap] of Object.entries(rule.captures ?? {})) {
      const idx = m.indices?.[Number(k)];
      if (!idx) continue;
      const text = line.slice(idx[0], idx[1]);
      if (cap.name) out.push({ text, scopes: cap.name.split(' ') });
      if (cap.patterns) tokenize(text, cap.patterns, base + idx[0], out);
    }
    pos = m[0].length ? m.index + m[0].length : m.index + 1;
  }
  return out;
}

/** The texts given scope `prefix` on `line`. */
function scoped(line: string, prefix: string): string[] {
  return tokenize(line)
    .filter((t) => t.scopes.some((s) => s.startsWith(prefix)))
    .map((t) => t.text.trim());
}

describe('grammar scopes', () => {
  it('has the expected scope name and compiles', () => {
    expect(grammar.scopeName).toBe('text.nianbao');
    for (const r of flatten(grammar.patterns)) expect(() => re(r.match!)).not.toThrow();
  });

  it('section headings, but not table 三 rows that look like them', () => {
    expect(scoped('一、总体情况', 'entity.name.section')).toEqual(['总体情况']);
    expect(scoped('## 四、政府信息公开行政复议、行政诉讼情况', 'entity.name.section')).toEqual(['政府信息公开行政复议、行政诉讼情况']);
    expect(scoped('五、存在的主要问题及改进情况', 'markup.heading')).toEqual(['五、存在的主要问题及改进情况']);
    const row = '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t11\t12';
    expect(scoped(row, 'entity.name.section')).toEqual([]);
    expect(scoped(row, 'support.type.property-name.row-label')).toEqual(['一、本年新收政府信息公开申请数量']);
    expect(scoped(row, 'constant.numeric')).toEqual(['1', '0', '0', '0', '0', '11', '12']);
  });

  it('row labels, captions, totals, numbers (ASCII and full-width), cell separators', () => {
    expect(scoped('（一）予以公开\t1\t0', 'support.type.property-name.row-label')).toEqual(['（一）予以公开']);
    expect(scoped('\t1. 属于国家秘密\t0\t0', 'support.type.property-name.row-label')).toEqual(['1. 属于国家秘密']);
    expect(scoped('3.补正后申请内容仍\t0', 'support.type.property-name.row-label')).toEqual(['3.补正后申请内容仍']);
    expect(scoped('第二十条第（一）项', 'entity.name.type.caption')).toEqual(['第二十条第（一）项']);
    expect(scoped('第二十条第（五）（六）项', 'entity.name.type.caption')).toEqual(['第二十条第（五）（六）项']);
    expect(scoped('\t自然人\t商业企业\t总计', 'keyword.other.total')).toEqual(['总计']);
    expect(scoped('行政许可\t１２\t-3\t310.5', 'constant.numeric')).toEqual(['１２', '-3', '310.5']);
    expect(scoped('| 规章 | 0 | 0 |', 'support.type.property-name.row-label')).toEqual(['规章']);
    expect(scoped('| 规章 | 0 | 0 |', 'punctuation.separator.cell').length).toBe(4);
  });

  it('placeholders: （文字描述）, XX, X件, runs of spaces before a measure word', () => {
    expect(scoped('（文字描述）', 'invalid.illegal.placeholder')).toEqual(['（文字描述）']);
    expect(scoped('XX镇2019年政府信息公开工作年度报告', 'invalid.illegal.placeholder')).toEqual(['XX']);
    expect(scoped('共收到申请X件', 'invalid.illegal.placeholder')).toEqual(['X']);
    const line = '累计主动公开政府信息  余条，收到和处理政府信息公开申请   件，办结率  %。';
    expect(tokenize(line).filter((t) => t.scopes[0] === 'invalid.illegal.placeholder.nianbao').map((t) => t.text.length)).toEqual([2, 3, 2]);
    expect(scoped('Xbox 与 XML', 'invalid.illegal.placeholder')).toEqual([]);
  });

  it('title and attachment lines', () => {
    expect(scoped('重庆市大渡口区建胜镇 2019 年政府信息公开工作年度报告', 'markup.heading.title')).toEqual(['重庆市大渡口区建胜镇 2019 年政府信息公开工作年度报告']);
    expect(scoped('附件：', 'keyword.other.attachment')).toEqual(['附件：']);
  });

  it('every seed line tokenizes', () => {
    for (const name of SEEDS) for (const line of seedText(name).split(/\r?\n/)) expect(() => tokenize(line)).not.toThrow();
  });
});

describe('no catastrophic backtracking', () => {
  const n = 20_000;
  const adversarial = [
    ' '.repeat(n),
    '\u3000'.repeat(n) + '件',
    'X'.repeat(n),
    '1'.repeat(n),
    '1.'.repeat(n),
    '（一）'.repeat(n / 3),
    '一、' + '本'.repeat(n),
    '第二十条第（一）'.repeat(n / 8),
    '\t'.repeat(n) + '1',
    '|'.repeat(n),
    '政府信息公开'.repeat(n / 6),
    '附件' + '1'.repeat(n),
    '## ' + '#'.repeat(n),
  ];
  it('each regex runs in linear time on long adversarial lines', () => {
    for (const rule of flatten(grammar.patterns)) {
      const r = re(rule.match!);
      for (const line of adversarial) {
        const t = Date.now();
        // Scan the line as the tokenizer does, from every position where a match attempt starts.
        for (let pos = 0; pos < line.length; pos += 997) {
          r.lastIndex = pos;
          r.exec(line);
        }
        expect(Date.now() - t, `${rule.match} on ${JSON.stringify(line.slice(0, 12))}…`).toBeLessThan(500);
      }
    }
  });
});
