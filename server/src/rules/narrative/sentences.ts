// The sentence analysis: which counts (and negations) of a tokenized sentence are statements about
// which table cells. A count belongs to the key chain right before it when only filler stands between
// them; 分别 lists, reversed order (予以公开的3件), 其中 continuations and negations are read; a
// sentence about another year, a plan, a comparison or a part of the whole is left alone.
import { L } from '../util';
import { type Kind, type Family, FAMILY, type Tok, GEN, APP_NOUNS, FAM_FILL, AFTER_FILL, NEG_FILL, MEASURE_OK } from './vocabulary';
import type { Chunk } from './chunks';
import { type Target, type Tables, joinWhat, targetOf, docTarget, sumTargets } from './targets';

export interface Statement {
  /** Chunk text range of the number (or of the negation). */
  s: number;
  e: number;
  stated: number;
  measure: string;
  targets: Target[];
  /** The statement is a negation (未收到…): no number to replace; the clause's range, for the message. */
  negation?: { s: number; e: number };
  /** Accept when the value matches this one too (办理: （七）总计 or 一 + 二). */
  alt?: Target;
  /** 收到 N: when N equals 一 + 二, say so and offer no fix. */
  carriedNote?: Target;
  /** Several readings (收到并办理 N 件): report only when they all have one value. */
  agree?: boolean;
  /** Offer the quick fix (the sentence maps to one reading). */
  fix: boolean;
}

/** What a sentence that begins with 其中 takes over from the sentence before it. */
export interface Carry {
  app: boolean;
  group: Kind | null;
  doc: Kind | null;
}

export interface SentenceCtx {
  tables: Tables;
  section: string;
  /** In: the context of the sentence before (used when this one begins with 其中). Out: this sentence's. */
  carry: Carry;
  /** Set by the analysis: the sentence is about another year, a plan or a part of the whole. */
  skipped: boolean;
}

