// Binds the rows of a table region to a template by their labels, never by grid position.
// Explicit rows (tab lines, Word groups, <tr>, Markdown) take their value cells by the alignment rule of
// LAYOUTS.md (drop trailing blanks when the row has a value; the last N fields after the last label).
// Streams (`|` cells, blank-line cells, PDF text) are read cell by cell: a row label opens a row, values
// fill it up to N, fragments of a wrapped label continue it.
import { normalizeLabel } from '../core/text';
import type { Span, TemplateVersion } from '../core/types';
import type { BoundPart, BoundRow, BoundTable, Cell } from '../model/types';
import type { PartDef, RowDef, TableDef, TemplateDef } from '../templates/schema';
import type { Block, Field, RowBlock } from './blocks';
import { LabelMatcher, matcherFor, type LabelHit } from './labels';
import { classifyField, foldedText, type FieldClass } from './values';
import { cellOrdinal } from '../model/cell-index';

/**
 * The rowIndex key (`${part}/${row}`) and the cells' ordinals (`model/cell-index.ts`, in column order)
 * of a template row, built once per template: building and hashing fresh key strings for every cell
 * of every bound row was the binder's largest single cost.
 */
const keyCache = new WeakMap<PartDef, Map<string, { rowKey: string; cellOrds: number[] }>>();
function keysOf(table: TableDef, part: PartDef, row: RowDef): { rowKey: string; cellOrds: number[] } {
  let byRow = keyCache.get(part);
  if (!byRow) keyCache.set(part, (byRow = new Map()));
  let keys = byRow.get(row.id);
  if (!keys) byRow.set(row.id, (keys = { rowKey: `${part.id}/${row.id}`, cellOrds: part.columns.map((c) => cellOrdinal(table, row.id, c.id)) }));
  return keys;
}

/** Classifies a field once, however many templates it is bound against. */
function classOf(field: Field): FieldClass {
  return (field.cls ??= classifyField(field.raw));
}

interface Classified {
  field: Field;
  cls: FieldClass;
}

interface Pending {
  table: TableDef;
  part: PartDef;
  def: RowDef | null;
  label: { text: string; span: Span } | null;
  labelNorm: string;
  values: Classified[];
  extra: number;
  span: Span;
}

export interface BindStats {
  matched: number;
  unknown: number;
  unbound: number;
  tells: number;
}

export interface BindResult {
  tables: BoundTable[];
  stats: Map<string, BindStats>;
}

const FOOTER = /^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;
const ENUM_WORD = /^(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)$/;

/** True for a paragraph line that may be part of a table (no sentence punctuation, short). */
function tableish(text: string): boolean {
  // length first: the narrative is most of a report, and it need not be scanned for punctuation
  if (text.length > 90) return false;
  if (FOOTER.test(text)) return false;
  return !(text.includes('。') || text.includes('；') || text.includes('！'));
}

/** Splits a plain-text line into cells: runs of label words are one label, each number its own cell. */
function tokenizePlain(text: string, base: number, offsets: Int32Array | null): Field[] {
  const words: { s: number; e: number }[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && /[\s\u3000\u00a0]/.test(text[i]!)) i++;
    if (i >= n) break;
    const s = i;
    while (i < n && !/[\s\u3000\u00a0]/.test(text[i]!)) i++;
    words.push({ s, e: i });
  }
  const at = (k: number) => (offsets ? offsets[k]! : base + k);
  const fields: Field[] = [];
  let labelStart = -1;
  let labelEnd = -1;
  const flushLabel = () => {
    if (labelStart >= 0) {
      const s = at(labelStart);
      const e = at(labelEnd - 1) + 1;
      fields.push({ raw: text.slice(labelStart, labelEnd), span: { start: s, end: e }, colspan: 1 });
    }
    labelStart = -1;
  };
  for (const w of words) {
    const raw = text.slice(w.s, w.e);
    const cls = classifyField(raw);
    const isLabel = cls.kind === 'label' || ENUM_WORD.test(raw);
    if (isLabel) {
      if (labelStart < 0) labelStart = w.s;
      labelEnd = w.e;
    } else {
      flushLabel();
      fields.push({ raw, span: { start: at(w.s), end: at(w.e - 1) + 1 }, colspan: 1 });
    }
  }
  flushLabel();
  return fields;
}

export class Binder {
  private readonly matcher: LabelMatcher;
  private readonly tables: ReadonlySet<string>;
  private readonly bound = new Map<string, BoundTable>();
  private readonly stats = new Map<string, BindStats>();
  private pending: Pending | null = null;
  private lastRow: BoundRow | null = null;
  private fragment: { text: string; span: Span } | null = null;
  private part: { table: TableDef; part: PartDef } | null = null;

