// Shared iteration over bound value cells for the cell-value rules.
import type { BoundTable, Cell, ReportModel } from '../model/types';
import type { ColumnDef } from '../templates/schema';

export function* valueCells(model: ReportModel): Generator<{ table: BoundTable; cell: Cell; column: ColumnDef }> {
  for (const table of model.tables) {
    for (const part of table.parts) {
      for (const row of part.rows) {
        for (const cell of row.cells) {
          const column = part.def.columns.find((c) => c.id === cell.column)!;
          yield { table, cell, column };
        }
      }
    }
  }
}
