// Evaluates the relations declared in the template data, once per analysis. Every arithmetic rule,
// fix, hover and inlay hint reads this instead of recomputing.
//
// Semantics (RULES.md): exact decimals; a blank part counts as 0; a blank total is computed from its
// parts (reported once as total-blank) and the computed value is what other relations read; a filled
// total is used as printed; a relation with a missing cell (short row, missing row) is not evaluated.
import Big from 'big.js';
import type { BalanceRelationDef, RelationDef, SumRelationDef, TableDef } from '../templates/schema';
import type { BoundTable, Cell, ReportModel } from '../model/types';
import { decEq, decNegative, decSum, decWhole } from '../core/decimal';
import { cellOrdinal } from '../model/cell-index';

export interface Slot {
  row: string;
  column: string;
  cell: Cell | null;
}

export interface RelationInstance {
  id: string;
  def: RelationDef;
  code: string;
  kind: 'sum' | 'balance';
  table: BoundTable;
  /** Sum: the total. Balance: the row the quick fix sets (solveFor). */
  total: Slot | null;
  /** Sum: the parts. Balance: the left-hand side. */
  addends: Slot[];
  /** Balance only: the right-hand side. */
  right: Slot[];
  /** The value as printed (sum: total; balance: left side) — after blank totals are computed. */
  reported: Big | null;
  /** What the relation says it should be (sum: Σ parts; balance: right side). */
  computed: Big | null;
  /** null when a cell is missing, so the relation cannot be evaluated. */
  holds: boolean | null;
}

export interface Suspect {
  cell: Cell;
  value: Big;
  explains: RelationInstance[];
}

export interface Evaluation {
  instances: RelationInstance[];
  byCell: Map<Cell, RelationInstance[]>;
  /** Blank totals with at least one filled part, and the value computed for them. */
  computedTotals: Map<Cell, { value: Big; instance: RelationInstance }>;
  /** Every cell that is the total of some sum relation. */
  totals: ReadonlySet<Cell>;
  suspects: Suspect[];
  /** Failing instances explained by a suspect cell (not reported on their own). */
  explained: Set<RelationInstance>;
  /** The value a relation reads for a cell: printed, computed (blank total), 0 (blank part) or null. */
  valueOf(cell: Cell | null): Big | null;
}

const ZERO = new Big(0);

interface Ref {
  row: string;
  column: string;
  /** The cell's ordinal in the table (`model/cell-index.ts`), found once per template. */
  ord: number;
}

interface Template {
  id: string;
  total: Ref;
  addends: Ref[];
}

const refIn = (table: TableDef) => (row: string, column: string): Ref => ({ row, column, ord: cellOrdinal(table, row, column) });

function expandSum(def: SumRelationDef, table: TableDef): Template[] {
  const part = table.parts.find((p) => p.id === def.part);
  if (!part) return [];
  const rowIds = part.rows.map((r) => r.id);
  const colIds = part.columns.map((c) => c.id);
  const out: Template[] = [];
  const ref = refIn(table);
  const make = (r: string | undefined, c: string | undefined) => {
    const tr = def.total.row ?? r;
    const tc = def.total.column ?? c;
    if (!tr || !tc) return;
    const ar = def.addends.rows ?? [tr];
    const ac = def.addends.columns ?? [tc];
    const addends: Ref[] = [];
    for (const x of ar) for (const y of ac) addends.push(ref(x, y));
    out.push({ id: `${def.id}:${tr}/${tc}`, total: ref(tr, tc), addends });
  };
  if (def.eachRow) for (const r of def.eachRow === 'all' ? rowIds : def.eachRow) make(r, undefined);
  else if (def.eachColumn) for (const c of def.eachColumn === 'all' ? colIds : def.eachColumn) make(undefined, c);
  else make(undefined, undefined);
  return out;
}

interface BalanceTemplate {
  id: string;
  left: Ref[];
  right: Ref[];
  solve: Ref;
}

const expansionCache = new WeakMap<TableDef, { def: RelationDef; templates: (Template | BalanceTemplate)[] }[]>();

