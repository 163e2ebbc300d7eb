// Text: a count stated in the narrative contradicts the tables (RULES.md, “What text-table-mismatch
// compares”; TEMPLATE-SPEC.md §8 TXT-NEW).
//
// The prose of sections 一, 三 and 四 of the body is joined across the extraction's line wraps, cut into
// sentences and tokenised with a small dictionary: keys (收到, 予以公开, 行政复议, 现行有效 …), filler
// words (的, 共计, 政府信息公开申请 …), blockers (自然人, 本级, 较上年 …) and counts (“12件”, “十二件”).
// A count belongs to the key right before it when only filler stands between them (“共收到政府信息
// 公开申请12件”); a negation (“未收到政府信息公开申请”) states 0. Sentences about another year, plans,
// comparisons, parts of the whole (其中自然人…, 本级…) and anything else that does not read one way are
// left alone: when in doubt, silent. Everything is a single left-to-right pass with bounded look-around,
// so the cost is linear in the prose. The reader lives in ./narrative/ (vocabulary, tokens, chunks,
// targets, sentences); this file is the rule: chunks → sentences → statements → findings.

import Big from 'big.js';
import type { BoundTable, ReportModel } from '../model/types';
import { decEq } from '../core/decimal';
import type { Evaluation } from './relations';
import type { Localized, RawFinding, Rule } from './types';
import { cellName, L, type SpanCellRef } from './util';
import { C_END, CLASS } from './narrative/vocabulary';
import { tokenize, mergeYears, worthReading } from './narrative/tokens';
import { type Chunk, chunksOf, chunkSpan, chunkWords } from './narrative/chunks';
import { type Target, type Tables, type Read, alternatives, readTarget } from './narrative/targets';
import { type Statement, type Carry, type SentenceCtx, analyzeSentence } from './narrative/sentences';

// ---------------------------------------------------------------------------------------------
// The rule

function uniqueTable(model: ReportModel, id: string): BoundTable | null {
  const ts = model.tables.filter((t) => t.id === id);
  return ts.length === 1 ? ts[0]! : null;
}

const TABLE_ZH: Record<string, string> = { proactive: '表二', applications: '表三', review: '表四' };
const TABLE_EN: Record<string, string> = { proactive: 'table 2', applications: 'table 3', review: 'table 4' };

export const rule: Rule = {
  meta: {
    code: 'text-table-mismatch',
    defaultSeverity: 'warning',
    category: 'text',
    description: { 'zh-CN': '正文中陈述的件数与表格数据不一致。', en: 'A count stated in the text contradicts the tables.' },
  },
  check({ model, evaluation }) {
    const tables: Tables = { apps: uniqueTable(model, 'applications'), review: uniqueTable(model, 'review'), proactive: uniqueTable(model, 'proactive') };
    if (!tables.apps && !tables.review && !tables.proactive) return [];
    const out: RawFinding[] = [];
    for (const chunk of chunksOf(model)) {
      const f = chunk.text;
      let prevSkipped = false;
      const none: Carry = { app: false, group: null, doc: null };
      let carry = none;
      // Coarse sentences (up to 。！？) are tokenised only when they hold a count or a negation.
      for (let from = 0; from < f.length; ) {
        let to = from;
        while (to < f.length && !(CLASS[f.charCodeAt(to)]! & C_END)) to++;
        if (to < f.length) to++;
        if (!worthReading(f, from, to)) {
          prevSkipped = false;
          carry = none;
          from = to;
          continue;
        }
        const toks = mergeYears(tokenize(f, from, to), model.year);
        let start = 0;
        for (let i = 0; i <= toks.length; i++) {
          if (i < toks.length && toks[i]!.t !== 'end') continue;
          const ctx: SentenceCtx = { tables, section: chunk.section, carry, skipped: false };
          // “…上半年…受理申请267件。其中同意公开81件”: 其中 continues the sentence before
          const continues = toks[start]?.t === 'incl' && toks[start]!.w === '其中';
          if (!(continues && prevSkipped)) {
            for (const st of analyzeSentence(toks, start, i, ctx)) {
              const found = finding(st, chunk, evaluation, model.text);
              if (found) out.push(found);
            }
          } else {
            ctx.skipped = true;
            ctx.carry = none;
          }
          if (i > start) {
            prevSkipped = ctx.skipped;
            carry = ctx.carry;
          }
          start = i + 1;
        }
        from = to;
      }
    }
    return out;
  },
};