export function analyzeSentence(toks: Tok[], a: number, b: number, ctx: SentenceCtx): Statement[] {
  const out: Statement[] = [];
  const n = b - a;
  if (n <= 0) return out;
  // Pass 1: sentence flags and, per token, the state of its clause before it.
  const blocked = new Uint8Array(n);
  const sub = new Uint8Array(n);
  const negated = new Uint8Array(n);
  let clauseBlocked = false;
  let clauseCmp = false;
  let clauseSub = false;
  let clauseNeg = false;
  let otherYear = false;
  let plan = false;
  let proactive = false;
  const continues = toks[a]?.t === 'incl' && toks[a]!.w === '其中';
  const before: Carry = continues ? ctx.carry : { app: false, group: null, doc: null };
  ctx.carry = { app: false, group: null, doc: null };
  let appCtx = ctx.section === 'applications' || before.app;
  let resCount = 0;
  let hasNum = false;
  let scoped = false;
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    blocked[i - a] = clauseBlocked ? 1 : 0;
    sub[i - a] = clauseSub ? 1 : 0;
    negated[i - a] = clauseNeg ? 1 : 0;
    switch (t.t) {
      case 'sep':
      case 'open':
      case 'close':
        clauseBlocked = clauseCmp = clauseSub = clauseNeg = false;
        break;
      case 'scope':
        clauseBlocked = scoped = true;
        if (t.w!.startsWith('主动')) proactive = true;
        break;
      case 'cmp':
        clauseBlocked = clauseCmp = true;
        break;
      case 'neg':
        clauseNeg = true;
        hasNum = true;
        break;
      case 'incl':
        if (t.w === '其中') clauseSub = true;
        break;
      case 'each':
        // 各部门、各镇街…: a part of the whole (the 各 of “各0件” comes after its keys and is checked there)
        if (t.w === '各') clauseBlocked = scoped = true;
        break;
      case 'yearx':
        if (!clauseCmp) otherYear = true;
        break;
      case 'plan':
        plan = true;
        break;
      case 'fill':
        if (APP_NOUNS.has(t.w!) || t.w === '办理结果' || t.w === '处理结果') appCtx = true;
        break;
      case 'key':
        if (FAMILY[t.k!] === 'appv') appCtx = true;
        if (FAMILY[t.k!] === 'res') resCount++;
        break;
      case 'num':
        hasNum = true;
        break;
      default:
    }
  }
  if (otherYear || plan || scoped) ctx.skipped = true;
  ctx.carry.app = appCtx;
  if (otherYear || plan || !hasNum) return out;
  const appSentence = appCtx || resCount >= 2;

  // 收到 … (含/包括/其中 上年结转 M 件 | 其中新收 N 件、上年结转 M 件): 收到 means 一 + 二.
  let includeCarried = false;
  for (let i = a; i < b && !includeCarried; i++) {
    if (toks[i]!.t !== 'incl') continue;
    for (let j = i + 1; j < b && j - i < 12; j++) {
      const t = toks[j]!;
      if (t.t === 'key' && t.k === 'carried') {
        includeCarried = true;
        break;
      }
      if (t.t === 'fill' || t.t === 'num' || t.t === 'conj' || t.t === 'sep' || (t.t === 'key' && t.k === 'new')) continue;
      break;
    }
  }

  // 分别(为) a 件、b 件: counts in the order of the keys before.
  const respectively = new Map<number, Kind>();
  for (let r = a; r < b; r++) {
    if (toks[r]!.t !== 'resp') continue;
    const keys = chainBefore(toks, a, r);
    if (!keys || keys.list.length < 2) continue;
    const nums: number[] = [];
    for (let j = r + 1; j < b && j - r < 24 && nums.length <= keys.list.length; j++) {
      const t = toks[j]!;
      if (t.t === 'num') nums.push(j);
      else if (t.t !== 'fill' && t.t !== 'conj' && t.t !== 'sep') break;
    }
    if (nums.length !== keys.list.length) continue;
    nums.forEach((j, x) => respectively.set(j, keys.list[x]!.k!));
  }

  let group: Kind | null = before.group;
  let doc: Kind | null = before.doc;
  const famOK = (k: Kind, i: number): boolean => {
    const f = FAMILY[k];
    if (f === 'appv') return (k === 'new' || appCtx) && !(sub[i - a] && (k === 'recv' || k === 'handle'));
    if (f === 'res' || f === 'flow') return appSentence && !proactive;
    return true;
  };

  // A breakdown in brackets (“行政诉讼2件（未经复议直接起诉1件、复议后起诉1件），其中结果维持1件”) does
  // not change what the words after the brackets are about.
  const outer: { group: Kind | null; doc: Kind | null }[] = [];
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (t.t === 'open' && outer.length < 8) outer.push({ group, doc });
    if (t.t === 'close' && outer.length) ({ group, doc } = outer.pop()!);
    if (t.t === 'key') {
      // the context of later outcomes and document verbs, unless its clause is about something else
      const f = FAMILY[t.k!];
      const ok = !blocked[i - a] && !negated[i - a];
      if (f === 'grp') group = ok ? t.k! : null;
      if (f === 'doc') doc = ok ? t.k! : null;
      continue;
    }
    if (t.t === 'neg') {
      const st = negation(toks, a, b, i, ctx, blocked[i - a] === 1, appSentence && !proactive);
      if (st) out.push(...st);
      continue;
    }
    if (t.t !== 'num' || t.approx) continue;
    if (!afterOK(toks, i, b)) continue;

    const resp = respectively.get(i);
    if (resp) {
      const f = FAMILY[resp];
      const tg = famOK(resp, i) && f !== 'part' && f !== 'doc' && f !== 'dverb' ? targetOf(ctx.tables, resp, { includeCarried }) : null;
      if (tg && measureOK(t, FAMILY[resp])) out.push({ s: t.s, e: t.e, stated: t.v!, measure: t.m!, targets: [tg], fix: true });
      continue;
    }

    // Walk back over filler (and 各/均) to the key chain.
    let j = i - 1;
    let each = false;
    const gap: string[] = [];
    while (j >= a && i - j < 12 && (toks[j]!.t === 'fill' || toks[j]!.t === 'each')) {
      if (toks[j]!.t === 'each') each = true;
      else gap.push(toks[j]!.w!);
      j--;
    }
    if (t.m === '' && !(gap[0] === '为' || gap[0] === '是' || gap[0] === ':' || (each && toks[i - 1]!.t === 'each'))) continue;
    if (t.m === '' && !(i + 1 >= b || ['sep', 'end', 'close'].includes(toks[i + 1]!.t))) continue;

    if (j < a || toks[j]!.t !== 'key') {
      // Reversed: “其中3件予以公开”, “2件结转下年度”, “1起行政复议案件”.
      const st = reversed(toks, a, b, i, j, ctx, { group, famOK: (k) => famOK(k, i), blocked: blocked[i - a] === 1 || negated[i - a] === 1 });
      if (st) out.push(st);
      continue;
    }
    const chain = chainBefore(toks, a, j + 1);
    if (!chain) continue;
    const first = chain.firstIndex;
    if (blocked[first - a] || negated[first - a]) continue;
    const list = chain.list.map((x) => x.k!);
    const last = list[list.length - 1]!;
    const fam = FAMILY[last];
    if (!measureOK(t, fam)) continue;
    if (!gap.every((w) => GEN.has(w) || FAM_FILL[fam].has(w))) continue;
    if (!list.every((k) => famOK(k, first))) continue;
    const mods = chain.modifiers.map((x) => x.k!);

    const stmt = (targets: (Target | null)[], fix: boolean, extra: Partial<Statement> = {}) => {
      if (!targets.length || targets.some((x) => !x)) return;
      out.push({ s: t.s, e: t.e, stated: t.v!, measure: t.m!, targets: targets as Target[], fix, ...extra });
    };

    switch (fam) {
      case 'appv': {
        if (list.length === 1) {
          if (last === 'recv') {
            const tg = targetOf(ctx.tables, 'recv', { includeCarried });
            stmt([tg], true, includeCarried ? {} : { carriedNote: targetOf(ctx.tables, 'recv', { includeCarried: true }) ?? undefined });
          } else if (last === 'handle') {
            stmt([targetOf(ctx.tables, 'handle')], true, { alt: targetOf(ctx.tables, 'recv', { includeCarried: true }) ?? undefined });
          } else stmt([targetOf(ctx.tables, last)], true);
        } else if (each) {
          for (const k of list) stmt([targetOf(ctx.tables, k, { includeCarried })], false);
        } else {
          // 收到并办理 N 件: several readings; only when they agree.
          stmt(list.map((k) => targetOf(ctx.tables, k, { includeCarried })), false, { agree: true });
        }
        break;
      }
      case 'flow':
        if (list.length === 1) stmt([targetOf(ctx.tables, last)], true);
        else if (each) for (const k of list) stmt([targetOf(ctx.tables, k)], false);
        break;
      case 'res':
      case 'grp': {
        // “受理行政复议申请5件”: the body that decides reviews speaking, not the respondent of table 四
        if (fam === 'grp' && mods.some((k) => FAMILY[k] === 'appv')) break;
        const ts = list.map((k) => targetOf(ctx.tables, k));
        if (each && list.length > 1) for (const x of ts) stmt([x], false);
        else if (list.length === 1) stmt(ts, true);
        else if (ts.every(Boolean)) stmt([sumTargets(ts as Target[], joinWhat((ts as Target[]).map((x) => x.what), true))], true);
        break;
      }
      case 'part': {
        const g = [...mods].reverse().find((k) => FAMILY[k] === 'grp') ?? group;
        const ts = list.map((k) => targetOf(ctx.tables, k, { group: g }));
        if (each && list.length > 1) for (const x of ts) stmt([x], false);
        else if (list.length === 1) stmt(ts, true);
        else if (ts.every(Boolean)) stmt([sumTargets(ts as Target[], joinWhat((ts as Target[]).map((x) => x.what), true))], true);
        break;
      }
      case 'doc': {
        const verbs = mods.filter((k) => FAMILY[k] === 'dverb');
        if (verbs.length !== 1 || list.length !== 1) break;
        stmt([docTarget(ctx.tables, verbs[0]!, last)], true);
        break;
      }
      case 'dverb': {
        if (list.length !== 1) break;
        // the document: named before the verb, right after the count, or earlier in the sentence
        const noun = [...mods].reverse().find((k) => FAMILY[k] === 'doc') ?? docAfter(toks, i, b) ?? doc;
        if (!noun) break;
        stmt([docTarget(ctx.tables, last, noun)], true);
        break;
      }
    }
  }
  ctx.carry.group = group;
  ctx.carry.doc = doc;
  return out;
}

