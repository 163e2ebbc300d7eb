// Scans an HTML page into blocks: each <tr> becomes an explicit row of its <td>/<th> cells, and the text
// of block elements outside tables becomes paragraphs. Offsets always point into the original HTML;
// entities are decoded for reading but a cell's span covers the entity text (so `&nbsp;` is replaced).
import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';
import type { Paragraph } from '../model/types';
import type { Block, Field, RowBlock } from './blocks';
import { isBlankChar } from '../core/text';
import { scanText } from './scan-text';

const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header',
  'footer', 'nav', 'table', 'tr', 'title', 'body', 'html', 'pre', 'blockquote', 'hr', 'dd', 'dt', 'center',
]);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg']);
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g;

interface Piece {
  text: string;
  /** source offset where each decoded char starts (an entity's chars start at the '&') */
  offsets: number[];
  /** source offset just past each decoded char (an entity's chars end after its ';') */
  ends: number[];
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).toLowerCase();
  return /<(?:html|body|table|p|div|tr|td)[\s>]/.test(head) || (text.includes('<table') && text.includes('</t'));
}

/**
 * Deeper nesting than any real page has. htmlparser2 keeps its element stack with the innermost element
 * at index 0 (unshift/shift), so each tag costs time in proportion to the depth, and a page nested tens
 * of thousands deep (adversarial, or a broken export that never closes its tags) takes quadratic time.
 * Past this depth the page is not read as HTML: see `scanHtml`.
 */
const MAX_DEPTH = 1000;

class TooDeep extends Error {}

export function scanHtml(text: string): Block[] {
  try {
    return scanHtmlTree(text);
  } catch (err) {
    if (!(err instanceof TooDeep)) throw err;
    // Read it as text with every tag blanked out (same length, so every offset still points at the
    // original): linear, and enough to find what little report a page like that can hold.
    return scanText(text.replace(/<[^>]*>?/g, (tag) => ' '.repeat(tag.length)));
  }
}

