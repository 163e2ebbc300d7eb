// Which table cells a statement is about (table 三 rows, table 四 groups and outcomes, table 二
// 第二十条第（一）项), and the value the tables give for them, including the other readings a table
// that contradicts itself allows.
import Big from 'big.js';
import type { BoundTable, Cell } from '../../model/types';
import type { Evaluation } from '../relations';
import type { Localized } from '../types';
import { L } from '../util';
import { cellOf } from '../../model/cell-index';
import type { Kind } from './vocabulary';

export interface Target {
  table: BoundTable;
  cells: [row: string, column: string][];
  what: Localized;
  /** How the message names the cells, when not cell by cell (a group of table 三 rows). */
  where?: Localized;
}

export interface Tables {
  apps: BoundTable | null;
  review: BoundTable | null;
  proactive: BoundTable | null;
}

const WHAT: Record<Kind, Localized> = {
  recv: L('收到的政府信息公开申请', 'applications received'),
  new: L('本年新收的政府信息公开申请', 'new applications this year'),
  reply: L('答复（办结）的申请', 'applications answered'),
  handle: L('办理的申请', 'applications handled'),
  carried: L('上年结转的申请', 'applications carried over from last year'),
  forward: L('结转下年度继续办理的申请', 'applications carried forward to next year'),
  disclosed: L('予以公开', 'disclosed'),
  partial: L('部分公开', 'partially disclosed'),
  dp: L('予以公开及部分公开', 'disclosed in full or in part'),
  refused: L('不予公开', 'refused'),
  unable: L('无法提供', 'unable to provide'),
  np: L('不予处理', 'not processed'),
  otherproc: L('其他处理', 'otherwise handled'),
  review: L('行政复议案件', 'administrative review cases'),
  lit: L('行政诉讼案件', 'lawsuits'),
  direct: L('未经复议直接起诉的行政诉讼', 'lawsuits filed without prior review'),
  after: L('复议后起诉的行政诉讼', 'lawsuits filed after review'),
  upheld: L('结果维持', 'upheld'),
  corrected: L('结果纠正', 'corrected'),
  otherres: L('其他结果', 'other outcomes'),
  pending: L('尚未审结', 'pending'),
  normative: L('行政规范性文件', 'normative documents'),
  rules: L('规章', 'regulations'),
  issued: L('本年制发', 'issued this year'),
  repealed: L('本年废止', 'repealed this year'),
  inforce: L('现行有效', 'in force'),
  made: L('本年新制作', 'newly made this year'),
};

const GROUP_ROWS: Record<'refused' | 'unable' | 'np' | 'otherproc', { zh: string; match: (id: string) => boolean }> = {
  refused: { zh: '（三）不予公开', match: (id) => id.startsWith('refused-') },
  unable: { zh: '（四）无法提供', match: (id) => id.startsWith('unable-') },
  np: { zh: '（五）不予处理', match: (id) => id.startsWith('np-') },
  otherproc: { zh: '（六）其他处理', match: (id) => id === 'other' || id.startsWith('other-') },
};

const OUTCOME: Partial<Record<Kind, string>> = { upheld: 'upheld', corrected: 'corrected', otherres: 'other', pending: 'pending' };

function rowsOf(t: BoundTable, pred: (id: string) => boolean): string[] {
  return t.def.parts.flatMap((p) => p.rows.map((r) => r.id)).filter(pred);
}

export function joinWhat(items: Localized[], sum: boolean): Localized {
  if (items.length === 1) return items[0]!;
  return L(items.map((x) => x['zh-CN']).join(sum ? '及' : '、'), items.map((x) => x.en).join(sum ? ' and ' : ', '));
}

