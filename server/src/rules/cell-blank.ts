// Cell values: a value cell left empty (or “-”, “/”, “无”, &nbsp;, full-width spaces). Blank is never
// silently taken for zero: it is reported here (a blank total with filled parts is total-blank).
import type { Rule } from './types';
import { L, cellName } from './util';
import { valueCells } from './cells';

export const rule: Rule = {
  meta: {
    code: 'cell-blank',
    defaultSeverity: 'warning',
    category: 'cell',
    description: {
      'zh-CN': '非合计的数值单元格为空（或填“-”“/”“无”、空格）：空白不等于 0，应填写数值（没有则填 0）。',
      en: 'A value cell that is not a total is empty (or holds “-”, “/”, “无”, spaces): blank is not zero; fill in the number (0 if none).',
    },
  },
  check({ model, evaluation }) {
    const out = [];
    for (const { table, cell } of valueCells(model)) {
      // A blank total is not cell-blank: it is total-blank once a part is filled (RULES.md).
      if (cell.value.kind !== 'blank' || evaluation.totals.has(cell)) continue;
      const name = cellName(table, cell.row, cell.column);
      const marker = cell.value.marker ? `（“${cell.value.marker}”）` : '';
      out.push({
        code: 'cell-blank',
        span: cell.span,
        message: L(`${name} 为空${marker}：空白不等于 0，请填写数值。`, `${name} is blank${cell.value.marker ? ` (“${cell.value.marker}”)` : ''}: blank is not zero; fill in a number.`),
        data: { table: table.id, row: cell.row, column: cell.column },
        fixes: [{ title: L('填写 0', 'Fill in 0'), edits: [{ span: cell.span, newText: '0' }] }],
      });
    }
    return out;
  },
};
