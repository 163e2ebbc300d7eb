// Shared iteration over bound value cells for the cell-value rules.
import type { BoundTable, Cell, ReportModel } from '../model/types';
import type { ColumnDef } from '../templates/schema';

export function* valueCells(model: ReportModel): Generator<{ table: BoundTable; cell: Cell; column: ColumnDef }> {
  for (const table of model.tables) {
    for (const part of table.parts) {
      for (const row of part.rows) {
        const cols = part.def.columns;
        for (let i = 0; i < row.cells.length; i++) {
          const cell = row.cells[i]!;
          const column = cols[i]?.id === cell.column ? cols[i]! : cols.find((c) => c.id === cell.column)!;
          yield { table, cell, column };
        }
      }
    }
  }
}