function measureOK(t: Tok, fam: Family): boolean {
  return t.m === '' || MEASURE_OK[fam].includes(t.m!);
}

/** What follows a count must not turn it into something else (“3件建议”, “1个部门”). */
function afterOK(toks: Tok[], i: number, b: number): boolean {
  if (i + 1 >= b) return true;
  const t = toks[i + 1]!;
  switch (t.t) {
    case 'sep':
    case 'end':
    case 'close':
    case 'open':
    case 'conj':
    case 'each':
    case 'resp':
    case 'incl':
    case 'key':
    case 'neg':
      return true;
    case 'fill':
      return AFTER_FILL.has(t.w!);
    default:
      return false;
  }
}

/** Keys chained right before `end` (exclusive): K ((conj|filler)* K)*, the last one nearest. */
function chainBefore(toks: Tok[], a: number, end: number): { list: Tok[]; modifiers: Tok[]; firstIndex: number } | null {
  let j = end - 1;
  while (j >= a && end - j < 12 && (toks[j]!.t === 'fill' || toks[j]!.t === 'each')) j--;
  if (j < a || toks[j]!.t !== 'key') return null;
  const keys: { tok: Tok; index: number; conj: boolean }[] = [{ tok: toks[j]!, index: j, conj: false }];
  let k = j - 1;
  while (keys.length < 4) {
    let m = k;
    let conj = false;
    while (m >= a && k - m < 6 && (toks[m]!.t === 'fill' || toks[m]!.t === 'conj')) {
      if (toks[m]!.t === 'conj') conj = true;
      m--;
    }
    if (m >= a && toks[m]!.t === 'key') {
      keys[0]!.conj = conj;
      keys.unshift({ tok: toks[m]!, index: m, conj: false });
      k = m - 1;
    } else break;
  }
  // “同意公开或部分公开”: a list with a member we do not know (“予以公开5件、部分公开2件” is two statements)
  let p = keys[0]!.index - 1;
  while (p >= a && keys[0]!.index - p < 8 && toks[p]!.t === 'fill') p--;
  if (p >= a && toks[p]!.t === 'conj') {
    let q = p - 1;
    while (q >= a && p - q < 4 && toks[q]!.t === 'fill') q--;
    if (!(q >= a && toks[q]!.t === 'num')) return null;
  }
  // “予以公开答复966件”, “上年结转办理2件”: the verb after a result is not the subject
  const lastKind = keys[keys.length - 1]!.tok.k!;
  if (keys.length > 1 && (lastKind === 'reply' || lastKind === 'handle') && !keys[keys.length - 1]!.conj && FAMILY[keys[keys.length - 2]!.tok.k!] !== 'appv') keys.pop();
  // The list: the last key and the keys of its family joined to it by 、/和/及.
  const lastFam = FAMILY[keys[keys.length - 1]!.tok.k!];
  let x = keys.length - 1;
  while (x > 0 && keys[x]!.conj && FAMILY[keys[x - 1]!.tok.k!] === lastFam) x--;
  return { list: keys.slice(x).map((y) => y.tok), modifiers: keys.slice(0, x).map((y) => y.tok), firstIndex: keys[0]!.index };
}

