// Cell values: a count with a fraction. Amount columns (万元, 采购总金额) may have decimals.
import type { Rule } from './types';
import { L, cellName } from './util';
import { valueCells } from './cells';
import { decWhole } from '../core/decimal';

export const rule: Rule = {
  meta: {
    code: 'cell-not-integer',
    defaultSeverity: 'error',
    category: 'cell',
    description: { 'zh-CN': '件数、项目数等计数单元格出现小数。', en: 'A count cell holds a fraction.' },
  },
  check({ model }) {
    const out = [];
    for (const { table, cell, column } of valueCells(model)) {
      if (cell.value.kind !== 'number' || (column.domain !== 'count' && column.domain !== 'signed-count')) continue;
      if (decWhole(cell.value.value)) continue;
      const name = cellName(table, cell.row, cell.column);
      out.push({
        code: 'cell-not-integer',
        span: cell.span,
        message: L(`${name} 是计数，不应有小数（填报 ${cell.value.text}）。`, `${name} is a count and cannot have a fraction (reports ${cell.value.text}).`),
        data: { table: table.id, row: cell.row, column: cell.column, reported: cell.value.text },
      });
    }
    return out;
  },
};