function scanHtmlTree(text: string): Block[] {
  const blocks: Block[] = [];
  // Open elements as the parser reports them (implied closes included), i.e. the depth of its stack.
  let depth = 0;
  let skipDepth = 0;
  let para: Piece = { text: '', offsets: [], ends: [] };
  let tableDepth = 0;
  let row: RowBlock | null = null;
  let cell: { piece: Piece; contentStart: number; colspan: number; depth: number } | null = null;

  const flushPara = () => {
    if (!para.text.trim()) {
      para = { text: '', offsets: [], ends: [] };
      return;
    }
    // trim blank chars, keep mapping
    let s = 0;
    let e = para.text.length;
    while (s < e && isBlankChar(para.text.charCodeAt(s))) s++;
    while (e > s && isBlankChar(para.text.charCodeAt(e - 1))) e--;
    const t = para.text.slice(s, e);
    const offs = para.offsets.slice(s, e);
    const start = offs[0]!;
    const end = para.ends[e - 1]!;
    const p: Paragraph = { text: t, span: { start, end }, offsets: Int32Array.from(offs) };
    blocks.push({ kind: 'para', para: p });
    para = { text: '', offsets: [], ends: [] };
  };

  const addText = (target: Piece, start: number, end: number) => {
    const raw = text.slice(start, end);
    let last = 0;
    ENTITY.lastIndex = 0;
    for (let m = ENTITY.exec(raw); m; m = ENTITY.exec(raw)) {
      for (let i = last; i < m.index; i++) pushChar(target, raw[i]!, start + i);
      const decoded = decodeHTML(m[0]);
      const entityEnd = start + m.index + m[0].length;
      // every decoded char spans the whole entity, so a span over it replaces `&nbsp;`, not part of it
      for (const ch of decoded) pushChar(target, ch, start + m.index, entityEnd);
      last = m.index + m[0].length;
    }
    for (let i = last; i < raw.length; i++) pushChar(target, raw[i]!, start + i);
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (++depth > MAX_DEPTH) throw new TooDeep();
        const tag = name.toLowerCase();
        if (SKIP.has(tag)) {
          skipDepth++;
          return;
        }
        if (skipDepth) return;
        if (tag === 'table') {
          flushPara();
          tableDepth++;
          return;
        }
        if (tableDepth > 0) {
          if (tag === 'tr') {
            row = { kind: 'row', fields: [], span: { start: parser.startIndex, end: parser.endIndex + 1 }, explicit: true, layout: 'html' };
          } else if ((tag === 'td' || tag === 'th') && !cell) {
            const colspan = Math.max(1, Math.min(64, parseInt(attribs.colspan ?? '1', 10) || 1));
            cell = { piece: { text: '', offsets: [], ends: [] }, contentStart: parser.endIndex + 1, colspan, depth: tableDepth };
          } else if (cell && (tag === 'br' || tag === 'p' || tag === 'div')) {
            // line breaks inside a cell are just wrapping
            pushChar(cell.piece, ' ', parser.startIndex);
          }
          return;
        }
        if (BLOCK.has(tag)) flushPara();
      },
      ontext(data) {
        if (skipDepth) return;
        const start = parser.startIndex;
        const end = start + data.length;
        if (cell) addText(cell.piece, start, end);
        else if (tableDepth === 0) addText(para, start, end);
      },
      onclosetag(name) {
        depth--;
        const tag = name.toLowerCase();
        if (SKIP.has(tag)) {
          if (skipDepth) skipDepth--;
          return;
        }
        if (skipDepth) return;
        if (tag === 'table') {
          if (tableDepth) tableDepth--;
          return;
        }
        if (tableDepth > 0) {
          if ((tag === 'td' || tag === 'th') && cell && cell.depth === tableDepth) {
            const contentEnd = parser.startIndex;
            if (!row) row = { kind: 'row', fields: [], span: { start: cell.contentStart, end: contentEnd }, explicit: true, layout: 'html' };
            row.fields.push(cellField(text, cell.piece, cell.contentStart, contentEnd, cell.colspan));
            cell = null;
          } else if (tag === 'tr' && row) {
            row.span.end = parser.endIndex + 1;
            if (row.fields.length) blocks.push(row);
            row = null;
          }
          return;
        }
        if (BLOCK.has(tag)) flushPara();
      },
    },
    { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  flushPara();
  return blocks;
}

function pushChar(p: Piece, ch: string, offset: number, end = offset + 1) {
  p.text += ch;
  p.offsets.push(offset);
  p.ends.push(end);
}

function cellField(text: string, piece: Piece, contentStart: number, contentEnd: number, colspan: number): Field {
  let s = 0;
  let e = piece.text.length;
  while (s < e && isBlankChar(piece.text.charCodeAt(s))) s++;
  while (e > s && isBlankChar(piece.text.charCodeAt(e - 1))) e--;
  if (s < e) {
    return {
      raw: piece.text.slice(s, e).replace(/\s+/g, ' '),
      span: { start: piece.offsets[s]!, end: piece.ends[e - 1]! },
      colspan,
    };
  }
  // Blank cell: cover its blank text (e.g. &nbsp;) if any, else a zero-width point inside the cell.
  if (piece.offsets.length) {
    let a = piece.offsets[0]!;
    let b = piece.ends[piece.ends.length - 1]!;
    // do not swallow plain ASCII indentation around the entity
    while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 10 || text.charCodeAt(a) === 13 || text.charCodeAt(a) === 9)) a++;
    while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 10 || text.charCodeAt(b - 1) === 13 || text.charCodeAt(b - 1) === 9)) b--;
    if (a < b) return { raw: piece.text, span: { start: a, end: b }, colspan };
  }
  return { raw: '', span: { start: contentStart, end: contentStart }, colspan: Math.max(1, Math.min(contentEnd - contentStart + 1, colspan)) };
}