/** A document noun right after a count (“制发3件行政规范性文件”). */
function docAfter(toks: Tok[], i: number, b: number): Kind | null {
  for (let j = i + 1; j < b && j - i < 4; j++) {
    const t = toks[j]!;
    if (t.t === 'fill' && (t.w === '的' || t.w === '行政')) continue;
    return t.t === 'key' && FAMILY[t.k!] === 'doc' ? t.k! : null;
  }
  return null;
}

/** “其中3件予以公开”, “2件结转下年度”, “发生1起行政复议案件”: the count comes first, the clause ends after. */
function reversed(
  toks: Tok[],
  a: number,
  b: number,
  i: number,
  j: number,
  ctx: SentenceCtx,
  o: { group: Kind | null; famOK: (k: Kind) => boolean; blocked: boolean },
): Statement | null {
  if (o.blocked) return null;
  const before = j >= a ? toks[j]!.t : 'sep';
  if (!(before === 'sep' || before === 'open' || before === 'incl' || before === 'end' || j < a)) {
    // “发生1起行政复议案件”: filler verbs were skipped already; anything else is not ours
    return null;
  }
  const num = toks[i]!;
  let k = i + 1;
  while (k < b && k - i < 4 && toks[k]!.t === 'fill' && GEN.has(toks[k]!.w!)) k++;
  const key = toks[k];
  if (!key || key.t !== 'key') return null;
  const kind = key.k!;
  const fam = FAMILY[kind];
  if (!(fam === 'res' || fam === 'flow' || fam === 'grp' || fam === 'part' || kind === 'reply')) return null;
  if (!o.famOK(kind) || !measureOK(num, fam)) return null;
  let m = k + 1;
  while (m < b && m - k < 6 && toks[m]!.t === 'fill' && (GEN.has(toks[m]!.w!) || FAM_FILL[fam].has(toks[m]!.w!))) m++;
  if (m < b && !['sep', 'end', 'close'].includes(toks[m]!.t)) return null;
  const tg = targetOf(ctx.tables, kind, { group: o.group });
  if (!tg) return null;
  return { s: num.s, e: num.e, stated: num.v!, measure: num.m!, targets: [tg], fix: true };
}

