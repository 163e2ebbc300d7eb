// The report model: what the parser and binder understand of a document. Spans are UTF-16 offsets
// into the analysed text; the engine converts them to LSP ranges at its edge (see core/text.ts).
import type Big from 'big.js';
import type { Span, TemplateVersion, YearSource } from '../core/types';
import type { ColumnDef, PartDef, RowDef, TableDef, TemplateDef } from '../templates/schema';

export type CellValue =
  | { kind: 'number'; value: Big; text: string; unit?: string }
  | { kind: 'blank'; marker: string }
  | { kind: 'invalid'; text: string };

export interface Cell {
  table: string;
  part: string;
  row: string;
  column: string;
  /** Exact source span of the cell's content; zero-width where an empty cell's content would go. */
  span: Span;
  raw: string;
  value: CellValue;
}

export interface BoundRow {
  table: string;
  part: string;
  /** Template row id, or null for a row the template does not have (row-unknown). */
  row: string | null;
  def: RowDef | null;
  label: { text: string; span: Span } | null;
  /** Cells in template column order; a short row has fewer (cell-count). */
  cells: Cell[];
  /** Number of value cells the template expects for this row. */
  expected: number;
  /** Number of value fields actually found (may exceed `expected`). */
  found: number;
  span: Span;
}

export interface BoundPart {
  def: PartDef;
  caption: { text: string; span: Span } | null;
  rows: BoundRow[];
}

export interface BoundTable {
  id: string;
  def: TableDef;
  version: TemplateVersion;
  section: string;
  span: Span;
  parts: BoundPart[];
  /** Rows that matched no template row (custom or provincial rows). */
  unknownRows: BoundRow[];
  /** Template labels seen in this table that belong only to its version (evidence for detection). */
  tells: { text: string; span: Span }[];
  /** Row lookup: `${part}/${row}` → row. */
  rowIndex: Map<string, BoundRow>;
  /** The cells by their ordinal in the template table (`model/cell-index.ts`: `cellOf(t, row, column)`). */
  cellAt: (Cell | undefined)[];
}

export type HeadingMatch = 'exact' | 'variant' | 'typo';

export interface Section {
  id: string;
  numeral: string;
  heading: { text: string; span: Span; match: HeadingMatch };
  /** From the heading's start to the next heading (or the end of the body). */
  span: Span;
  /** The content after the heading line. */
  content: Span;
  inAttachment: boolean;
}

export interface Paragraph {
  text: string;
  span: Span;
  /** Maps an index into `text` to a source offset (identity plus start for plain text). */
  offsets: Int32Array | null;
  /** `text` with full-width ASCII folded (same length), computed once on first use (prose.ts). */
  folded?: string;
}

export interface ReportModel {
  text: string;
  isReport: boolean;
  title: { text: string; span: Span } | null;
  year: number | null;
  yearSource: YearSource | null;
  yearEvidence: Partial<Record<YearSource, { year: number; span: Span }>>;
  templateVersion: TemplateVersion | null;
  template: TemplateDef | null;
  /** The tell-tale labels the version was detected from. */
  versionEvidence: { text: string; span: Span }[];
  layout: 'html' | 'text';
  /** The layout most table rows use, for inserting rows and tables in the document's own style. */
  tableLayout: 'tab' | 'word' | 'pipe' | 'markdown' | 'html' | 'plain';
  body: Span;
  attachments: Span[];
  sections: Section[];
  tables: BoundTable[];
  paragraphs: Paragraph[];
}

export type { ColumnDef, RowDef, TableDef };
