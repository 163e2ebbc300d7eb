// Cell values: a value cell holding something that is not a number (“约20”, “20余”, “1.2.3”).
import type { Rule } from './types';
import { L, cellName } from './util';
import { valueCells } from './cells';

export const rule: Rule = {
  meta: {
    code: 'cell-not-number',
    defaultSeverity: 'error',
    category: 'cell',
    description: { 'zh-CN': '数值单元格填写的不是数字。', en: 'A value cell holds text that is not a number.' },
  },
  check({ model }) {
    const out = [];
    for (const { table, cell } of valueCells(model)) {
      if (cell.value.kind !== 'invalid') continue;
      const name = cellName(table, cell.row, cell.column);
      out.push({
        code: 'cell-not-number',
        span: cell.span,
        message: L(`${name} 填写的“${cell.raw}”不是数字。`, `${name} holds “${cell.raw}”, which is not a number.`),
        data: { table: table.id, row: cell.row, column: cell.column, reported: cell.raw },
      });
    }
    return out;
  },
};
