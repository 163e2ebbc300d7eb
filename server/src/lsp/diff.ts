// Minimal text edits turning one text into another, for fix-all: the engine returns the fixed text;
// the editor gets one small edit per changed stretch (never the whole document), so undo, cursor and
// markers elsewhere stay put.
import type { TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../core/text';

/** Lines with their line breaks, so joining them gives the text back. */
function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** The smallest single edit turning `a` into `b` (common prefix and suffix trimmed). */
function trimmedEdit(a: string, b: string, base: number): OffsetEdit | null {
  if (a === b) return null;
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  // Keep surrogate pairs whole.
  if (p > 0 && isHigh(a.charCodeAt(p - 1))) p--;
  if (q > 0 && isLow(a.charCodeAt(a.length - q))) q--;
  return { start: base + p, end: base + a.length - q, newText: b.slice(p, b.length - q) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Longest-common-subsequence line alignment for a bounded middle region; null if too large. */
function alignLines(a: string[], b: string[]): [number, number][] | null {
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000) return null;
  const dp = new Uint32Array((n + 1) * (m + 1));
  const w = m + 1;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = a[i] === b[j] ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

export function minimalEdits(oldText: string, newText: string): TextEdit[] {
  if (oldText === newText) return [];
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  let offset = 0;
  for (let i = 0; i < head; i++) offset += a[i]!.length;

  const edits: OffsetEdit[] = [];
  // One trimmed edit per changed stretch between unchanged lines (aligned by LCS).
  const anchors = alignLines(am, bm);
  if (anchors) {
    let ai = 0;
    let bi = 0;
    let off = offset;
    for (const [x, y] of [...anchors, [am.length, bm.length] as [number, number]]) {
      const oldChunk = am.slice(ai, x).join('');
      const newChunk = bm.slice(bi, y).join('');
      const e = trimmedEdit(oldChunk, newChunk, off);
      if (e) edits.push(e);
      off += oldChunk.length + (x < am.length ? am[x]!.length : 0);
      ai = x + 1;
      bi = y + 1;
    }
  } else if (am.length === bm.length) {
    // Too large to align: with as many lines on both sides (fix-all fills cells in place), line by line.
    let off = offset;
    for (let i = 0; i < am.length; i++) {
      const e = trimmedEdit(am[i]!, bm[i]!, off);
      if (e) edits.push(e);
      off += am[i]!.length;
    }
  } else {
    const e = trimmedEdit(am.join(''), bm.join(''), offset);
    if (e) edits.push(e);
  }
  const lines = new LineIndex(oldText);
  return edits.map((e) => ({ range: { start: lines.position(e.start), end: lines.position(e.end) }, newText: e.newText }));
}

/** Applies LSP text edits (non-overlapping) to a text; used by tests and by the server's own checks. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const abs = edits
    .map((e) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), newText: e.newText }))
    .sort((x, y) => x.start - y.start || x.end - y.end);
  let out = '';
  let pos = 0;
  for (const e of abs) {
    out += text.slice(pos, e.start) + e.newText;
    pos = Math.max(pos, e.end);
  }
  return out + text.slice(pos);
}
