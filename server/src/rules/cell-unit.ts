// Cell values: a unit written inside a cell (“310 万”, “251000元”): read, but the template puts units
// in the header, and a unit in a cell can change the number's meaning.
import type { Rule } from './types';
import { L, cellName } from './util';
import { valueCells } from './cells';

export const rule: Rule = {
  meta: {
    code: 'cell-unit',
    defaultSeverity: 'info',
    category: 'cell',
    description: { 'zh-CN': '单元格内写了单位（如“310 万”）：模板的单位在表头，单元格只填数字。', en: 'A unit is written inside a cell (e.g. “310 万”): the template puts units in the header.' },
  },
  check({ model }) {
    const out = [];
    for (const { table, cell } of valueCells(model)) {
      if (cell.value.kind !== 'number' || !cell.value.unit) continue;
      const name = cellName(table, cell.row, cell.column);
      out.push({
        code: 'cell-unit',
        span: cell.span,
        message: L(`${name} 的“${cell.raw}”带有单位“${cell.value.unit}”，已按 ${cell.value.text} 读取；单位应写在表头。`, `${name} “${cell.raw}” has the unit “${cell.value.unit}” inside the cell (read as ${cell.value.text}); units belong in the header.`),
        data: { table: table.id, row: cell.row, column: cell.column, reported: cell.raw, unit: cell.value.unit },
      });
    }
    return out;
  },
};
