// Shared iteration over bound value cells for the cell-value rules.
import type { BoundTable, Cell, ReportModel } from '../model/types';
import type { ColumnDef } from '../templates/schema';

export interface ValueCell {
  table: BoundTable;
  cell: Cell;
  column: ColumnDef;
}

/**
 * Every bound value cell with its table and column, listed once per model: five cell rules walk
 * them, and a generator re-run (and an object per cell) for each was a tenth of a seed's check.
 */
const lists = new WeakMap<ReportModel, readonly ValueCell[]>();

export function valueCells(model: ReportModel): readonly ValueCell[] {
  let list = lists.get(model);
  if (list) return list;
  const out: ValueCell[] = [];
  for (const table of model.tables) {
    for (const part of table.parts) {
      for (const row of part.rows) {
        const cols = part.def.columns;
        for (let i = 0; i < row.cells.length; i++) {
          const cell = row.cells[i]!;
          const column = cols[i]?.id === cell.column ? cols[i]! : cols.find((c) => c.id === cell.column)!;
          out.push({ table, cell, column });
        }
      }
    }
  }
  list = out;
  lists.set(model, list);
  return list;
}
