// Matches cell text against a template's labels: rows (with aliases), group labels, captions, headers
// and column labels. Matching is on normalised text (core/text.ts normalizeLabel) and tolerates the
// damage real extractions do: truncated labels (a prefix), notes appended in brackets, enumerators
// written differently or glued to a group label ("（三） 1. 属于国家秘密").
import { normalizeLabel } from '../core/text';
import type { PartDef, RowDef, TableDef, TemplateDef } from '../templates/schema';

export type LabelHit =
  | { kind: 'row'; table: TableDef; part: PartDef; row: RowDef; exact: boolean; key: string }
  | { kind: 'group'; table: TableDef; part: PartDef; id: string; key: string }
  | { kind: 'caption'; table: TableDef; part: PartDef; key: string }
  | { kind: 'header'; table: TableDef; part: PartDef; key: string };

const ENUM = /^(?:\d{1,2}\.|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)/;
const CAPTION = /第二十条第?\(([一二三四五六七八九十]{1,3})\)项/;

export function labelCore(norm: string): string {
  return norm.replace(ENUM, '');
}

interface Entry {
  key: string;
  hit: LabelHit;
}

export class LabelMatcher {
  private exact = new Map<string, LabelHit[]>();
  private rowEntries: Entry[] = [];
  private headerEntries: Entry[] = [];
  private groupKeys: string[] = [];
  /** Normalised labels that occur only in this template's version of a table (detection evidence). */
  readonly tells = new Set<string>();
  readonly allKeys = new Set<string>();

  constructor(readonly template: TemplateDef) {
    for (const table of template.tables) {
      for (const part of table.parts) {
        for (const row of part.rows) {
          if (row.unlabeled) continue;
          for (const l of [row.label, ...row.aliases]) {
            const key = normalizeLabel(l);
            this.add(key, { kind: 'row', table, part, row, exact: true, key });
            this.rowEntries.push({ key, hit: { kind: 'row', table, part, row, exact: false, key } });
            const core = labelCore(key);
            if (core !== key && core.length >= 4) {
              this.add(core, { kind: 'row', table, part, row, exact: true, key: core });
              this.rowEntries.push({ key: core, hit: { kind: 'row', table, part, row, exact: false, key: core } });
            }
          }
        }
        for (const g of part.groups) {
          for (const l of [g.label, ...g.aliases]) {
            const key = normalizeLabel(l);
            this.add(key, { kind: 'group', table, part, id: g.id, key });
            this.groupKeys.push(key);
            const core = labelCore(key);
            if (core !== key && core.length >= 2) this.add(core, { kind: 'group', table, part, id: g.id, key: core });
          }
        }
        if (part.caption) {
          for (const l of [part.caption, ...part.captionAliases]) {
            const key = normalizeLabel(l);
            this.add(key, { kind: 'caption', table, part, key });
          }
        }
        for (const l of [...part.headers, ...part.columns.flatMap((c) => [c.label, ...c.aliases])]) {
          const key = normalizeLabel(l);
          this.add(key, { kind: 'header', table, part, key });
          this.headerEntries.push({ key, hit: { kind: 'header', table, part, key } });
        }
      }
    }
  }

  private add(key: string, hit: LabelHit) {
    this.allKeys.add(key);
    const list = this.exact.get(key);
    if (list) list.push(hit);
    else this.exact.set(key, [hit]);
  }

  /** Computes `tells` against another template: keys of this one's tables the other lacks. */
  computeTells(other: LabelMatcher) {
    for (const k of this.allKeys) if (!other.allKeys.has(k)) this.tells.add(k);
  }

  private memo = new Map<ReadonlySet<string>, Map<string, LabelHit | null>>();

