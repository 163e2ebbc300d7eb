// Arithmetic: a total left blank while some of its parts are filled. Reported once per row of blank
// totals (one defect, one finding); the fix fills the computed values, and the relations that read the
// total already use them (relations.ts).
import type { Cell } from '../model/types';
import type { RawFinding, Rule } from './types';
import { L, cellName, columnLabel, rowLabel, slotRef, type SpanCellRef } from './util';

export const rule: Rule = {
  meta: {
    code: 'total-blank',
    defaultSeverity: 'error',
    category: 'arithmetic',
    fixAllOrder: 10,
    description: {
      'zh-CN': '合计单元格为空，而其组成项已填写：应填写计算出的合计。',
      en: 'A total cell is blank while some of its parts are filled: fill in the computed total.',
    },
  },
  check(ctx) {
    const { evaluation: ev, model } = ctx;
    const suspects = new Set(ev.suspects.map((s) => s.cell));
    const byRow = new Map<string, { cell: Cell; value: string }[]>();
    for (const [cell, { value }] of ev.computedTotals) {
      if (suspects.has(cell)) continue;
      const key = `${cell.table}/${cell.part}/${cell.row}`;
      const list = byRow.get(key) ?? [];
      list.push({ cell, value: value.toFixed() });
      byRow.set(key, list);
    }
    const out: RawFinding[] = [];
    for (const items of byRow.values()) {
      const t = model.tables.find((x) => x.id === items[0]!.cell.table)!;
      const row = t.rowIndex.get(`${items[0]!.cell.part}/${items[0]!.cell.row}`)!;
      items.sort((a, b) => a.cell.span.start - b.cell.span.start);
      const first = items[0]!.cell;
      const single = items.length === 1;
      const span = single ? first.span : { start: row.label?.span.start ?? row.span.start, end: Math.max(row.span.end, items[items.length - 1]!.cell.span.end) };
      const label = rowLabel(t, first.row);
      const list = items.map((i) => i.value).join(' ');
      const detail = items.map((i) => `${columnLabel(t, i.cell.column)} ${i.value}`).join('，');
      const detailEn = items.map((i) => `${columnLabel(t, i.cell.column)} ${i.value}`).join(', ');
      const relations = [...new Set(items.map((i) => ev.computedTotals.get(i.cell)!.instance.def.id))];
      const cells: SpanCellRef[] = [];
      for (const i of items) {
        const inst = ev.computedTotals.get(i.cell)!.instance;
        for (const s of [inst.total!, ...inst.addends]) {
          const r = slotRef(s, ev.valueOf);
          if (r) cells.push(r);
        }
      }
      out.push({
        code: 'total-blank',
        span,
        message:
          items.length === 1
            ? L(`${cellName(t, first.row, first.column)} 为空，按各项计算应为 ${list}。`, `${cellName(t, first.row, first.column)} is blank; its parts add up to ${list}.`)
            : L(`${label} 的 ${items.length} 个合计单元格为空，按各项计算应为：${detail}。`, `${items.length} total cells of ${label} are blank; computed: ${detailEn}.`),
        related: items.flatMap((i) => {
          const inst = ev.computedTotals.get(i.cell)!.instance;
          return inst.addends
            .filter((a) => a.cell && a.cell.value.kind === 'number')
            .slice(0, 8)
            .map((a) => ({ span: a.cell!.span, message: L(`${cellName(t, a.row, a.column)}：${ev.valueOf(a.cell)?.toFixed() ?? ''}`, `${cellName(t, a.row, a.column)}: ${ev.valueOf(a.cell)?.toFixed() ?? ''}`) }));
        }).slice(0, 16),
        data: { relation: relations.join(','), table: t.id, row: first.row, reported: null, computed: list, values: items.map((i) => ({ column: i.cell.column, value: i.value })), cells },
        fixes: [
          {
            title: items.length === 1 ? L(`填写合计 ${list}`, `Fill in the total ${list}`) : L(`填写 ${label} 的合计：${list}`, `Fill in the totals of ${label}: ${list}`),
            isPreferred: true,
            edits: items.map((i) => ({ span: i.cell.span, newText: i.value })),
          },
        ],
      });
    }
    return out;
  },
};
