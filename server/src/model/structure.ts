// Document structure: section headings, the title, the report year and where attachments begin.
import { editDistance, nextLineStart, normalizeLabel } from '../core/text';
import type { Span, YearSource } from '../core/types';
import type { SectionDef, TemplateDef } from '../templates/schema';
import { fold, foldedText } from '../parse/values';
import type { Block } from '../parse/blocks';
import type { HeadingMatch, Paragraph, Section } from './types';

const NUMERALS = '一二三四五六';
const HEADING = /^[\s#*>]*([一二三四五六])\s*[、.．]\s*/;

export interface HeadingHit {
  def: SectionDef;
  match: HeadingMatch;
  span: Span;
  text: string;
}

/** Row and group labels that begin with 一、…四、 (table 三) are rows, never headings. */
function rowPrefixes(template: TemplateDef): string[] {
  const out: string[] = [];
  for (const t of template.tables)
    for (const p of t.parts) {
      for (const r of p.rows) if (/^[一二三四五六]、/.test(r.label)) out.push(normalizeLabel(r.label).slice(0, 6));
      for (const g of p.groups) if (/^[一二三四五六]、/.test(g.label)) out.push(normalizeLabel(g.label).slice(0, 6));
    }
  return out;
}

const prefixCache = new WeakMap<TemplateDef, string[]>();

export function classifyHeading(para: Paragraph, template: TemplateDef): HeadingHit | null {
  const text = para.text;
  if (text.length > 60) return null;
  const m = HEADING.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  const restTrim = rest.replace(/[\s*#]+$/, '');
  if (!restTrim || /[。；]/.test(restTrim) || restTrim.length > 40) return null;
  const norm = normalizeLabel(m[1] + '、' + restTrim);
  let prefixes = prefixCache.get(template);
  if (!prefixes) {
    prefixes = rowPrefixes(template);
    prefixCache.set(template, prefixes);
  }
  if (prefixes.some((p) => norm.startsWith(p))) return null;
  const body = normalizeLabel(restTrim).replace(/[:：]$/, '');
  const numeral = m[1]!;
  // Candidates: sections whose keywords occur; prefer the one whose numeral agrees.
  const candidates = template.sections.filter((s) => s.keywords.some((k) => body.includes(normalizeLabel(k))));
  if (!candidates.length) return null;
  const def = candidates.find((s) => s.numeral === numeral) ?? (candidates.length === 1 ? candidates[0]! : null);
  if (!def) return null;
  let match: HeadingMatch;
  if (body === normalizeLabel(def.heading)) match = 'exact';
  else if (def.variants.some((v) => normalizeLabel(v) === body)) match = 'variant';
  else if (def.typos.some((t) => body.includes(normalizeLabel(t)) && !normalizeLabel(def.heading).includes(normalizeLabel(t)))) match = 'typo';
  else if (editDistance(body, normalizeLabel(def.heading), 2) <= 2) match = 'typo';
  else match = 'variant';
  // The heading's span runs from its numeral (after any Markdown # or **) to the end of its words.
  const from = m[0].indexOf(numeral);
  const start = offsetAt(para, from);
  const end = offsetAt(para, m[0].length + restTrim.length - 1) + 1;
  return { def, match, span: { start, end }, text: text.slice(from, m[0].length + restTrim.length) };
}

export function offsetAt(para: Paragraph, i: number): number {
  return para.offsets ? para.offsets[Math.max(0, Math.min(i, para.offsets.length - 1))]! : para.span.start + i;
}

function titleScore_(text: string): number {
  if (!/年度报告|年报|年度工作报告|年度報告/.test(text)) return 0;
  let score = 1;
  if (/年度报告|年度工作报告|年度報告/.test(text)) score += 2;
  if (/政府信息公开|政务公开|政府資訊公開/.test(text)) score += 2;
  if (/(?:19|20)\d{2}\s*年|[〇零一二三四五六七八九]{4}\s*年/.test(text)) score += 2;
  if (/当前位置|首页|>|›|＞/.test(text)) score -= 4;
  return score;
}

export interface Structure {
  title: { text: string; span: Span } | null;
  sections: Section[];
  body: Span;
  attachments: Span[];
  headingBlocks: Set<Block>;
}

export function findStructure(text: string, blocks: Block[], template: TemplateDef, html = false): Structure {
  const headings: { hit: HeadingHit; block: Block }[] = [];
  let attachmentAt = -1;
  let title: Structure['title'] = null;
  let titleScore = 0;
  let paraCount = 0;
  for (const b of blocks) {
    if (b.kind !== 'para') continue;
    paraCount++;
    const p = b.para;
    // The title: among the first paragraphs before section 一, the best of those naming the report
    // (a page's breadcrumb “当前位置：首页 > … 政府信息公开年报” names it too, but scores low).
    if (paraCount <= 15 && headings.length === 0 && p.text.length <= 80) {
      const score = titleScore_(p.text);
      if (score > titleScore) {
        const s = p.text.search(/\S/);
        const e = p.text.trimEnd().length;
        title = { text: p.text.slice(s, e), span: { start: offsetAt(p, s), end: offsetAt(p, e - 1) + 1 } };
        titleScore = score;
      }
    }
    if (attachmentAt < 0 && headings.length > 0 && /^[\s\u3000]*附\s*件/.test(p.text) && p.text.length <= 60) {
      attachmentAt = p.span.start;
    }
    const hit = classifyHeading(p, template);
    if (hit) headings.push({ hit, block: b });
  }
  const bodyEnd = attachmentAt >= 0 ? attachmentAt : text.length;
  const sections: Section[] = headings.map(({ hit }, i) => {
    const next = headings[i + 1];
    const inAttachment = attachmentAt >= 0 && hit.span.start >= attachmentAt;
    let end = next ? next.hit.span.start : text.length;
    if (!inAttachment && attachmentAt >= 0 && end > attachmentAt) end = attachmentAt;
    // Content starts on the next line (text) or right after the heading's text (HTML, maybe one line).
    const contentStart = html ? hit.span.end : Math.min(end, nextLineStart(text, hit.span.end));
    return {
      id: hit.def.id,
      numeral: hit.def.numeral,
      heading: { text: hit.text, span: hit.span, match: hit.match },
      span: { start: hit.span.start, end },
      content: { start: Math.max(hit.span.end, Math.min(contentStart, end)), end },
      inAttachment,
    };
  });
  return {
    title,
    sections,
    body: { start: 0, end: bodyEnd },
    attachments: attachmentAt >= 0 ? [{ start: attachmentAt, end: text.length }] : [],
    headingBlocks: new Set(headings.map((h) => h.block)),
  };
}

// ---- year ---------------------------------------------------------------------------------------

const CN_DIGITS: Record<string, string> = { '〇': '0', 'О': '0', '零': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };

/** Replaces Chinese-numeral years (二〇二一年) by digits, keeping the length. */
export function foldYears(s: string): string {
  // a year in Chinese numerals always has 〇 or 零 in it (二〇二一); skip the regex otherwise
  if (!s.includes('〇') && !s.includes('零') && !s.includes('О')) return s;
  return s.replace(/[〇零一二三四五六七八九]{4}(?=\s*年)/g, (m) => [...m].map((c) => CN_DIGITS[c] ?? c).join(''));
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/;
const PERIOD = /(?:统计期限|统计时限|统计时间|统计期间|统计区间)[^\d]{0,12}((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日[^\d]{0,6}((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/;
const OPENING = /^[\s\u3000]*((?:19|20)\d{2})\s*年(?!\d)/;

export interface YearInfo {
  year: number | null;
  source: YearSource | null;
  evidence: Partial<Record<YearSource, { year: number; span: Span }>>;
}

export function findYear(title: Structure['title'], blocks: Block[], sections: Section[], body: Span): YearInfo {
  const evidence: YearInfo['evidence'] = {};
  if (title) {
    const f = foldYears(fold(title.text));
    const m = YEAR_IN_TITLE.exec(f);
    if (m) evidence.title = { year: Number(m[1]), span: { start: title.span.start + m.index, end: title.span.start + m.index + m[1]!.length } };
  }
  const overview = sections.find((s) => s.id === 'overview' && !s.inAttachment);
  let openingChecked = false;
  for (const b of blocks) {
    if (b.kind !== 'para' || b.para.span.start >= body.end) continue;
    if (evidence.period && (openingChecked || !overview)) break;
    // foldYears keeps the length and touches only numerals before 年: look for 统计 in the folded text
    // first, and fold the years only of the paragraphs that are read.
    const folded = foldedText(b.para);
    if (!evidence.period && folded.includes('统计')) {
      const f = foldYears(folded);
      const m = PERIOD.exec(f);
      if (m) {
        const i = m.index + m[0].lastIndexOf(m[2]!);
        evidence.period = { year: Number(m[2]), span: { start: offsetAt(b.para, i), end: offsetAt(b.para, i + 4 - 1) + 1 } };
      }
    }
    // Only the paragraph opening section 一 counts (“2019年，我镇…”), never later mentions.
    if (!openingChecked && overview && folded.trim() && b.para.span.start >= overview.content.start && b.para.span.start < overview.content.end) {
      openingChecked = true;
      const f = foldYears(folded);
      const m = OPENING.exec(f);
      if (m) {
        const i = f.indexOf(m[1]!);
        evidence.body = { year: Number(m[1]), span: { start: offsetAt(b.para, i), end: offsetAt(b.para, i + 3) + 1 } };
      }
    }
  }
  for (const source of ['title', 'period', 'body'] as const) {
    const e = evidence[source];
    if (e) return { year: e.year, source, evidence };
  }
  return { year: null, source: null, evidence };
}

export { NUMERALS };
