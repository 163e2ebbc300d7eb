// Tokenizing the folded prose of a chunk: counts (12件, 十二件, 2余件), years (2021年, 上年, 下年度),
// dictionary words (longest match; spaces inside a word are skipped) and everything else as `other`.
// `worthReading` decides, with one pass over the class table, whether a sentence can state a count at
// all; only those are tokenized.
import { type Tok, MEASURES, type Node, ROOT, C_MEASURE, C_NEG, C_SKIP, C_BARE, C_DIGIT, C_CN, C_WORD, CLASS, CN_DIGIT, parseChinese } from './vocabulary';

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Space, tab, line breaks, zero-width space, BOM (the text is folded: U+3000 and NBSP are spaces). */
export const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x200b || c === 0xfeff;
const isCnNum = (c: number) => (CLASS[c]! & C_CN) !== 0;
const HUNDRED = '百'.charCodeAt(0);
const THOUSAND = '千'.charCodeAt(0);
const TEN_THOUSAND = '万'.charCodeAt(0);

function skipSpaces(f: string, i: number, max: number): number {
  let k = i;
  while (k < f.length && k - i < max && isSpace(f.charCodeAt(k))) k++;
  return k;
}

/** What follows a number's measure word that makes it something else (个工作日, 个百分点, 件次). */
function badAfterMeasure(f: string, k: number): boolean {
  const c = f[k];
  if (c === '次' || c === '月' || c === '人') return true;
  const two = f.slice(k, k + 2);
  return two === '工作' || two === '百分' || two === '小时' || two === '星期' || two === '季度';
}

function approxAfter(f: string, k: number): boolean {
  const two = f.slice(k, k + 2);
  return two === '左右' || two === '以上' || two === '以下' || two === '上下' || two === '多件';
}

/**
 * Reads a count (digits or Chinese numerals, an optional 余/多, a measure word) or a year (2021年)
 * at `i`. Returns the token and where scanning goes on, or null when it is not a number at all.
 */
function readNumber(f: string, i: number): { tok: Tok; next: number } | null {
  const c = f.charCodeAt(i);
  let j = i;
  let value: number | null;
  let chinese = false;
  if (isDigit(c)) {
    while (j < f.length && j - i < 12 && isDigit(f.charCodeAt(j))) j++;
    // decimals, thousands separators, digits glued to Chinese numerals: not a count
    if ((f[j] === '.' || f[j] === ',') && isDigit(f.charCodeAt(j + 1) || 0)) {
      let k = j + 1;
      while (k < f.length && k - i < 24 && (isDigit(f.charCodeAt(k)) || f[k] === '.' || f[k] === ',')) k++;
      return { tok: { t: 'other', s: i, e: k }, next: k };
    }
    if (isCnNum(f.charCodeAt(j)) || j - i > 9) return { tok: { t: 'other', s: i, e: j }, next: j };
    value = Number(f.slice(i, j));
  } else if (isCnNum(c) && c !== HUNDRED && c !== THOUSAND && c !== TEN_THOUSAND) {
    while (j < f.length && j - i < 10 && isCnNum(f.charCodeAt(j))) j++;
    chinese = true;
    value = null;
  } else return null;

  let k = skipSpaces(f, j, 2);
  // a year: 2021年, 2021 年度, 二〇二一年
  if (f[k] === '年' && j - i === 4) {
    const digits = chinese ? [...f.slice(i, j)].map((ch) => CN_DIGIT.get(ch.charCodeAt(0))) : [...f.slice(i, j)].map(Number);
    if (digits.every((d) => d !== undefined)) {
      let e = k + 1;
      if (f[e] === '度') e++;
      return { tok: { t: 'year', s: i, e, v: Number(digits.join('')) }, next: e };
    }
  }
  if (chinese) {
    value = parseChinese(f.slice(i, j));
    if (value === null) return { tok: { t: 'other', s: i, e: j }, next: j };
  }
  let approx = false;
  if (f[k] === '余' || f[k] === '多') {
    approx = true;
    k = skipSpaces(f, k + 1, 2);
  }
  const m = f[k];
  if (m !== undefined && MEASURES.includes(m)) {
    if (badAfterMeasure(f, k + 1)) return { tok: { t: 'other', s: i, e: k + 1 }, next: k + 1 };
    if (approxAfter(f, k + 1)) approx = true;
    return { tok: { t: 'num', s: i, e: j, v: value!, m, approx }, next: k + 1 };
  }
  // a bare number (“均为0”): only when punctuation or the end follows; Chinese numerals never
  if (!chinese && !approx && (k >= f.length || /[,;。!?)\]】〕:\s]/.test(m ?? ''))) {
    return { tok: { t: 'num', s: i, e: j, v: value!, m: '' }, next: j };
  }
  return { tok: { t: 'other', s: i, e: j }, next: j };
}

/** End of the word `wordAt` found last. */
let wordEnd = 0;

/**
 * The longest dictionary word at f[i] (spaces inside a word are skipped: “行政 复议” from wrapped
 * text), its end in `wordEnd`; undefined when none starts there.
 */
function wordAt(f: string, i: number): Node['tok'] {
  let node: Node | undefined = ROOT;
  let best: Node['tok'] = undefined;
  for (let j = i, steps = 0; node && j < f.length && steps < 24; steps++) {
    const cj = f.charCodeAt(j);
    if (j > i && isSpace(cj)) {
      j++;
      continue;
    }
    node = node.next.get(cj);
    j++;
    if (node?.tok) {
      best = node.tok;
      wordEnd = j;
    }
  }
  return best;
}