/**
 * “未收到政府信息公开申请”, “无行政复议、行政诉讼案件”, “行政复议、行政诉讼均未发生”: each subject is 0.
 * The clause must consist of the negation, filler and the subjects only.
 */
function negation(toks: Tok[], a: number, b: number, n: number, ctx: SentenceCtx, blocked: boolean, appSentence: boolean): Statement[] | null {
  if (blocked) return null;
  const subjects: Kind[] = [];
  let verbs = 0;
  let appNoun = false;
  let end = n + 1;
  for (; end < b; end++) {
    const t = toks[end]!;
    if (t.t === 'sep' || t.t === 'end' || t.t === 'close') break;
    if (end - n > 16) return null;
    if (t.t === 'fill') {
      if (!NEG_FILL.has(t.w!)) return null;
      if (APP_NOUNS.has(t.w!)) appNoun = true;
      continue;
    }
    if (t.t === 'conj') continue;
    if (t.t === 'key') {
      const f = FAMILY[t.k!];
      if (t.k === 'recv' || t.k === 'new') {
        verbs++;
        continue;
      }
      if (f === 'grp' || f === 'res' || f === 'flow') {
        subjects.push(t.k!);
        continue;
      }
    }
    return null;
  }
  if (!subjects.length && !appNoun) {
    // “行政复议、行政诉讼均未发生”: the subjects come before the negation
    if (verbs) return null;
    const chain = chainBefore(toks, a, n);
    if (!chain) return null;
    for (const x of chain.list) {
      const f = FAMILY[x.k!];
      if (f !== 'grp' && f !== 'res' && f !== 'flow') return null;
      subjects.push(x.k!);
    }
  }
  if (verbs && subjects.some((k) => FAMILY[k] === 'grp')) return null; // 未受理行政复议申请: see above
  const targets: Target[] = [];
  if (subjects.length) {
    for (const k of subjects) {
      const f = FAMILY[k];
      if ((f === 'res' || f === 'flow') && !appSentence) return null;
      const tg = targetOf(ctx.tables, k);
      if (!tg) return null;
      targets.push(tg);
    }
  } else {
    const tg = targetOf(ctx.tables, 'new');
    if (!tg) return null;
    targets.push({ ...tg, what: L('收到的政府信息公开申请', 'applications received') });
  }
  const neg = toks[n]!;
  const next = toks[n + 1];
  const e = next && ((next.t === 'key' && (next.k === 'recv' || next.k === 'new')) || (next.t === 'fill' && (next.w === '发生' || next.w === '出现' || next.w === '产生'))) ? next.e : neg.e;
  // the words of the negated clause, for the message
  const from = subjects.length && end === n + 1 ? (chainBefore(toks, a, n)?.firstIndex ?? n) : n;
  const phrase = { s: toks[from]!.s, e: toks[Math.max(from, end - 1)]!.e };
  return targets.map((tg) => ({ s: neg.s, e, stated: 0, measure: '件', targets: [tg], negation: phrase, fix: false }));
}
