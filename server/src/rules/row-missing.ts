// Structure: a template row absent from a table that is present.
import { renderRow } from '../fix/skeleton';
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
        let prevEnd = -1;
        for (const def of part.def.rows) {
          const bound = t.rowIndex.get(`${part.def.id}/${def.id}`);
          if (bound) {
            prevEnd = Math.max(prevEnd, bound.span.end);
            continue;
          }
          const anchor = prevEnd >= 0 ? prevEnd : t.span.start;
          let at: number;
          if (model.layout === 'html') at = htmlRowEnd(model.text, anchor);
          else if (model.tableLayout === 'word') at = nextLineStart(model.text, nextLineStart(model.text, anchor));
          else at = prevEnd >= 0 ? nextLineStart(model.text, anchor) : anchor;
          const label = def.unlabeled ? part.def.columns.map((c) => c.label).join('/') : def.label;
          const span = { start: anchor, end: anchor === t.span.start ? Math.min(t.span.end, nextLineStart(model.text, anchor) - 1) : anchor };
          out.push({
            code: 'row-missing',
            span: span.end > span.start ? span : { start: t.span.start, end: Math.min(t.span.end, nextLineStart(model.text, t.span.start) - 1) },
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

function htmlRowEnd(text: string, from: number): number {
  const i = text.indexOf('</tr>', from);
  return i < 0 ? from : i + 5;
}
