// Arithmetic: one filled cell whose single correction makes every failing relation of its table hold
// (and breaks none that holds), with at least two failing relations through it. That cell, not the
// totals, is probably the typo; the failures it explains are not reported again.
import type { Rule } from './types';
import { L, cellName, relatedFor, slotRef, type SpanCellRef } from './util';

export const rule: Rule = {
  meta: {
    code: 'suspect-cell',
    defaultSeverity: 'error',
    category: 'arithmetic',
    fixAllOrder: 0,
    description: {
      'zh-CN': '某一单元格很可能填错：只改这一格即可使表内所有不成立的合计关系同时成立。',
      en: 'One cell is probably a typo: correcting it alone makes every failing relation of its table hold.',
    },
  },
  check(ctx) {
    const { evaluation: ev, model } = ctx;
    return ev.suspects.map((s) => {
      const t = model.tables.find((x) => x.id === s.cell.table)!;
      const name = cellName(t, s.cell.row, s.cell.column);
      const reported = ev.valueOf(s.cell)?.toFixed() ?? s.cell.raw;
      const value = s.value.toFixed();
      const names = [...new Set(s.explains.map((i) => i.def.name.zh.replace(/（.*$/, '')))].join('、');
      const namesEn = [...new Set(s.explains.map((i) => i.def.name.en.replace(/ \(.*$/, '')))].join(', ');
      const cells: SpanCellRef[] = [];
      for (const inst of s.explains)
        for (const sl of [...(inst.total ? [inst.total] : []), ...inst.addends, ...inst.right]) {
          const r = slotRef(sl, ev.valueOf);
          if (r && !cells.some((c) => c.span.start === r.span.start)) cells.push(r);
        }
      return {
        code: 'suspect-cell',
        span: s.cell.span,
        message: L(
          `${name} 可能填错：填报 ${reported}，改为 ${value} 后 ${s.explains.length} 项不成立的关系（${names}）全部成立。`,
          `${name} looks like a typo: it reports ${reported}; with ${value} all ${s.explains.length} failing relations (${namesEn}) hold.`,
        ),
        related: s.explains.flatMap((i) => relatedFor(i, model, ev.valueOf, s.cell) ?? []).slice(0, 24),
        data: { relation: s.explains.map((i) => i.def.id).join(','), instances: s.explains.map((i) => i.id), table: t.id, row: s.cell.row, column: s.cell.column, reported, computed: value, cells },
        fixes: [{ title: L(`将 ${name} 改为 ${value}`, `Set ${name} to ${value}`), isPreferred: true, edits: [{ span: s.cell.span, newText: value }] }],
      };
    });
  },
};