  constructor(
    private readonly text: string,
    readonly template: TemplateDef,
    tableIds: ReadonlySet<string>,
  ) {
    this.matcher = matcherFor(template);
    this.tables = tableIds;
    for (const t of template.tables) {
      if (!tableIds.has(t.id)) continue;
      this.stats.set(t.id, { matched: 0, unknown: 0, unbound: 0, tells: 0 });
    }
  }

  bind(blocks: Block[]): BindResult {
    for (const b of blocks) {
      if (b.kind === 'row') {
        if (b.explicit) this.explicitRow(b);
        else for (const f of b.fields) this.streamField(f);
      } else if (b.kind === 'para') {
        const t = b.para.text;
        if (!tableish(foldedText(b.para))) continue;
        const fields = tokenizePlain(t, b.para.span.start, b.para.offsets);
        for (const f of fields) this.streamField(f);
      }
    }
    this.commitPending();
    for (const t of this.bound.values()) this.finishTable(t);
    for (const tell of this.tellSpans) this.bound.get(tell.table)?.tells.push({ text: tell.text, span: tell.span });
    return { tables: [...this.bound.values()], stats: this.stats };
  }

  // ---- explicit rows -------------------------------------------------------------------------

  private layout: RowBlock['layout'] = 'tab';

  private explicitRow(row: RowBlock) {
    this.commitPending();
    this.layout = row.layout;
    const cells: Classified[] = row.fields.map((field) => ({ field, cls: classOf(field) }));
    const labelIdx: number[] = [];
    for (let i = 0; i < cells.length; i++) if (cells[i]!.cls.kind === 'label') labelIdx.push(i);
    const hasValue = cells.some((c) => c.cls.kind === 'number' || c.cls.kind === 'invalid');

    if (labelIdx.length === 0) {
      if (!hasValue) {
        // An unfilled unlabeled row (table 四 of a blank template): as many blank cells as it has columns.
        const anon = this.unlabeledRow();
        if (anon && this.headerSeen.has(anon.table.id) && cells.length >= anon.part.columns.length) {
          this.pending = { ...anon, label: null, labelNorm: '', values: cells.slice(cells.length - anon.part.columns.length), extra: 0, span: row.span };
          this.commitPending();
        }
        return;
      }
      this.anonymousValues(cells, row.span);
      return;
    }
    // The row label is the last label that names a template row; context labels (groups, captions) set state.
    const hits = labelIdx.map((i) => this.match(cells[i]!.field.raw));
    let m = -1;
    let hit: LabelHit | null = null;
    for (let k = labelIdx.length - 1; k >= 0; k--) {
      const h = hits[k]!;
      if (h?.kind === 'row') {
        m = labelIdx[k]!;
        hit = h;
        break;
      }
    }
    for (let k = 0; k < labelIdx.length; k++) {
      const h = hits[k]!;
      this.see(h, cells[labelIdx[k]!]!.field);
      if (h && h.kind === 'caption') this.part = { table: h.table, part: h.part };
    }
    const u = labelIdx[labelIdx.length - 1]!;
    const after = cells.slice(u + 1);

    if (hit && hit.kind === 'row') {
      const label = cells[m]!.field;
      this.fragment = null;
      const pending = this.newPending(hit, label, row.span);
      this.fillAligned(pending, after, hasValue);
      this.pending = pending;
      this.commitPending();
      return;
    }
    // A label fragment completing the previous row's label (page break inside a row).
    const labelText = labelIdx.map((i) => cells[i]!.field.raw).join('');
    if (this.tryContinue(labelText, cells[labelIdx[0]!]!.field.span, cells[u]!.field.span, after, hasValue)) return;
    // A label split over two rows: the previous unmatched fragment plus this one.
    if (this.fragment) {
      const combined = this.match(this.fragment.text + labelText);
      if (combined?.kind === 'row') {
        const span = { start: this.fragment.span.start, end: cells[u]!.field.span.end };
        const pending = this.newPending(combined, { raw: this.text.slice(span.start, span.end), span, colspan: 1 }, row.span);
        this.fragment = null;
        this.fillAligned(pending, after, hasValue);
        this.pending = pending;
        this.commitPending();
        return;
      }
    }
    if (hits.some((h) => h !== null)) {
      // A header, caption or group row. Values on it belong to no template row (e.g. a 2019 one-row
      // （六）其他处理 read against the 2021 template, where （六） is a group label).
      if (hasValue) this.countUnbound(after.filter((c) => c.cls.kind === 'number' || c.cls.kind === 'invalid').length);
      this.fragment = null;
      return;
    }
    if (!hasValue) {
      this.fragment = { text: labelText, span: { start: cells[labelIdx[0]!]!.field.span.start, end: cells[u]!.field.span.end } };
      return;
    }
    // A row the template does not have, with values: row-unknown.
    const tableId = this.part?.table.id ?? this.lastRow?.table;
    const tableDef = tableId ? this.tableDef(tableId) : null;
    if (!tableDef) {
      this.countUnbound(after.length);
      return;
    }
    const partDef = this.part?.part ?? tableDef.parts[0]!;
    const unknown: Pending = {
      table: tableDef,
      part: partDef,
      def: null,
      label: { text: cells[u]!.field.raw, span: cells[u]!.field.span },
      labelNorm: normalizeLabel(cells[u]!.field.raw),
      values: [],
      extra: 0,
      span: row.span,
    };
    this.fillAligned(unknown, after, hasValue);
    this.pending = unknown;
    this.commitPending();
  }

