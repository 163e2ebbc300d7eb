// The check shared by row-total, column-total and review-total: every failing instance of a sum
// relation whose code is the rule's, unless a suspect cell explains it or its total was blank.
import type { RawFinding, RuleContext } from './types';
import { L, cellName, fmt, relatedFor, slotRef, type SpanCellRef } from './util';

export function checkSums(ctx: RuleContext, code: string): RawFinding[] {
  const { evaluation: ev, model } = ctx;
  const out: RawFinding[] = [];
  for (const inst of ev.instances) {
    if (inst.code !== code || inst.kind !== 'sum' || inst.holds !== false || ev.explained.has(inst)) continue;
    const total = inst.total!;
    const cell = total.cell!;
    if (cell.value.kind !== 'number') continue;
    const name = cellName(inst.table, total.row, total.column);
    const computed = fmt(inst.computed);
    const reported = fmt(inst.reported);
    const cells = [total, ...inst.addends].map((s) => slotRef(s, ev.valueOf)).filter((x): x is SpanCellRef => x !== null);
    out.push({
      code,
      span: cell.span,
      message: L(
        `${inst.def.name.zh}不成立：${name} 填报 ${reported}，各项之和为 ${computed}。`,
        `${inst.def.name.en} does not hold: ${name} reports ${reported}, the parts add up to ${computed}.`,
      ),
      related: relatedFor(inst, model, ev.valueOf, cell),
      data: { relation: inst.def.id, instance: inst.id, table: inst.table.id, row: total.row, column: total.column, reported, computed, cells },
      fixes: [
        {
          title: L(`将 ${name} 改为 ${computed}`, `Set ${name} to ${computed}`),
          isPreferred: true,
          edits: [{ span: cell.span, newText: computed }],
        },
      ],
    });
  }
  return out;
}
