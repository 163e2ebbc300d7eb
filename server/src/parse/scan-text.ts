// Scans plain-text layouts (LAYOUTS.md) line by line into blocks:
//  - tab-separated rows (PDF extraction): one row per line, fields split on \t;
//  - one cell per line (Word): a line starting with \t is a cell, a following line without \t continues
//    it, an empty line ends the row;
//  - `|`-terminated cells (web text): one cell per line, extra pipes mark a merged cell;
//  - Markdown tables: one row per line between pipes;
//  - everything else is a paragraph line; table regions re-read those later (blank-line cells, PDF text).
import { trimSpan } from '../core/text';
import type { Block, Field, RowBlock } from './blocks';

const HEADING_START = /^[\s\u3000#*]*[一二三四五六七八九十]+[、.．]/;

/**
 * `|`-terminated web text (“0 |”, “ |” for an empty cell, “ | ||” for an empty merged one) and Markdown
 * rows (“| a | b |”) overlap on lines that start with a pipe: the document's majority decides.
 */
function pipeCellsDominate(text: string): boolean {
  let cells = 0;
  let md = 0;
  let pos = 0;
  for (let n = 0; n < 5000 && pos < text.length; n++) {
    let e = text.indexOf('\n', pos);
    if (e < 0) e = text.length;
    const line = text.slice(pos, e).trim();
    pos = e + 1;
    if (!line.endsWith('|')) continue;
    // a line of pipes and spaces only (an empty cell either way) decides nothing
    if (/^[|\s]*$/.test(line)) continue;
    if (line.startsWith('|')) md++;
    else cells++;
  }
  return cells > md;
}

export function scanText(text: string): Block[] {
  const blocks: Block[] = [];
  const pipeCells = text.includes('|') && pipeCellsDominate(text);
  const n = text.length;
  let pos = 0;
  let word: RowBlock | null = null; // open Word group
  let lastWordField: Field | null = null;

  const closeWord = () => {
    if (word) {
      word.span.end = word.fields[word.fields.length - 1]!.span.end;
      blocks.push(word);
    }
    word = null;
    lastWordField = null;
  };

  // Lines end at \n, \r\n or a lone \r (old Mac exports), as LSP counts them.
  const lone = text.includes('\r') && /\r(?!\n)/.test(text);
  while (pos <= n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    if (lone) {
      const cr = indexIn(text, 13, pos, end);
      if (cr >= 0 && text.charCodeAt(cr + 1) !== 10) end = cr;
    }
    let contentEnd = end;
    if (contentEnd > pos && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    const start = pos;
    pos = end + 1;

    const first = text.charCodeAt(start);
    const tabAt = indexIn(text, 9, start, contentEnd);
    const hasTab = tabAt >= 0;
    const trimmed = trimSpan(text, start, contentEnd);
    const isEmpty = trimmed.start === trimmed.end && !hasTab;

    if (isEmpty) {
      closeWord();
      blocks.push({ kind: 'break', span: { start, end: contentEnd } });
      if (end === n) break;
      continue;
    }

    // Word: a cell line is a tab followed by content with no further tab.
    if (first === 9 && indexIn(text, 9, start + 1, contentEnd) < 0) {
      const f: Field = fieldOf(text, start + 1, contentEnd, 1);
      if (!word) word = { kind: 'row', fields: [], span: { start, end: contentEnd }, explicit: true, layout: 'word' };
      word.fields.push(f);
      lastWordField = f;
      if (end === n) break;
      continue;
    }
    // Word continuation: a line without a tab right after a cell line continues that cell.
    if (word && lastWordField && !hasTab && !HEADING_START.test(text.slice(start, Math.min(contentEnd, start + 8)))) {
      const ext = trimSpan(text, start, contentEnd);
      lastWordField.span = { start: lastWordField.span.start === lastWordField.span.end ? ext.start : lastWordField.span.start, end: ext.end };
      lastWordField.raw = text.slice(lastWordField.span.start, lastWordField.span.end);
      if (end === n) break;
      continue;
    }
    closeWord();

    if (hasTab) {
      blocks.push(splitRow(text, start, contentEnd, '\t', 'tab'));
    } else if (text.charCodeAt(trimmed.start) === 124 /* | */ && !pipeCells) {
      const row = markdownRow(text, trimmed.start, trimmed.end);
      if (row) blocks.push(row);
    } else if (text.charCodeAt(trimmed.end - 1) === 124) {
      blocks.push(pipeCell(text, start, trimmed.end));
    } else {
      blocks.push({ kind: 'para', para: { text: text.slice(start, contentEnd), span: { start, end: contentEnd }, offsets: null } });
    }
    if (end === n) break;
  }
  closeWord();
  return blocks;
}

/** indexOf bounded to [start, end): a line's search must not scan the rest of the document. */
function indexIn(text: string, code: number, start: number, end: number): number {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

function fieldOf(text: string, start: number, end: number, colspan: number): Field {
  const t = trimSpan(text, start, end);
  if (t.start === t.end) {
    // An empty cell: keep its whitespace (U+3000, NBSP…) as the span so a fix replaces it.
    const span = start === end ? { start, end } : { start, end };
    return { raw: text.slice(start, end), span, colspan };
  }
  return { raw: text.slice(t.start, t.end), span: t, colspan };
}

function splitRow(text: string, start: number, end: number, sep: string, layout: 'tab'): RowBlock {
  const fields: Field[] = [];
  let s = start;
  for (;;) {
    let e = indexIn(text, sep.charCodeAt(0), s, end);
    if (e < 0) e = end;
    fields.push(fieldOf(text, s, e, 1));
    if (e >= end) break;
    s = e + 1;
  }
  return { kind: 'row', fields, span: { start, end }, explicit: true, layout };
}

function markdownRow(text: string, start: number, end: number): RowBlock | null {
  // Separator rows (|---|:--:|) carry no cells; a row of empty cells (|  |  |) does.
  let sepOnly = true;
  let dash = false;
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === '-') dash = true;
    else if (c !== '|' && c !== ':' && c !== ' ' && c !== '\t') {
      sepOnly = false;
      break;
    }
  }
  if (sepOnly && dash) return null;
  const fields: Field[] = [];
  let s = start + 1;
  const last = text.charCodeAt(end - 1) === 124 ? end - 1 : end;
  while (s <= last) {
    let e = indexIn(text, 124, s, last);
    if (e < 0) e = last;
    // `\|` escapes a pipe inside a cell.
    while (e < last && text.charCodeAt(e - 1) === 92) {
      const nx = indexIn(text, 124, e + 1, last);
      e = nx < 0 ? last : nx;
    }
    const f = fieldOf(text, s, e, 1);
    if (f.span.start === f.span.end && e > s) f.span = { start: s + Math.min(1, e - s), end: s + Math.min(1, e - s) };
    fields.push(f);
    if (e >= last) break;
    s = e + 1;
  }
  return { kind: 'row', fields, span: { start, end }, explicit: true, layout: 'markdown' };
}

function pipeCell(text: string, start: number, end: number): RowBlock {
  const bar = indexIn(text, 124, start, end);
  if (bar === start || /^\s*$/.test(text.slice(start, bar))) {
    // an empty cell: its content position is just before the first pipe
    let pipes = 0;
    for (let i = bar; i < end; i++) if (text.charCodeAt(i) === 124) pipes++;
    return { kind: 'row', fields: [{ raw: '', span: { start: bar, end: bar }, colspan: pipes }], span: { start, end }, explicit: false, layout: 'pipe' };
  }
  let pipes = 0;
  for (let i = bar; i < end; i++) if (text.charCodeAt(i) === 124) pipes++;
  const f = fieldOf(text, start, bar, Math.max(1, pipes));
  if (f.span.start === f.span.end) f.span = { start, end: start };
  return { kind: 'row', fields: [f], span: { start, end }, explicit: false, layout: 'pipe' };
}