  /**
   * The alignment rule. Dropping trailing blank fields applies to tab-separated extraction only, where a
   * stray trailing tab is an artefact (LAYOUTS.md); in Word, HTML and Markdown every cell is a real cell.
   */
  private fillAligned(p: Pending, after: Classified[], hasValue: boolean) {
    let fields = after;
    const n = this.expectedFor(p);
    if (hasValue) {
      const blank = (c: Classified) => c.cls.kind === 'blank' && c.field.raw.trim() === '';
      if (this.layout === 'tab') {
        // Tab rows: every trailing empty field is an extraction artefact.
        let e = fields.length;
        while (e > 0 && blank(fields[e - 1]!)) e--;
        fields = fields.slice(0, e);
      } else {
        // Explicit cells (Word, HTML, Markdown): only what exceeds the template's columns is padding —
        // first an empty merged label column before the values, then empty cells after a merged value.
        let s = 0;
        let e = fields.length;
        while (e - s > n && blank(fields[s]!)) s++;
        while (e - s > n && blank(fields[e - 1]!)) e--;
        fields = fields.slice(s, e);
      }
    }
    if (fields.length > n) {
      const dropped = fields.slice(0, fields.length - n);
      p.extra += dropped.filter((c) => c.cls.kind === 'number' || c.cls.kind === 'invalid').length;
      fields = fields.slice(fields.length - n);
    }
    p.values.push(...fields);
  }

  private anonymousValues(cells: Classified[], span: Span) {
    // Values on a line of their own: the previous row's values after a page break, or an unlabeled row.
    const last = this.lastRow;
    if (last && last.def && last.cells.length === 0 && last.found === 0) {
      const p = this.reopen(last);
      this.fillAligned(p, cells, true);
      this.pending = p;
      this.commitPending();
      return;
    }
    const anon = this.unlabeledRow();
    if (anon) {
      const p: Pending = { ...anon, label: null, labelNorm: '', values: [], extra: 0, span };
      this.fillAligned(p, cells, true);
      this.pending = p;
      this.commitPending();
      return;
    }
    this.countUnbound(cells.filter((c) => c.cls.kind === 'number' || c.cls.kind === 'invalid').length);
  }

  // ---- streams -------------------------------------------------------------------------------