function expansions(table: TableDef) {
  let e = expansionCache.get(table);
  if (!e) {
    e = table.relations.map((def) => {
      if (def.kind === 'sum') return { def, templates: expandSum(def, table) };
      const b = def as BalanceRelationDef;
      const part = table.parts.find((p) => p.id === b.part);
      const cols = b.eachColumn === 'all' ? (part?.columns.map((c) => c.id) ?? []) : b.eachColumn;
      const ref = refIn(table);
      return {
        def,
        templates: cols.map((column): BalanceTemplate => ({
          id: `${def.id}:${column}`,
          left: b.left.map((r) => ref(r, column)),
          right: b.right.map((r) => ref(r, column)),
          solve: ref(b.solveFor, column),
        })),
      };
    });
    expansionCache.set(table, e);
  }
  return e;
}

export function evaluate(model: ReportModel): Evaluation {
  const instances: RelationInstance[] = [];
  const byCell = new Map<Cell, RelationInstance[]>();
  const computedTotals = new Map<Cell, { value: Big; instance: RelationInstance }>();
  const slot = (t: BoundTable, r: Ref): Slot => ({ row: r.row, column: r.column, cell: (r.ord < 0 ? undefined : t.cellAt[r.ord]) ?? null });

  for (const t of model.tables) {
    for (const { def, templates } of expansions(t.def)) {
      for (const tpl of templates) {
        if ('total' in tpl) {
          const inst: RelationInstance = {
            id: tpl.id,
            def,
            code: def.code,
            kind: 'sum',
            table: t,
            total: slot(t, tpl.total),
            addends: tpl.addends.map((a) => slot(t, a)),
            right: [],
            reported: null,
            computed: null,
            holds: null,
          };
          instances.push(inst);
        } else {
          instances.push({
            id: tpl.id,
            def,
            code: def.code,
            kind: 'balance',
            table: t,
            total: slot(t, tpl.solve),
            addends: tpl.left.map((r) => slot(t, r)),
            right: tpl.right.map((r) => slot(t, r)),
            reported: null,
            computed: null,
            holds: null,
          });
        }
      }
    }
  }
  const link = (s: Slot | null, inst: RelationInstance) => {
    if (!s?.cell) return;
    const list = byCell.get(s.cell);
    if (list) list.push(inst);
    else byCell.set(s.cell, [inst]);
  };
  // A cell occurs at most once per instance (a total is never its own part; balance sides are disjoint).
  for (const inst of instances) {
    link(inst.total, inst);
    for (const s of inst.addends) link(s, inst);
    for (const s of inst.right) link(s, inst);
  }

  // Which cells are totals (targets of a sum)? A blank total is computed, a blank part is 0.
  const sumOf = new Map<Cell, RelationInstance[]>();
  for (const inst of instances) {
    if (inst.kind !== 'sum' || !inst.total?.cell) continue;
    const l = sumOf.get(inst.total.cell);
    if (l) l.push(inst);
    else sumOf.set(inst.total.cell, [inst]);
  }
  const isBlank = (c: Cell) => c.value.kind === 'blank';
  const resolved = new Map<Cell, Big | null>();
  const valueOf = (c: Cell | null): Big | null => {
    if (!c) return null;
    if (c.value.kind === 'number') return c.value.value;
    if (c.value.kind === 'invalid') return null;
    if (resolved.has(c)) return resolved.get(c)!;
    if (!sumOf.has(c)) return ZERO;
    return null; // blank total not computed (yet)
  };
  // Fixed point: compute blank totals whose parts are all known, in catalog order of relations.
  const blankTotals = [...sumOf.keys()].filter(isBlank);
  for (let pass = 0; pass < 4 && blankTotals.some((c) => !resolved.has(c)); pass++) {
    for (const c of blankTotals) {
      if (resolved.has(c)) continue;
      for (const inst of sumOf.get(c)!) {
        if (inst.addends.some((a) => !a.cell)) continue;
        const vals = inst.addends.map((a) => valueOf(a.cell));
        if (vals.some((v) => v === null)) continue;
        const anyFilled = inst.addends.some((a) => a.cell!.value.kind === 'number' || (a.cell!.value.kind === 'blank' && resolved.has(a.cell!) && computedTotals.has(a.cell!)));
        const v = decSum(vals as Big[]);
        resolved.set(c, v);
        if (anyFilled) computedTotals.set(c, { value: v, instance: inst });
        break;
      }
    }
  }

  for (const inst of instances) {
    const cells = [inst.total, ...inst.addends, ...inst.right];
    if (cells.some((s) => !s || !s.cell)) continue;
    if (inst.kind === 'sum') {
      const reported = valueOf(inst.total!.cell);
      const parts = inst.addends.map((a) => valueOf(a.cell));
      if (reported === null || parts.some((p) => p === null)) continue;
      inst.reported = reported;
      inst.computed = decSum(parts as Big[]);
      inst.holds = decEq(inst.reported, inst.computed);
    } else {
      const left = inst.addends.map((a) => valueOf(a.cell));
      const right = inst.right.map((a) => valueOf(a.cell));
      if (left.some((p) => p === null) || right.some((p) => p === null)) continue;
      inst.reported = decSum(left as Big[]);
      inst.computed = decSum(right as Big[]);
      inst.holds = decEq(inst.reported, inst.computed);
    }
  }

  const { suspects, explained } = findSuspects(model, instances, byCell, valueOf);
  return { instances, byCell, computedTotals, totals: new Set(sumOf.keys()), suspects, explained, valueOf };
}

