// Cell values: a negative number where the column allows none (本年增/减 of the 2019 format may be negative).
import type { Rule } from './types';
import { L, cellName } from './util';
import { valueCells } from './cells';
import { decNegative } from '../core/decimal';

export const rule: Rule = {
  meta: {
    code: 'cell-negative',
    defaultSeverity: 'error',
    category: 'cell',
    description: { 'zh-CN': '不允许为负数的单元格填了负数（2019 年格式的“本年增/减”除外）。', en: 'A negative number where none is allowed (the 2019 format’s 本年增/减 may be negative).' },
  },
  check({ model }) {
    const out = [];
    for (const { table, cell, column } of valueCells(model)) {
      if (cell.value.kind !== 'number' || column.domain === 'signed-count' || !decNegative(cell.value.value)) continue;
      const name = cellName(table, cell.row, cell.column);
      out.push({
        code: 'cell-negative',
        span: cell.span,
        message: L(`${name} 不能为负数（填报 ${cell.value.text}）。`, `${name} cannot be negative (reports ${cell.value.text}).`),
        data: { table: table.id, row: cell.row, column: cell.column, reported: cell.value.text },
      });
    }
    return out;
  },
};