/** Table 三 / 四 target of one key (parts need their group, documents their verb and noun). */
export function targetOf(tables: Tables, k: Kind, opts: { includeCarried?: boolean; group?: Kind | null } = {}): Target | null {
  const a = tables.apps;
  const r = tables.review;
  const t3 = (rows: string[], what: Localized): Target | null => (a && rows.length ? { table: a, cells: rows.map((x) => [x, 'total']), what } : null);
  switch (k) {
    case 'recv':
      return opts.includeCarried ? t3(['new', 'carried'], L('收到的政府信息公开申请（含上年结转）', 'applications received (including those carried over)')) : t3(['new'], WHAT.recv);
    case 'new':
      return t3(['new'], WHAT.new);
    case 'reply':
    case 'handle':
      return t3(['total'], WHAT[k]);
    case 'carried':
      return t3(['carried'], WHAT.carried);
    case 'forward':
      return t3(['forward'], WHAT.forward);
    case 'disclosed':
      return t3(['disclosed'], WHAT.disclosed);
    case 'partial':
      return t3(['partial'], WHAT.partial);
    case 'dp':
      return t3(['disclosed', 'partial'], WHAT.dp);
    case 'refused':
    case 'unable':
    case 'np':
    case 'otherproc': {
      if (!a) return null;
      const g = GROUP_ROWS[k];
      const rows = rowsOf(a, g.match);
      const tg = t3(rows, WHAT[k]);
      if (tg && rows.length > 1) tg.where = L(`${g.zh}（${rows.length}项之和）× 总计`, `${g.zh} (sum of ${rows.length} rows) × 总计`);
      return tg;
    }
    case 'review':
    case 'lit':
    case 'direct':
    case 'after': {
      if (!r) return null;
      const groups = k === 'lit' ? ['direct', 'after'] : [k];
      return { table: r, cells: groups.map((g) => ['cases', `${g}-total`]), what: WHAT[k] };
    }
    case 'upheld':
    case 'corrected':
    case 'otherres':
    case 'pending': {
      const g = opts.group;
      if (!r || !g) return null;
      const groups = g === 'lit' ? ['direct', 'after'] : [g];
      return {
        table: r,
        cells: groups.map((x) => ['cases', `${x}-${OUTCOME[k]}`]),
        what: L(`${WHAT[g]['zh-CN'].replace(/案件$/, '')}${WHAT[k]['zh-CN']}`, `${WHAT[g].en}: ${WHAT[k].en}`),
      };
    }
    default:
      return null;
  }
}

export function docTarget(tables: Tables, verb: Kind, noun: Kind): Target | null {
  const t = tables.proactive;
  if (!t) return null;
  const col =
    t.version === '2021'
      ? ({ issued: 'issued', repealed: 'repealed', inforce: 'in-force', made: 'issued' } as Partial<Record<Kind, string>>)[verb]
      : ({ made: 'made' } as Partial<Record<Kind, string>>)[verb]; // 2019: 制发/废止/现行有效 have no column of their own
  if (!col) return null;
  return {
    table: t,
    cells: [[noun, col]],
    what: L(`${WHAT[verb]['zh-CN']}${WHAT[noun]['zh-CN']}`, `${WHAT[noun].en} ${WHAT[verb].en}`),
  };
}

export function sumTargets(ts: Target[], what: Localized): Target | null {
  if (!ts.length || ts.some((t) => t.table !== ts[0]!.table)) return null;
  const seen = new Set<string>();
  const cells: Target['cells'] = [];
  for (const t of ts)
    for (const c of t.cells) {
      const key = c.join('/');
      if (!seen.has(key)) {
        seen.add(key);
        cells.push(c);
      }
    }
  return { table: ts[0]!.table, cells, what };
}

export interface Read {
  value: Big;
  cells: Cell[];
}

/**
 * Other readings of a target's value where the table contradicts itself: one cell replaced by its
 * suspect-cell correction, or a total by the sum of its parts when that sum relation fails.
 */
export function alternatives(read: Read, ev: Evaluation): Big[] {
  const out: Big[] = [];
  for (const cell of read.cells) {
    const printed = ev.valueOf(cell);
    if (!printed) continue;
    const others = read.value.minus(printed);
    for (const s of ev.suspects) if (s.cell === cell) out.push(others.plus(s.value));
    for (const inst of ev.byCell.get(cell) ?? []) {
      if (inst.kind === 'sum' && inst.holds === false && inst.total?.cell === cell && inst.computed) out.push(others.plus(inst.computed));
    }
  }
  return out;
}

/** The table's value for a target, or null when a cell is missing or unreadable (blank, not a number). */
export function readTarget(t: Target, ev: Evaluation): Read | null {
  let sum = new Big(0);
  const cells: Cell[] = [];
  for (const [row, col] of t.cells) {
    const cell = cellOf(t.table, row, col);
    if (!cell) return null;
    let v: Big | null = null;
    if (cell.value.kind === 'number') v = cell.value.value;
    else if (cell.value.kind === 'blank') v = ev.computedTotals.get(cell)?.value ?? null;
    if (v === null) return null;
    sum = sum.plus(v);
    cells.push(cell);
  }
  return { value: sum, cells };
}