  private streamField(field: Field) {
    const cls = classOf(field);
    if (cls.kind === 'label') {
      let hit = this.match(field.raw);
      if (!hit && /\s/.test(field.raw)) {
        // PDF text glues a row label to a custom sub-label (“其他对外管理服务事项 行政检查”): take the
        // longest word prefix that names a row.
        const split = this.rowPrefix(field);
        if (split) [hit, field] = split;
      }
      this.see(hit, field);
      if (hit?.kind === 'row') {
        this.commitPending();
        this.fragment = null;
        this.pending = this.newPending(hit, field, field.span);
        return;
      }
      const p = this.pending;
      if (p && p.def && p.values.length === 0 && LabelMatcher.continues(p.def, p.labelNorm + normalizeLabel(field.raw))) {
        p.labelNorm += normalizeLabel(field.raw);
        if (p.label) p.label = { text: this.text.slice(p.label.span.start, field.span.end), span: { start: p.label.span.start, end: field.span.end } };
        p.span.end = field.span.end;
        return;
      }
      if (this.fragment) {
        const combined = this.match(this.fragment.text + field.raw);
        if (combined?.kind === 'row') {
          this.commitPending();
          const span = { start: this.fragment.span.start, end: field.span.end };
          this.pending = this.newPending(combined, { raw: this.text.slice(span.start, span.end), span, colspan: 1 }, span);
          this.fragment = null;
          return;
        }
      }
      if (hit) {
        this.commitPending();
        this.fragment = null;
        if (hit.kind === 'caption') this.part = { table: hit.table, part: hit.part };
        return;
      }
      // Vertically merged labels printed a character at a time, stray fragments: skip them.
      const norm = normalizeLabel(field.raw);
      if (norm.length <= 2) return;
      if (p && p.def && p.values.length === 0) return;
      this.commitPending();
      this.fragment = { text: field.raw, span: field.span };
      const tableId = this.part?.table.id ?? this.lastRow?.table;
      const tableDef = tableId ? this.tableDef(tableId) : null;
      if (tableDef) {
        this.pending = {
          table: tableDef,
          part: this.part?.part ?? tableDef.parts[0]!,
          def: null,
          label: { text: field.raw, span: field.span },
          labelNorm: norm,
          values: [],
          extra: 0,
          span: { ...field.span },
        };
      }
      return;
    }
    const c: Classified = { field, cls };
    const p = this.pending;
    if (p) {
      if (p.values.length < this.expectedFor(p)) {
        p.values.push(c);
        p.span.end = field.span.end;
        this.fragment = null;
        return;
      }
      if (cls.kind === 'blank') return;
      this.commitPending();
    }
    if (cls.kind === 'blank' && !this.unlabeledRow()) return;
    const anon = this.unlabeledRow();
    if (anon) {
      this.pending = { ...anon, label: null, labelNorm: '', values: [c], extra: 0, span: { ...field.span } };
      return;
    }
    if (cls.kind !== 'blank') {
      const last = this.lastRow;
      if (last && last.def) {
        // too many values for the previous row
        last.found++;
        return;
      }
      this.countUnbound(1);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private rowPrefix(field: Field): [LabelHit, Field] | null {
    const raw = field.raw;
    for (let i = raw.length - 1; i > 0; i--) {
      if (!/\s/.test(raw[i]!) || /\s/.test(raw[i - 1]!)) continue;
      const head = raw.slice(0, i);
      const h = this.match(head);
      if (h?.kind === 'row') return [h, { raw: head, span: { start: field.span.start, end: field.span.start + i }, colspan: 1 }];
    }
    return null;
  }

  private match(raw: string): LabelHit | null {
    return this.matcher.match(normalizeLabel(raw), this.tables);
  }

  /** Records what a label tells: the table whose header was seen, and version evidence. */
  private see(hit: LabelHit | null, field: Field) {
    if (!hit) return;
    this.headerSeen.add(hit.table.id);
    if (this.matcher.tells.has(hit.key)) {
      this.stat(hit.table.id).tells++;
      this.tellSpans.push({ table: hit.table.id, text: field.raw, span: field.span });
    }
  }
  private tellSpans: { table: string; text: string; span: Span }[] = [];

  private tableDef(id: string): TableDef | null {
    return this.template.tables.find((t) => t.id === id) ?? null;
  }

  private expectedFor(p: Pending): number {
    return p.part.columns.length;
  }

  private newPending(hit: Extract<LabelHit, { kind: 'row' }>, label: Field, span: Span): Pending {
    this.part = { table: hit.table, part: hit.part };
    return {
      table: hit.table,
      part: hit.part,
      def: hit.row,
      label: { text: label.raw, span: label.span },
      labelNorm: normalizeLabel(label.raw),
      values: [],
      extra: 0,
      span: { start: Math.min(span.start, label.span.start), end: Math.max(span.end, label.span.end) },
    };
  }

  private reopen(row: BoundRow): Pending {
    const table = this.tableDef(row.table)!;
    const t = this.bound.get(row.table)!;
    // remove it; commitPending re-adds it with its values
    for (const p of t.parts) {
      const i = p.rows.indexOf(row);
      if (i >= 0) p.rows.splice(i, 1);
    }
    t.rowIndex.delete(`${row.part}/${row.row}`);
    this.stat(row.table).matched--;
    return {
      table,
      part: table.parts.find((p) => p.id === row.part)!,
      def: row.def,
      label: row.label,
      labelNorm: row.label ? normalizeLabel(row.label.text) : '',
      values: [],
      extra: 0,
      span: { ...row.span },
    };
  }

  private unlabeledRow(): { table: TableDef; part: PartDef; def: RowDef } | null {
    const ctxTable = this.part?.table;
    for (const t of this.template.tables) {
      if (!this.tables.has(t.id)) continue;
      if (ctxTable && ctxTable.id !== t.id && !this.sawHeaderOf(t.id)) continue;
      for (const part of t.parts) {
        for (const row of part.rows) {
          if (!row.unlabeled) continue;
          const bt = this.bound.get(t.id);
          if (bt?.rowIndex.has(`${part.id}/${row.id}`)) continue;
          return { table: t, part, def: row };
        }
      }
    }
    return null;
  }

  private headerSeen = new Set<string>();
  private sawHeaderOf(tableId: string): boolean {
    return this.headerSeen.has(tableId) || this.tables.size === 1;
  }

  private stat(id: string): BindStats {
    let s = this.stats.get(id);
    if (!s) {
      s = { matched: 0, unknown: 0, unbound: 0, tells: 0 };
      this.stats.set(id, s);
    }
    return s;
  }

  private countUnbound(n: number) {
    if (n <= 0) return;
    const id = this.part?.table.id ?? [...this.tables][0];
    if (id) this.stat(id).unbound += n;
  }

  private tryContinue(labelText: string, start: Span, end: Span, after: Classified[], hasValue: boolean): boolean {
    const last = this.lastRow;
    if (!last || !last.def || !last.label) return false;
    const norm = normalizeLabel(last.label.text) + normalizeLabel(labelText);
    if (!LabelMatcher.continues(last.def, norm)) return false;
    last.label = { text: last.label.text + labelText, span: { start: last.label.span.start, end: Math.max(end.end, start.end) } };
    if (hasValue && last.cells.length === 0) {
      const p = this.reopen(last);
      p.label = last.label;
      this.fillAligned(p, after, true);
      this.pending = p;
      this.commitPending();
    }
    return true;
  }

  private table(def: TableDef): BoundTable {
    let t = this.bound.get(def.id);
    if (!t) {
      t = {
        id: def.id,
        def,
        version: this.template.version as TemplateVersion,
        section: def.section,
        span: { start: Number.MAX_SAFE_INTEGER, end: 0 },
        parts: def.parts.map((p): BoundPart => ({ def: p, caption: null, rows: [] })),
        unknownRows: [],
        tells: [],
        rowIndex: new Map(),
        cellAt: [],
      };
      this.bound.set(def.id, t);
    }
    return t;
  }

  private commitPending() {
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    if (!p.def && p.values.filter((v) => v.cls.kind !== 'blank').length === 0) return;
    const t = this.table(p.table);
    this.headerSeen.add(p.table.id);
    const keys = p.def ? keysOf(p.table, p.part, p.def) : null;
    const key = keys ? keys.rowKey : '';
    const isDuplicate = p.def ? t.rowIndex.has(key) : false;
    const def = isDuplicate ? null : p.def;
    const cells: Cell[] = [];
    if (def) {
      const cols = p.part.columns;
      for (let i = 0; i < p.values.length && i < cols.length; i++) {
        const v = p.values[i]!;
        const value = v.cls.kind === 'label' ? { kind: 'invalid' as const, text: v.field.raw } : v.cls;
        cells.push({ table: p.table.id, part: p.part.id, row: def.id, column: cols[i]!.id, span: v.field.span, raw: v.field.raw, value });
      }
    }
    const row: BoundRow = {
      table: p.table.id,
      part: p.part.id,
      row: def ? def.id : null,
      def,
      label: p.label,
      cells,
      expected: p.part.columns.length,
      found: p.values.length + p.extra,
      span: p.span,
    };
    const bp = t.parts.find((x) => x.def.id === p.part.id)!;
    if (def) {
      bp.rows.push(row);
      t.rowIndex.set(key, row);
      const cellOrds = keys!.cellOrds;
      for (let i = 0; i < cells.length; i++) t.cellAt[cellOrds[i]!] = cells[i]!;
      this.stat(p.table.id).matched++;
      this.lastRow = row;
    } else {
      t.unknownRows.push(row);
      this.stat(p.table.id).unknown++;
      this.lastRow = row;
    }
    t.span.start = Math.min(t.span.start, row.span.start);
    t.span.end = Math.max(t.span.end, row.span.end);
  }

  private finishTable(t: BoundTable) {
    for (const p of t.parts) p.rows.sort((a, b) => a.span.start - b.span.start);
  }
}

/** Binds a region's blocks against one template, restricted to the given tables. */
export function bindRegion(text: string, template: TemplateDef, tableIds: ReadonlySet<string>, blocks: Block[]): BindResult {
  return new Binder(text, template, tableIds).bind(blocks);
}
