// Where a bound table keeps its cells: an array indexed by the cell's ordinal in its template table
// (rows × columns over the table's parts, numbered once per template). The binder stores by it and
// relations resolve their cells by it, so a check makes no key strings and no hash lookups per cell.
import type { TableDef } from '../templates/schema';
import type { BoundTable, Cell } from './types';

const ordinals = new WeakMap<TableDef, Map<string, number>>();

function ordinalsOf(table: TableDef): Map<string, number> {
  let m = ordinals.get(table);
  if (!m) {
    m = new Map();
    // row ids are unique within a table, so `${row}/${column}` names one cell
    for (const part of table.parts) for (const row of part.rows) for (const col of part.columns) {
      const key = `${row.id}/${col.id}`;
      if (!m.has(key)) m.set(key, m.size);
    }
    ordinals.set(table, m);
  }
  return m;
}

/** The ordinal of cell row × column in `table`, or -1 when the template has no such cell. */
export function cellOrdinal(table: TableDef, row: string, column: string): number {
  return ordinalsOf(table).get(`${row}/${column}`) ?? -1;
}

/** The bound cell row × column of `t`, if the report has it. */
export function cellOf(t: BoundTable, row: string, column: string): Cell | undefined {
  const i = cellOrdinal(t.def, row, column);
  return i < 0 ? undefined : t.cellAt[i];
}
