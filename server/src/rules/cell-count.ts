// Structure: a row with more or fewer value cells than the template's columns.
import type { RawFinding, Rule } from './types';
import { L, rowLabel } from './util';

export const rule: Rule = {
  meta: {
    code: 'cell-count',
    defaultSeverity: 'warning',
    category: 'structure',
    description: { 'zh-CN': '某行的数值单元格数量与模板的列数不符。', en: 'A row has more or fewer value cells than the template has columns.' },
  },
  check({ model }) {
    const out: RawFinding[] = [];
    for (const t of model.tables) {
      for (const p of t.parts) {
        for (const r of p.rows) {
          if (r.found === r.expected && r.cells.length === r.expected) continue;
          const label = r.row ? rowLabel(t, r.row) : '';
          const start = r.label?.span.start ?? r.span.start;
          const end = Math.max(r.label?.span.end ?? r.span.end, ...r.cells.map((c) => c.span.end));
          out.push({
            code: 'cell-count',
            span: { start, end },
            message: L(`“${label}”行有 ${r.found} 个数值单元格，模板为 ${r.expected} 列。`, `Row “${label}” has ${r.found} value cells; the template has ${r.expected} columns.`),
            data: { table: t.id, row: r.row, found: r.found, expected: r.expected },
          });
        }
      }
    }
    return out;
  },
};