/**
 * suspect-cell: one cell whose single correction makes every failing relation of its table hold and
 * breaks none that holds, where at least two failing relations involve it.
 */
function findSuspects(
  model: ReportModel,
  instances: RelationInstance[],
  byCell: Map<Cell, RelationInstance[]>,
  valueOf: (c: Cell | null) => Big | null,
): { suspects: Suspect[]; explained: Set<RelationInstance> } {
  const suspects: Suspect[] = [];
  const explained = new Set<RelationInstance>();
  for (const t of model.tables) {
    const failing = instances.filter((i) => i.table === t && i.holds === false);
    if (failing.length < 2) continue;
    // Candidates: filled cells that take part in every failing relation of the table.
    const counts = new Map<Cell, number>();
    for (const f of failing) {
      const seen = new Set<Cell>();
      for (const s of [f.total, ...f.addends, ...f.right]) if (s?.cell && !seen.has(s.cell)) seen.add(s.cell);
      for (const c of seen) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const candidates = [...counts].filter(([c, n]) => n === failing.length && c.value.kind === 'number').map(([c]) => c);
    const found: Suspect[] = [];
    for (const cell of candidates) {
      const v = solveFor(failing[0]!, cell, valueOf);
      if (!v || decNegative(v) || !decWhole(v)) continue;
      const involved = byCell.get(cell) ?? [];
      const ok = involved.every((inst) => holdsWith(inst, cell, v, valueOf) !== false);
      if (ok && failing.every((f) => holdsWith(f, cell, v, valueOf) === true)) found.push({ cell, value: v, explains: failing });
    }
    if (found.length === 1) {
      suspects.push(found[0]!);
      for (const f of failing) explained.add(f);
    }
  }
  return { suspects, explained };
}

function sideSum(slots: { cell: Cell | null }[], cell: Cell, v: Big, valueOf: (c: Cell | null) => Big | null): Big | null {
  const vals: Big[] = [];
  for (const x of slots) {
    const val = x.cell === cell ? v : valueOf(x.cell);
    if (val === null) return null;
    vals.push(val);
  }
  return decSum(vals);
}

function holdsWith(inst: RelationInstance, cell: Cell, v: Big, valueOf: (c: Cell | null) => Big | null): boolean | null {
  if (inst.kind === 'sum') {
    const total = inst.total!.cell === cell ? v : valueOf(inst.total!.cell);
    const parts = sideSum(inst.addends, cell, v, valueOf);
    if (total === null || parts === null) return null;
    return decEq(total, parts);
  }
  const l = sideSum(inst.addends, cell, v, valueOf);
  const r = sideSum(inst.right, cell, v, valueOf);
  if (l === null || r === null) return null;
  return decEq(l, r);
}

/** The value `cell` must take for `inst` to hold (cells appear at most once per side). */
function solveFor(inst: RelationInstance, cell: Cell, valueOf: (c: Cell | null) => Big | null): Big | null {
  const lhs = inst.kind === 'sum' ? [inst.total!] : inst.addends;
  const rhs = inst.kind === 'sum' ? inst.addends : inst.right;
  const onLeft = lhs.some((s) => s.cell === cell);
  const same = onLeft ? lhs : rhs;
  const other = onLeft ? rhs : lhs;
  const otherVals: Big[] = [];
  for (const s of other) {
    const v = valueOf(s.cell);
    if (v === null) return null;
    otherVals.push(v);
  }
  const restVals: Big[] = [];
  for (const s of same) {
    if (s.cell === cell) continue;
    const v = valueOf(s.cell);
    if (v === null) return null;
    restVals.push(v);
  }
  const otherSum = decSum(otherVals);
  const rest = decSum(restVals);
  return otherSum.minus(rest);
}
