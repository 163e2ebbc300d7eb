// Offsets ↔ LSP positions, and the normalisation used only for matching (never for what we report).
import type { Position, Range, Span } from './types';

/** Index of the last element of ascending `sorted` that is ≤ x (0 when none is; `sorted` is not empty). */
export function lastAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Line starts of a text; `\r\n`, `\n` and lone `\r` all end a line, as LSP counts them. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // fast path: native search for line feeds
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtMost(this.starts, o);
    return { line, character: o - this.starts[line]! };
  }

  offset(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[p.line]! + p.character, this.lineEnd(p.line));
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  /** Offset just past the line's content (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let e = this.starts[line + 1]!;
    if (this.text.charCodeAt(e - 1) === 10) e--;
    if (this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }

}

/** Offset of the start of the line holding `offset` (lines end at \n, \r\n or a lone \r). */
export function lineStart(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/** Offset just after the line break ending the line holding `offset` (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/** The line break a text mostly uses, for text we insert. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  if (i < 0) return text.includes('\r') ? '\r' : '\n';
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

// Traditional → Simplified for the characters that occur in template labels and headings.
// Generated from OpenCC's character table by scripts/gen-t2s.mjs; see that script for why it is a subset.
import { t2s } from './t2s.generated';

const memo = new Map<string, string>();
const MEMO_MAX = 20_000;

/**
 * Canonical form for label matching: NFKC (full-width → ASCII), Traditional → Simplified, no
 * whitespace, unified brackets/quotes/enumerators, no markdown emphasis. Length may differ from input.
 * Memoised: the same labels recur in every report and on every keystroke.
 */
export function normalizeLabel(s: string): string {
  let out = memo.get(s);
  if (out !== undefined) return out;
  out = normalizeUncached(s);
  if (memo.size >= MEMO_MAX) memo.clear();
  if (s.length <= 200) memo.set(s, out);
  return out;
}

function normalizeUncached(s: string): string {
  let out = '';
  const n = s.normalize('NFKC');
  for (let i = 0; i < n.length; i++) {
    let c = n[i]!;
    const code = n.charCodeAt(i);
    if (isBlankChar(code) || code === 0x200b || code === 0xfeff || c === '*' || c === '`') continue;
    const m = t2s.get(c);
    if (m) c = m;
    switch (c) {
      case '（': c = '('; break;
      case '）': c = ')'; break;
      case '【': case '〔': case '[': c = '('; break;
      case '】': case '〕': case ']': c = ')'; break;
      case '“': case '”': case '‘': case '’': case '"': case "'": case '「': case '」': case '『': case '』': c = ''; break;
      case '，': c = ','; break;
      case '：': c = ':'; break;
      case '；': c = ';'; break;
      case '、': {
        // "1、" ≡ "1." ; "一、" stays.
        const prev = out[out.length - 1];
        if (prev !== undefined && prev >= '0' && prev <= '9') c = '.';
        break;
      }
      case '．': c = '.'; break;
    }
    out += c;
  }
  // Taiwan-usage phrases that a character table cannot map (資訊 → 信息, 檔案 → 文件 in 規範性檔案).
  if (out.includes('资讯')) out = out.replaceAll('资讯', '信息');
  if (out.includes('档案')) out = out.replaceAll('规范性档案', '规范性文件');
  if (out.includes('反覆')) out = out.replaceAll('反覆', '反复');
  return out;
}

export function isBlankChar(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x3000 || code === 0x200b || code === 0xfeff || code === 10 || code === 13 || code === 11 || code === 12;
}

/** Trims blank characters (incl. U+3000, NBSP) and returns the inner span relative to `start`. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isBlankChar(text.charCodeAt(s))) s++;
  while (e > s && isBlankChar(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