  /** Best hit for a normalised label among the given tables, or null. Memoised per table set. */
  match(norm: string, tables: ReadonlySet<string>): LabelHit | null {
    if (!norm) return null;
    let m = this.memo.get(tables);
    if (!m) {
      if (this.memo.size > 64) this.memo.clear();
      m = new Map();
      this.memo.set(tables, m);
    }
    let hit = m.get(norm);
    if (hit === undefined) {
      hit = this.matchOnce(norm, tables) ?? this.matchStripped(norm, tables);
      if (m.size > 5000) m.clear();
      m.set(norm, hit);
    }
    return hit;
  }

  private matchOnce(norm: string, tables: ReadonlySet<string>): LabelHit | null {
    const exact = this.exact.get(norm);
    if (exact) {
      const inScope = exact.filter((h) => tables.has(h.table.id));
      const rank = (h: LabelHit) => (h.kind === 'row' ? 0 : h.kind === 'caption' ? 1 : h.kind === 'group' ? 2 : 3);
      inScope.sort((a, b) => rank(a) - rank(b));
      if (inScope.length) return inScope[0]!;
    }
    // Caption with odd spacing or brackets: 第二十条 第(一)项.
    const cm = CAPTION.exec(norm);
    if (cm) {
      for (const [key, hits] of this.exact) {
        if (!key.includes(`(${cm[1]})项`)) continue;
        const h = hits.find((x) => x.kind === 'caption' && tables.has(x.table.id));
        if (h) return h;
      }
    }
    // A row label with a note appended: 规章(设区的市…), 规范性文件（行政机关制定…）.
    let best: Entry | null = null;
    for (const e of this.rowEntries) {
      if (!tables.has(e.hit.table.id)) continue;
      if (norm.length > e.key.length && norm.startsWith(e.key)) {
        const next = norm[e.key.length];
        if (next === '(' || next === ':' || next === ',') {
          if (!best || e.key.length > best.key.length) best = e;
        }
      }
    }
    if (best) return best.hit;
    // A truncated row label (page break, lost second half): a unique prefix of at least 4 characters.
    if (norm.length >= 4) {
      let found: Entry | null = null;
      let ambiguous = false;
      for (const e of this.rowEntries) {
        if (!tables.has(e.hit.table.id) || e.key.length <= norm.length || !e.key.startsWith(norm)) continue;
        if (found && found.hit.kind === 'row' && e.hit.kind === 'row' && found.hit.row.id !== e.hit.row.id) ambiguous = true;
        found ??= e;
      }
      if (found && !ambiguous) return found.hit;
      // Header fragments (本年新 | 本年新, the 勾稽关系 note cut short) are headers, ambiguity or not.
      for (const e of this.headerEntries) {
        if (!tables.has(e.hit.table.id)) continue;
        if ((e.key.startsWith(norm) || (norm.startsWith(e.key) && e.key.length >= 4))) return e.hit;
      }
    }
    return null;
  }

  /** Strips a leading group label or enumerator glued to the row label, then matches the rest. */
  private matchStripped(norm: string, tables: ReadonlySet<string>): LabelHit | null {
    for (const g of this.groupKeys) {
      if (norm.length > g.length + 1 && norm.startsWith(g)) {
        const h = this.matchOnce(norm.slice(g.length), tables);
        if (h && h.kind === 'row') return h;
      }
    }
    const m = ENUM.exec(norm);
    if (m && /^[(一二三四五六七八九十]/.test(m[0]) && norm.length > m[0].length + 1) {
      const h = this.matchOnce(norm.slice(m[0].length), tables);
      if (h && h.kind === 'row') return h;
    }
    return null;
  }

  /** True when `norm` is a proper prefix of (or equals) one of the row's label keys. */
  static continues(row: RowDef, norm: string): boolean {
    for (const l of [row.label, ...row.aliases]) {
      const key = normalizeLabel(l);
      if (key.startsWith(norm) || labelCore(key).startsWith(norm)) return true;
    }
    return false;
  }
}

const cache = new WeakMap<TemplateDef, LabelMatcher>();
export function matcherFor(template: TemplateDef): LabelMatcher {
  let m = cache.get(template);
  if (!m) {
    m = new LabelMatcher(template);
    cache.set(template, m);
  }
  return m;
}
