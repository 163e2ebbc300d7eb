// Structure: a template row absent from a table that is present.
import { renderRow } from '../fix/skeleton';
import type { BoundRow } from '../model/types';
import type { RawFinding, Rule } from './types';
import { L } from './util';
import { eolOf, nextLineStart } from './sections';

export const rule: Rule = {
  meta: {
    code: 'row-missing',
    defaultSeverity: 'error',
    category: 'structure',
    description: { 'zh-CN': '表格中缺少模板规定的行。', en: 'A template row is missing from a present table.' },
  },
  check({ model }) {
    const out: RawFinding[] = [];
    const eol = eolOf(model.text);
    for (const t of model.tables) {
      for (const part of t.parts) {
        const defs = part.def.rows;
        const boundAt = (i: number) => t.rowIndex.get(`${part.def.id}/${defs[i]!.id}`);
        for (let i = 0; i < defs.length; i++) {
          const def = defs[i]!;
          if (boundAt(i)) continue;
          // Point at the gap: the next row of this part that is present, else the previous one.
          let next: BoundRow | undefined;
          for (let j = i + 1; j < defs.length && !next; j++) next = boundAt(j);
          let prev: BoundRow | undefined;
          for (let j = i - 1; j >= 0 && !prev; j--) prev = boundAt(j);
          const anchorRow = next ?? prev;
          const firstLineEnd = lineContentEnd(model.text, t.span.start);
          const span = anchorRow ? (anchorRow.label?.span ?? anchorRow.span) : { start: t.span.start, end: Math.max(t.span.start, Math.min(t.span.end, firstLineEnd)) };
          // Insert after the previous row (or before the next one, or at the table's start).
          let at: number;
          if (prev) {
            if (model.layout === 'html') at = htmlRowEnd(model.text, prev.span.end);
            else if (model.tableLayout === 'word') at = nextLineStart(model.text, nextLineStart(model.text, prev.span.end));
            else at = nextLineStart(model.text, prev.span.end);
          } else if (next) {
            at = model.layout === 'html' ? htmlRowStart(model.text, next.span.start) : lineStartOf(model.text, next.span.start);
          } else at = t.span.start;
          const label = def.unlabeled ? part.def.columns.map((c) => c.label).join('/') : def.label;
          out.push({
            code: 'row-missing',
            span,
            message: L(`${t.def.title.zh}${part.def.caption ? `（${part.def.caption}）` : ''}缺少“${label}”行。`, `${t.def.title.en}${part.def.caption ? ` (${part.def.caption})` : ''} lacks the row “${label}”.`),
            data: { table: t.id, part: part.def.id, row: def.id },
            fixes: def.unlabeled ? [] : [{ title: L(`插入“${def.label}”行`, `Insert the row “${def.label}”`), edits: [{ span: { start: at, end: at }, newText: renderRow(def, part.def.columns.length, model.tableLayout, eol) }] }],
          });
        }
      }
    }
    return out;
  },
};

/** Offset of the line break ending the line holding `offset` (the \r of a \r\n), or the text's end. */
function lineContentEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function htmlRowStart(text: string, from: number): number {
  const i = text.lastIndexOf('<tr', from);
  return i < 0 ? from : i;
}

function htmlRowEnd(text: string, from: number): number {
  const i = text.indexOf('</tr>', from);
  return i < 0 ? from : i + 5;
}
