// Everything the editor views need from one analysis, as plain data: the findings, hover texts,
// outline, folding ranges, inlay hints and code lenses. Plain data because a large document is
// analysed in a worker thread and only structured-cloneable values cross back; small documents run
// the same function inline. Every number and explanation here comes from the engine's model and
// relation evaluation; nothing is recomputed.
import type Big from 'big.js';
import type { DocumentSymbol, FoldingRange, InlayHint, Range } from 'vscode-languageserver-types';
import type { Analysis, Diagnostic } from '../engine';
import type { Language, Span } from '../core/types';
import type { BoundRow, BoundTable, Cell, Section } from '../model/types';
import type { RelationInstance, Slot } from '../rules/relations';
import type { ColumnDef, PartDef, RowDef, TableDef } from '../templates/schema';
import { englishColumn, englishRow, englishSections } from '../engine';
import { strings } from './strings';
import { cellOf } from '../model/cell-index';

// LSP enum values (vscode-languageserver-types), inlined so the worker bundle stays free of the protocol library.
const SymbolKindNamespace = 3;
const SymbolKindStruct = 23;
const SymbolKindArray = 18;
const SymbolKindPackage = 4;

export interface HoverEntry {
  range: Range;
  markdown: string;
}

export interface LensFact {
  range: Range;
  title: string;
  /** Fix-all would change this table (a blank or wrong total). */
  fixable: boolean;
}

export interface DocumentFacts {
  isReport: boolean;
  templateVersion: '2019' | '2021' | null;
  year: number | null;
  yearSource: 'title' | 'period' | 'body' | null;
  language: Language;
  diagnostics: Diagnostic[];
  hovers: HoverEntry[];
  symbols: DocumentSymbol[];
  folding: FoldingRange[];
  inlays: InlayHint[];
  lenses: LensFact[];
  relations: { evaluated: number; holding: number; failing: number };
}

export function emptyFacts(language: Language): DocumentFacts {
  return {
    isReport: false,
    templateVersion: null,
    year: null,
    yearSource: null,
    language,
    diagnostics: [],
    hovers: [],
    symbols: [],
    folding: [],
    inlays: [],
    lenses: [],
    relations: { evaluated: 0, holding: 0, failing: 0 },
  };
}

