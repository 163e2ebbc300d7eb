// Small helpers shared by the rules: localized strings, cell names, cell edits, related locations.
import type Big from 'big.js';
import type { CellRef, Span } from '../core/types';
import type { BoundTable, Cell, ReportModel } from '../model/types';
import type { Localized, RawFinding, RawFix } from './types';
import type { RelationInstance, Slot } from './relations';
import { cellOf } from '../model/cell-index';

export const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

export function docsUrl(code: string): string {
  return `docs/rules/${code}.md`;
}

export function rowLabel(t: BoundTable, rowId: string): string {
  for (const p of t.def.parts) {
    const r = p.rows.find((x) => x.id === rowId);
    if (r) return r.label;
  }
  return rowId;
}

export function columnLabel(t: BoundTable, colId: string): string {
  for (const p of t.def.parts) {
    const c = p.columns.find((x) => x.id === colId);
    if (c) return c.group ? `${c.group}·${c.label}` : c.label;
  }
  return colId;
}

/** “（七）总计 × 自然人” style name of a cell. */
export function cellName(t: BoundTable, rowId: string, colId: string): string {
  const part = t.def.parts.find((p) => p.rows.some((r) => r.id === rowId));
  const single = part && part.columns.length === 1;
  const caption = part?.caption ? `${part.caption} ` : '';
  return single ? `${caption}${rowLabel(t, rowId)}` : `${caption}${rowLabel(t, rowId)} × ${columnLabel(t, colId)}`;
}

export function tableOf(model: ReportModel, cell: Cell): BoundTable {
  return model.tables.find((t) => t.id === cell.table && cellOf(t, cell.row, cell.column) === cell)!;
}

export function fmt(v: Big | null | undefined): string {
  return v === null || v === undefined ? '（空）' : v.toFixed();
}

/** An edit that sets a cell's content, touching only the cell's own characters. */
export function setCell(cell: Cell, text: string): { span: Span; newText: string } {
  return { span: cell.span, newText: text };
}

export function cellFix(title: Localized, cells: { cell: Cell; value: string }[], preferred = true): RawFix {
  return { title, isPreferred: preferred, edits: cells.map((c) => setCell(c.cell, c.value)) };
}

/** JSON-friendly reference to a cell; ranges are filled in by the engine (spans here). */
export interface SpanCellRef {
  table: string;
  row: string;
  column: string;
  span: Span;
  value: string | null;
}

export function slotRef(s: Slot, valueOf: (c: Cell | null) => Big | null): SpanCellRef | null {
  if (!s.cell) return null;
  const v = valueOf(s.cell);
  return { table: s.cell.table, row: s.row, column: s.column, span: s.cell.span, value: v ? v.toFixed() : null };
}

export function relatedFor(inst: RelationInstance, model: ReportModel, valueOf: (c: Cell | null) => Big | null, exclude?: Cell): RawFinding['related'] {
  const t = inst.table;
  const out: NonNullable<RawFinding['related']> = [];
  const slots = [...(inst.kind === 'sum' ? [inst.total!] : []), ...inst.addends, ...inst.right];
  for (const s of slots) {
    if (!s.cell || s.cell === exclude) continue;
    const v = valueOf(s.cell);
    const name = cellName(t, s.row, s.column);
    out.push({ span: s.cell.span, message: L(`${name}：${fmt(v)}`, `${name}: ${fmt(v)}`) });
  }
  void model;
  return out;
}

export type { CellRef };
