// Arithmetic: 一 + 二 = 三（七）总计 + 四 in every column of table 三 (the template's 勾稽关系).
// Which side is wrong is a judgment, so the quick fix (set 四) is offered but never applied by fix-all.
import type Big from 'big.js';
import type { Rule } from './types';
import { L, cellName, fmt, relatedFor, slotRef, type SpanCellRef } from './util';

export const rule: Rule = {
  meta: {
    code: 'balance',
    defaultSeverity: 'error',
    category: 'arithmetic',
    description: {
      'zh-CN': '表三每列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理（模板注明的勾稽关系）。',
      en: 'table 三, every column: 一 new + 二 carried over = 三（七）total + 四 carried forward (the template’s stated balance).',
    },
  },
  check(ctx) {
    const { evaluation: ev, model } = ctx;
    return ev.instances
      .filter((i) => i.kind === 'balance' && i.holds === false && !ev.explained.has(i))
      .map((inst) => {
        const target = inst.total!;
        const column = cellName(inst.table, target.row, target.column).split(' × ')[1] ?? target.column;
        const left = fmt(inst.reported);
        const right = fmt(inst.computed);
        // 四 := (一 + 二) − （七）总计, offered only when that is not negative
        let solved: Big | null = inst.reported;
        for (const s of inst.right) {
          if (s.cell === target.cell) continue;
          const v = ev.valueOf(s.cell);
          solved = solved && v ? solved.minus(v) : null;
        }
        const cells = [...inst.addends, ...inst.right].map((s) => slotRef(s, ev.valueOf)).filter((x): x is SpanCellRef => x !== null);
        return {
          code: 'balance',
          span: target.cell!.span,
          message: L(
            `勾稽关系不成立（${column}列）：一 + 二 = ${left}，三（七）总计 + 四 = ${right}。`,
            `Balance does not hold (column ${column}): 一 + 二 = ${left}, 三（七）total + 四 = ${right}.`,
          ),
          related: relatedFor(inst, model, ev.valueOf),
          data: { relation: inst.def.id, instance: inst.id, table: inst.table.id, row: target.row, column: target.column, reported: left, computed: right, cells },
          fixes:
            solved && solved.gte(0) && target.cell!.value.kind !== 'invalid'
              ? [
                  {
                    title: L(`将“四、结转下年度继续办理”（${column}）改为 ${solved.toFixed()}`, `Set 四 carried forward (${column}) to ${solved.toFixed()}`),
                    edits: [{ span: target.cell!.span, newText: solved.toFixed() }],
                  },
                ]
              : [],
        };
      });
  },
};