export function computeFacts(a: Analysis): DocumentFacts {
  const { model, evaluation: ev, result, language } = a;
  const facts = emptyFacts(language);
  facts.isReport = model.isReport;
  facts.templateVersion = result.templateVersion;
  facts.year = result.year;
  facts.yearSource = result.yearSource;
  facts.diagnostics = result.diagnostics;
  if (!model.isReport) return facts;
  const s = strings(language);
  const n = ev.instances.filter((i) => i.holds !== null);
  facts.relations = { evaluated: n.length, holding: n.filter((i) => i.holds).length, failing: n.filter((i) => i.holds === false).length };

  const hovers: HoverEntry[] = [];
  for (const sec of model.sections) hovers.push({ range: a.range(sec.heading.span), markdown: sectionHover(a, sec) });
  for (const t of model.tables) {
    const names = new TableNames(t.def);
    for (const part of t.parts) {
      if (part.caption) hovers.push({ range: a.range(part.caption.span), markdown: captionHover(a, t, part.def, names) });
      for (const row of part.rows) {
        if (row.label) hovers.push({ range: a.range(row.label.span), markdown: rowHover(a, t, row, names) });
        for (const cell of row.cells) hovers.push({ range: a.range(cell.span), markdown: cellHover(a, t, cell, names) });
      }
    }
    for (const row of t.unknownRows) {
      if (row.label) hovers.push({ range: a.range(row.label.span), markdown: `**${esc(row.label.text.trim())}**\n\n${s.unknownRow}` });
    }
  }
  hovers.sort((x, y) => cmpPos(x.range.start, y.range.start));
  facts.hovers = hovers;
  facts.symbols = symbols(a);
  facts.folding = folding(a);
  facts.inlays = inlays(a);
  facts.lenses = lenses(a);
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Names

class TableNames {
  private rows = new Map<string, { row: RowDef; part: PartDef }>();
  private cols = new Map<string, ColumnDef>();
  constructor(readonly def: TableDef) {
    for (const p of def.parts) {
      for (const r of p.rows) this.rows.set(r.id, { row: r, part: p });
      for (const c of p.columns) if (!this.cols.has(c.id)) this.cols.set(c.id, c);
    }
  }
  row(id: string): RowDef | undefined {
    return this.rows.get(id)?.row;
  }
  part(rowId: string): PartDef | undefined {
    return this.rows.get(rowId)?.part;
  }
  rowLabel(id: string): string {
    return this.rows.get(id)?.row.label ?? id;
  }
  column(id: string): ColumnDef | undefined {
    return this.cols.get(id);
  }
  columnLabel(id: string): string {
    const c = this.cols.get(id);
    if (!c) return id;
    return c.group ? `${c.group} · ${c.label}` : c.label;
  }
  /** “（七）总计 × 自然人”; an unlabeled row (table 四) is named by its column alone. */
  cellName(rowId: string, colId: string): string {
    const info = this.rows.get(rowId);
    if (info?.row.unlabeled) return this.columnLabel(colId);
    if (info && info.part.columns.length === 1) return this.rowLabel(rowId);
    return `${this.rowLabel(rowId)} × ${this.columnLabel(colId)}`;
  }
  groupLabel(rowId: string): string | undefined {
    const info = this.rows.get(rowId);
    if (!info?.row.group) return undefined;
    return info.part.groups.find((g) => g.id === info.row.group)?.label;
  }
}

function tableTitle(a: Analysis, t: BoundTable | TableDef): string {
  const def = 'def' in t ? t.def : t;
  const sec = a.model.template?.sections.find((x) => x.id === def.section);
  const title = a.language === 'en' ? def.title.en : def.title.zh;
  return sec ? `${strings(a.language).table}${sec.numeral} ${title}` : title;
}

function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

function fmt(v: Big | null): string {
  return v === null ? '—' : v.toFixed();
}

function cmpPos(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

// ---------------------------------------------------------------------------------------------
// Hovers

function templateLine(a: Analysis): string {
  const t = a.model.template;
  if (!t) return '';
  const s = strings(a.language);
  return `${s.template}${s.colon}${esc(t.name)}${s.paren(esc(t.document))}`;
}

function sectionHover(a: Analysis, sec: Section): string {
  const s = strings(a.language);
  const def = a.model.template?.sections.find((x) => x.id === sec.id);
  const lines = [`**${esc(sec.heading.text.trim())}**`];
  if (def && sec.heading.match !== 'exact') {
    lines.push(`${sec.heading.match === 'typo' ? s.headingTypo : s.headingVariant}${s.colon}${esc(`${def.numeral}、${def.heading}`)}`);
  }
  if (sec.inAttachment) lines.push(`(${s.attachment})`);
  const meaning = a.language === 'en' ? (englishSections[sec.id] ?? def?.meaning) : def?.meaning;
  if (meaning) lines.push(`${s.meaning}${s.colon}${esc(meaning)}`);
  const tl = templateLine(a);
  if (tl) lines.push(tl);
  return lines.join('\n\n');
}

/** Meaning and legal basis of a row in the hover's language (English from templates/english.ts). */
function rowText(a: Analysis, table: string, def: RowDef): { meaning?: string; basis?: string } {
  if (a.language !== 'en') return { meaning: def.meaning, basis: def.basis };
  const en = englishRow(table, def.id);
  return { meaning: en?.meaning ?? def.meaning, basis: en?.basis ?? def.basis };
}

function columnMeaning(a: Analysis, c: { id: string; meaning?: string }): string | undefined {
  return a.language === 'en' ? (englishColumn(c.id) ?? c.meaning) : c.meaning;
}

function captionHover(a: Analysis, t: BoundTable, part: PartDef, names: TableNames): string {
  const s = strings(a.language);
  const lines = [`**${esc(part.caption ?? part.id)}** — ${esc(tableTitle(a, t))}`];
  const withBasis = part.rows.find((r) => r.basis);
  const basis = withBasis ? rowText(a, t.id, withBasis).basis : undefined;
  if (basis) lines.push(`${s.basis}${s.colon}${esc(basis)}`);
  const cols = part.columns.map((c) => {
    const m = columnMeaning(a, c);
    return `- ${esc(names.columnLabel(c.id))}${m ? `${s.colon}${esc(m)}` : ''}`;
  });
  if (cols.length) lines.push(`${s.column}${s.colon}\n${cols.join('\n')}`);
  return lines.join('\n\n');
}

function rowHover(a: Analysis, t: BoundTable, row: BoundRow, names: TableNames): string {
  const s = strings(a.language);
  const def = row.def;
  const label = def?.label ?? row.label?.text.trim() ?? '';
  const path = [tableTitle(a, t)];
  if (row.row) {
    const caption = names.part(row.row)?.caption;
    if (caption) path.push(caption);
    const group = names.groupLabel(row.row);
    if (group) path.push(group);
  }
  const lines = [`**${esc(label)}**`, esc(path.join(' › '))];
  const text = def ? rowText(a, t.id, def) : {};
  if (text.meaning) lines.push(`${s.meaning}${s.colon}${esc(text.meaning)}`);
  if (text.basis) lines.push(`${s.basis}${s.colon}${esc(text.basis)}`);
  const tl = templateLine(a);
  if (tl) lines.push(tl);
  return lines.join('\n\n');
}

function cellValueText(a: Analysis, cell: Cell): string {
  const s = strings(a.language);
  const ev = a.evaluation;
  switch (cell.value.kind) {
    case 'number':
      return `\`${cell.raw.trim() || cell.value.text}\``;
    case 'invalid':
      return `\`${cell.raw.trim()}\``;
    case 'blank': {
      const computed = ev.computedTotals.get(cell);
      if (computed) return `${s.blank} — ${s.blankTotalComputed(computed.value.toFixed())}`;
      return ev.byCell.has(cell) ? `${s.blank} — ${s.blankCountsZero}` : s.blank;
    }
  }
}

function slotValue(a: Analysis, slot: Slot): string {
  const v = a.evaluation.valueOf(slot.cell);
  if (!slot.cell) return '—';
  if (slot.cell.value.kind === 'blank') {
    const s = strings(a.language);
    return a.evaluation.computedTotals.has(slot.cell) ? `${fmt(v)} ${s.blankComputed}` : `${fmt(v)} ${s.blank}`;
  }
  return fmt(v);
}

function mark(holds: boolean | null): string {
  return holds === true ? '✓' : holds === false ? '✗' : '?';
}

function relationName(a: Analysis, inst: RelationInstance): string {
  return a.language === 'en' ? inst.def.name.en : inst.def.name.zh;
}

function relationLine(a: Analysis, inst: RelationInstance, names: TableNames): string {
  const s = strings(a.language);
  const state = inst.holds === true ? s.holds : inst.holds === false ? s.fails : s.notEvaluated;
  const where =
    inst.kind === 'sum' && inst.total
      ? names.cellName(inst.total.row, inst.total.column)
      : inst.total
        ? names.columnLabel(inst.total.column)
        : '';
  let detail = '';
  if (inst.holds !== null) {
    detail =
      inst.kind === 'sum'
        ? `${s.colon}${s.reported} ${fmt(inst.reported)}${s.comma}${s.computed} ${fmt(inst.computed)}`
        : `${s.colon}${s.leftSide} ${fmt(inst.reported)}${s.comma}${s.rightSide} ${fmt(inst.computed)}`;
  }
  return `- ${mark(inst.holds)} ${esc(relationName(a, inst))}${s.paren(esc(where))} — ${state}${detail}`;
}

function derivation(a: Analysis, inst: RelationInstance, names: TableNames): string {
  const s = strings(a.language);
  const rows = inst.addends.map((x) => `| ${esc(names.cellName(x.row, x.column))} | ${slotValue(a, x)} |`);
  const reported = inst.total?.cell ? (inst.total.cell.value.kind === 'blank' ? s.blank : fmt(a.evaluation.valueOf(inst.total.cell))) : '—';
  return [
    `**${s.derivation}** · ${esc(relationName(a, inst))} ${mark(inst.holds)}`,
    '',
    `| ${s.part} | ${s.value} |`,
    '|---|---:|',
    ...rows,
    `| **${s.sum}** | **${fmt(inst.computed)}** |`,
    `| ${s.reported} | ${reported} |`,
  ].join('\n');
}

function cellHover(a: Analysis, t: BoundTable, cell: Cell, names: TableNames): string {
  const s = strings(a.language);
  const ev = a.evaluation;
  const lines = [`**${esc(names.cellName(cell.row, cell.column))}** — ${esc(tableTitle(a, t))}`];
  lines.push(`${s.value}${s.colon}${cellValueText(a, cell)}`);
  const col = names.column(cell.column);
  const colMeaning = col ? columnMeaning(a, col) : undefined;
  if (colMeaning) lines.push(`${s.column}${s.colon}${esc(colMeaning)}`);
  const suspect = ev.suspects.find((x) => x.cell === cell);
  if (suspect) lines.push(`⚠ ${s.suspect(suspect.value.toFixed())}`);
  const involved = ev.byCell.get(cell) ?? [];
  const asTotal = involved.filter((i) => i.kind === 'sum' && i.total?.cell === cell);
  for (const inst of asTotal) lines.push(derivation(a, inst, names));
  const others = involved.filter((i) => !asTotal.includes(i));
  if (others.length) lines.push(`${s.relations}${s.colon}\n${others.map((i) => relationLine(a, i, names)).join('\n')}`);
  else if (!asTotal.length) lines.push(s.noRelations);
  return lines.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Outline and folding

/** Span without trailing whitespace, so a range ends on its last line of content. */
function trimSpan(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return { start: span.start, end };
}

function contains(outer: Range, inner: Range): boolean {
  return cmpPos(outer.start, inner.start) <= 0 && cmpPos(inner.end, outer.end) <= 0;
}

function symbol(name: string, detail: string | undefined, kind: number, range: Range, selection: Range): DocumentSymbol {
  const sel = contains(range, selection) ? selection : { start: range.start, end: range.start };
  const sym: DocumentSymbol = { name: name || '—', kind: kind as DocumentSymbol['kind'], range, selectionRange: sel, children: [] };
  if (detail) sym.detail = detail;
  return sym;
}

function partSpan(rows: BoundRow[], caption: { span: Span } | null): Span | null {
  const spans = rows.map((r) => r.span);
  if (caption) spans.push(caption.span);
  if (!spans.length) return null;
  return { start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)) };
}

function symbols(a: Analysis): DocumentSymbol[] {
  const { model } = a;
  const s = strings(a.language);
  const text = model.text;
  const out: DocumentSymbol[] = [];
  const sectionSyms = model.sections.map((sec) => {
    const range = a.range(trimSpan(text, sec.span));
    const def = model.template?.sections.find((x) => x.id === sec.id);
    const detail = sec.inAttachment ? s.attachment : def && sec.heading.match !== 'exact' ? `${def.numeral}、${def.heading}` : undefined;
    const sym = symbol(sec.heading.text.trim(), detail, sec.inAttachment ? SymbolKindPackage : SymbolKindNamespace, range, a.range(sec.heading.span));
    out.push(sym);
    return { sec, sym, range };
  });
  for (const t of model.tables) {
    const tRange = a.range(trimSpan(text, t.span));
    const firstLine = { start: tRange.start, end: a.lines.position(a.lines.lineEnd(tRange.start.line)) };
    const tSym = symbol(tableTitle(a, t), `${t.version}`, SymbolKindStruct, tRange, contains(tRange, firstLine) ? firstLine : tRange);
    if (t.parts.length > 1) {
      for (const p of t.parts) {
        const span = partSpan(p.rows, p.caption);
        if (!span) continue;
        const pRange = a.range(trimSpan(text, span));
        const sel = p.caption ? a.range(p.caption.span) : (p.rows[0]?.label ? a.range(p.rows[0].label.span) : pRange);
        const name = p.caption?.text.trim() || p.def.caption || p.def.id;
        tSym.children!.push(symbol(name, `${p.rows.length} ${s.row}`, SymbolKindArray, pRange, sel));
      }
    }
    const parent = sectionSyms.find((x) => contains(x.range, tRange));
    if (parent) parent.sym.children!.push(tSym);
    else out.push(tSym);
  }
  out.sort((x, y) => cmpPos(x.range.start, y.range.start));
  return out;
}

function folding(a: Analysis): FoldingRange[] {
  const text = a.model.text;
  const out: FoldingRange[] = [];
  const add = (span: Span) => {
    const r = a.range(trimSpan(text, span));
    if (r.end.line > r.start.line) out.push({ startLine: r.start.line, endLine: r.end.line, kind: 'region' });
  };
  for (const sec of a.model.sections) add(sec.span);
  for (const t of a.model.tables) add(t.span);
  for (const at of a.model.attachments) add(at);
  out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
  return out.filter((r, i) => i === 0 || r.startLine !== out[i - 1]!.startLine || r.endLine !== out[i - 1]!.endLine);
}

// ---------------------------------------------------------------------------------------------
// Inlay hints and code lenses

function inlays(a: Analysis): InlayHint[] {
  const s = strings(a.language);
  const ev = a.evaluation;
  const byCell = new Map<Cell, { values: Set<string>; reported: string | null; suspect?: boolean }>();
  for (const [cell, { value }] of ev.computedTotals) byCell.set(cell, { values: new Set([value.toFixed()]), reported: null });
  for (const inst of ev.instances) {
    if (inst.kind !== 'sum' || inst.holds !== false || ev.explained.has(inst) || !inst.total?.cell || !inst.computed) continue;
    const cell = inst.total.cell;
    const entry = byCell.get(cell) ?? { values: new Set<string>(), reported: fmt(inst.reported) };
    entry.values.add(inst.computed.toFixed());
    byCell.set(cell, entry);
  }
  const out: InlayHint[] = [];
  for (const [cell, e] of byCell) {
    const values = [...e.values];
    out.push({
      position: a.lines.position(cell.span.end),
      label: values.map((v) => `= ${v}`).join(' / '),
      paddingLeft: cell.span.end > cell.span.start,
      tooltip: values.map((v) => s.inlayTooltip(v, e.reported)).join('\n'),
    });
  }
  for (const sus of ev.suspects) {
    out.push({
      position: a.lines.position(sus.cell.span.end),
      label: `→ ${sus.value.toFixed()}`,
      paddingLeft: true,
      tooltip: s.inlaySuspect(sus.value.toFixed(), sus.cell.raw.trim()),
    });
  }
  out.sort((x, y) => cmpPos(x.position, y.position));
  return out;
}

function lenses(a: Analysis): LensFact[] {
  const s = strings(a.language);
  const ev = a.evaluation;
  const out: LensFact[] = [];
  for (const t of a.model.tables) {
    if (!t.def.relations.length) continue;
    const mine = ev.instances.filter((i) => i.table === t);
    const evaluated = mine.filter((i) => i.holds !== null);
    const holding = evaluated.filter((i) => i.holds);
    // Failures a probable typo explains are counted as that typo, not as wrong totals (as the findings are).
    const suspects = ev.suspects.filter((x) => x.explains.some((i) => i.table === t)).length;
    const wrong = mine.filter((i) => i.kind === 'sum' && i.holds === false && !ev.explained.has(i)).length;
    const balance = mine.filter((i) => i.kind === 'balance' && i.holds === false && !ev.explained.has(i)).length;
    let blank = 0;
    for (const cell of ev.computedTotals.keys()) if (cell.table === t.id && cellOf(t, cell.row, cell.column) === cell) blank++;
    const parts: string[] = [];
    if (suspects) parts.push(s.lensSuspect(suspects));
    if (wrong) parts.push(s.lensWrong(wrong));
    if (blank) parts.push(s.lensBlank(blank));
    if (balance) parts.push(s.lensBalance(balance));
    const fixable = wrong > 0 || blank > 0 || suspects > 0;
    let title: string;
    if (parts.length) title = parts.join(s.comma) + (fixable ? ` — ${s.lensFixAll}` : '');
    else if (evaluated.length) title = s.lensHold(holding.length, evaluated.length);
    else title = s.lensNone;
    const start = a.lines.position(t.span.start);
    out.push({ range: { start, end: start }, title, fixable });
  }
  return out;
}
