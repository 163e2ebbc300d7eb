// The prose the narrative reader reads: paragraphs of sections 一, 三 and 四 of the body, joined
// across the extraction's line wraps into chunks of folded text, with the way back from a chunk
// position to the source text.
import type { Span } from '../../core/types';
import type { Paragraph, ReportModel } from '../../model/types';
import { foldedText } from '../../parse/values';
import { lastAtMost } from '../../core/text';
import { bodyParagraphs, paraSpan } from '../prose';
import { isSpace } from './tokens';

export interface Chunk {
  section: string;
  paras: Paragraph[];
  /** Where each paragraph starts in `text`. */
  starts: number[];
  /** Folded (full-width → ASCII), same length as the joined paragraph texts. */
  text: string;
}

const TERMINALS = '。！？!?；;：:';
const CLOSERS = '"\'”’」』)）';

/** The paragraph ends a sentence (。；： possibly inside a closing quote or bracket). */
function endsSentence(text: string): boolean {
  let k = text.length - 1;
  while (k >= 0 && (isSpace(text.charCodeAt(k)) || text[k] === '\u3000' || text[k] === '\u00a0')) k--;
  if (k >= 0 && CLOSERS.includes(text[k]!)) k--;
  return k >= 0 && TERMINALS.includes(text[k]!);
}
const ENUMERATOR = /^[\s\u3000]{0,8}(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}(?:、|是)|\d{1,2}[、.．)）](?!\d)|[①-⑳])/;

/** Only whitespace, tags and &nbsp; stand between two paragraphs (no table in between). */
function adjacent(text: string, a: Paragraph, b: Paragraph): boolean {
  const from = a.span.end;
  const to = b.span.start;
  if (to - from > 4000) return false;
  let inTag = false;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (inTag) {
      if (ch === '>') inTag = false;
      continue;
    }
    if (ch === '<') inTag = true;
    else if (ch === '&') {
      const semi = text.slice(i, i + 10).indexOf(';');
      if (semi < 0) return false;
      i += semi;
    } else if (!isSpace(text.charCodeAt(i)) && ch !== '\u3000' && ch !== '\u00a0') return false;
  }
  return true;
}

export function chunksOf(model: ReportModel): Chunk[] {
  const wanted = model.sections.filter((s) => !s.inAttachment && (s.id === 'overview' || s.id === 'applications' || s.id === 'review'));
  if (!wanted.length) return [];
  const paras = bodyParagraphs(model);
  const out: Chunk[] = [];
  for (const sec of wanted) {
    let cur: Chunk | null = null;
    let prev: Paragraph | null = null;
    for (const p of paras) {
      if (p.span.start < sec.content.start || p.span.end > sec.content.end) continue;
      const join =
        cur !== null &&
        prev !== null &&
        !endsSentence(prev.text) &&
        !(ENUMERATOR.test(prev.text) && prev.text.length <= 40 && !/[。；;]/.test(prev.text)) &&
        !ENUMERATOR.test(p.text) &&
        adjacent(model.text, prev, p);
      if (join && cur) {
        cur.starts.push(cur.text.length);
        cur.paras.push(p);
        cur.text += foldedText(p);
      } else {
        cur = { section: sec.id, paras: [p], starts: [0], text: foldedText(p) };
        out.push(cur);
      }
      prev = p;
    }
  }
  return out;
}

/** Index of the paragraph holding chunk text position x. */
function paraAt(c: Chunk, x: number): number {
  return lastAtMost(c.starts, x);
}

/** Source span of chunk text [s, e); `crosses` when it runs over a line wrap. */
export function chunkSpan(c: Chunk, s: number, e: number): { span: Span; crosses: boolean } {
  const a = paraAt(c, s);
  const b = paraAt(c, Math.max(s, e - 1));
  const pa = c.paras[a]!;
  if (a === b) return { span: paraSpan(pa, s - c.starts[a]!, e - c.starts[a]!), crosses: false };
  const pb = c.paras[b]!;
  const first = paraSpan(pa, s - c.starts[a]!, pa.text.length);
  const last = paraSpan(pb, 0, e - c.starts[b]!);
  return { span: { start: first.start, end: last.end }, crosses: true };
}

/** The original words of chunk text [s, e) (not folded), without line breaks. */
export function chunkWords(c: Chunk, s: number, e: number): string {
  let out = '';
  for (let x = paraAt(c, s); x < c.paras.length && c.starts[x]! < e; x++) {
    const from = c.starts[x]!;
    const to = from + c.paras[x]!.text.length;
    if (to <= s || from >= e) continue;
    out += c.paras[x]!.text.slice(Math.max(s, from) - from, Math.min(e, to) - from);
  }
  return out.replace(/\s+/g, '');
}