function finding(st: Statement, chunk: Chunk, ev: Evaluation, source: string): RawFinding | null {
  const reads = st.targets.map((t) => readTarget(t, ev));
  if (reads.some((r) => !r)) return null;
  const stated = new Big(st.stated);
  const agree = st.agree;
  let target: Target;
  let read: Read;
  if (agree) {
    // several readings: only when they all say the same
    if (!reads.every((r) => decEq(r!.value, reads[0]!.value))) return null;
    target = st.targets[0]!;
    read = reads[0]!;
  } else if (st.targets.length === 1) {
    target = st.targets[0]!;
    read = reads[0]!;
  } else return null;
  if (decEq(read.value, stated)) return null;
  // The table contradicts itself there (a suspect cell, a total that is not the sum of its parts) and
  // the text agrees with the other reading: the arithmetic rules report it, not this one.
  if (alternatives(read, ev).some((v) => decEq(v, stated))) return null;
  if (st.alt) {
    const alt = readTarget(st.alt, ev);
    if (!alt || decEq(alt.value, stated)) return null;
  }
  let note: Localized | null = null;
  let fix = st.fix && !st.negation;
  if (st.carriedNote) {
    const both = readTarget(st.carriedNote, ev);
    if (both && decEq(both.value, stated)) {
      note = L('（该数与“一、本年新收”加“二、上年结转”之和相同：若含上年结转，请在文中写明）', ' (it equals new plus carried-over applications: if it includes those carried over, say so)');
      fix = false;
    }
  }
  const { span, crosses } = chunkSpan(chunk, st.s, st.e);
  // only where the number is plain text in the source (not split by a line break or by markup)
  if (crosses || source.slice(span.start, span.end) !== chunkWords(chunk, st.s, st.e)) fix = false;
  const t = target.table;
  const names = target.cells.map(([r, c]) => cellName(t, r, c));
  const where = target.where ?? L(names.join(' ＋ '), names.join(' + '));
  const tv = read.value.toFixed();
  const m = st.measure || '件';
  let zhSaid: string;
  let enSaid: string;
  if (st.negation) {
    const words = chunkWords(chunk, st.negation.s, st.negation.e);
    zhSaid = `正文称${target.what['zh-CN']}为0（“${words}”）`;
    enSaid = `The text says there were no ${target.what.en} (“${words}”)`;
  } else {
    zhSaid = `正文称${target.what['zh-CN']}${chunkWords(chunk, st.s, st.e)}${m}`;
    enSaid = `The text says ${st.stated} ${target.what.en}`;
  }
  const cells: SpanCellRef[] = read.cells.map((c, x) => ({
    table: t.id,
    row: target.cells[x]![0],
    column: target.cells[x]![1],
    span: c.span,
    value: (c.value.kind === 'number' ? c.value.value : (ev.valueOf(c) ?? new Big(0))).toFixed(),
  }));
  const f: RawFinding = {
    code: 'text-table-mismatch',
    span,
    message: L(
      `${zhSaid}，但${TABLE_ZH[t.id] ?? ''}“${where['zh-CN']}”为${tv}。${note?.['zh-CN'] ?? ''}`,
      `${enSaid}, but ${TABLE_EN[t.id] ?? 'the table'} has ${tv} (${where.en}).${note?.en ?? ''}`,
    ),
    related: read.cells.map((c, x) => ({ span: c.span, message: L(`${names[x]}：${cells[x]!.value}`, `${names[x]}: ${cells[x]!.value}`) })),
    data: {
      table: t.id,
      row: target.cells.map((c) => c[0]).join('+'),
      column: [...new Set(target.cells.map((c) => c[1]))].join('+'),
      stated: stated.toFixed(),
      tableValue: tv,
      cells,
    },
  };
  if (fix) {
    f.fixes = [{ title: L(`将正文中的数字改为表格中的 ${tv}`, `Change the number in the text to the table's ${tv}`), isPreferred: true, edits: [{ span, newText: tv }] }];
  }
  return f;
}