export function tokenize(f: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  let i = from;
  const pushOther = (s: number, e: number) => {
    const last = out[out.length - 1];
    if (last && last.t === 'other' && !last.w && last.e === s) last.e = e;
    else out.push({ t: 'other', s, e });
  };
  while (i < to) {
    if (isSpace(f.charCodeAt(i))) {
      i++;
      continue;
    }
    const cls = CLASS[f.charCodeAt(i)]!;
    if (!(cls & (C_WORD | C_DIGIT | C_CN))) {
      pushOther(i, i + 1);
      i++;
      continue;
    }
    const n = readNumber(f, i);
    if (n) {
      if (n.tok.t === 'other') pushOther(n.tok.s, n.tok.e);
      else out.push(n.tok);
      i = n.next;
      continue;
    }
    const word = wordAt(f, i);
    if (word) {
      const tok: Tok = { t: word.t, s: i, e: wordEnd, w: word.w };
      if (word.k) tok.k = word.k;
      out.push(tok);
      i = wordEnd;
    } else {
      pushOther(i, i + 1);
      i++;
    }
  }
  return out;
}

/**
 * Joins 上年/2020年 + 结转 into `carried`, 结转(至) + 下年度/2022年 into `forward` (absorbing a following
 * 办理/答复), turns the report year into filler and any other year into `yearx`.
 */
export function mergeYears(toks: Tok[], year: number | null): Tok[] {
  const out: Tok[] = [];
  const isPrev = (t: Tok | undefined) => !!t && (t.t === 'prev' || (t.t === 'year' && year !== null && t.v === year - 1));
  const isNext = (t: Tok | undefined) => !!t && (t.t === 'next' || (t.t === 'year' && year !== null && t.v === year + 1));
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (isPrev(t)) {
      let j = i + 1;
      while (j < toks.length && j - i < 3 && toks[j]!.t === 'fill' && (toks[j]!.w === '的' || toks[j]!.w === '底' || toks[j]!.w === '末')) j++;
      if (toks[j]?.t === 'carry') {
        out.push({ t: 'key', k: 'carried', s: t.s, e: toks[j]!.e });
        i = j;
        continue;
      }
    }
    if (isNext(t) && toks[i + 1]?.t === 'carry') {
      // 下年度结转 (“无下年度结转”)
      out.push({ t: 'key', k: 'forward', s: t.s, e: toks[i + 1]!.e });
      i++;
      continue;
    }
    if (t.t === 'carry') {
      let j = i + 1;
      while (j < toks.length && j - i < 3 && toks[j]!.t === 'fill' && (toks[j]!.w === '至' || toks[j]!.w === '到' || toks[j]!.w === '入')) j++;
      if (isNext(toks[j])) {
        let e = toks[j]!.e;
        // 结转下年度(继续)办理 / 答复: one phrase
        const after = toks[j + 1];
        if (after && after.t === 'key' && (after.k === 'handle' || after.k === 'reply')) {
          e = after.e;
          j++;
        }
        out.push({ t: 'key', k: 'forward', s: t.s, e });
        i = j;
        continue;
      }
      if (isPrev(toks[j])) {
        out.push({ t: 'key', k: 'carried', s: t.s, e: toks[j]!.e });
        i = j;
        continue;
      }
      out.push({ t: 'other', s: t.s, e: t.e, w: 'carry' });
      continue;
    }
    if (t.t === 'year') {
      if (year === null || t.v === year) out.push({ t: 'fill', s: t.s, e: t.e, w: '本年' });
      else out.push({ t: 'yearx', s: t.s, e: t.e });
      continue;
    }
    if (t.t === 'prev' || t.t === 'next') {
      out.push({ t: 'yearx', s: t.s, e: t.e });
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Whether f[from, to) may state a count: a number before a measure word or punctuation, or a negation. */
export function worthReading(f: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = CLASS[f.charCodeAt(k)]!;
    if (c & C_NEG) {
      if (mayNegate(f, k, to)) return true;
      continue;
    }
    if (!(c & (C_MEASURE | C_BARE)) && k !== to - 1) continue;
    let p = c & (C_MEASURE | C_BARE) ? k - 1 : k;
    while (p >= from && k - p <= 4 && CLASS[f.charCodeAt(p)]! & C_SKIP) p--;
    if (p < from) continue;
    const d = CLASS[f.charCodeAt(p)]!;
    if (d & C_DIGIT || (c & C_MEASURE && d & C_CN)) return true;
  }
  return false;
}

/**
 * Whether the negation character at f[k] may open a clause `negation` reads: “未收到…申请”, “无行政复议…”,
 * “…均未发生”, “…均无。”. What follows the negation word (未, or a longer one such as 没有, 均未, 未曾)
 * must be the end of the clause or a filler, conjunction or key word; “无缝衔接”, “未按规定” are not
 * negations of a count. A superset of what `negation` accepts, so that skipping a sentence never loses one.
 */
function mayNegate(f: string, k: number, to: number): boolean {
  const ends = [k + 1];
  for (const s of [k - 1, k]) {
    if (s < 0) continue;
    const w = wordAt(f, s);
    if (w?.t === 'neg' && wordEnd > k) ends.push(wordEnd);
  }
  for (const e of ends) {
    let i = e;
    while (i < to && isSpace(f.charCodeAt(i))) i++;
    if (i >= to) return true;
    const w = wordAt(f, i);
    if (w && (w.t === 'fill' || w.t === 'conj' || w.t === 'key' || w.t === 'sep' || w.t === 'end' || w.t === 'close')) return true;
  }
  return false;
}
