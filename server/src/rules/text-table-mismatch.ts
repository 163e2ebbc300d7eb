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
// so the cost is linear in the prose.
import Big from 'big.js';
import type { Span } from '../core/types';
import type { BoundTable, Cell, Paragraph, ReportModel } from '../model/types';
import { foldedText } from '../parse/values';
import { decEq } from '../core/decimal';
import { lastAtMost } from '../core/text';
import type { Evaluation } from './relations';
import type { Localized, RawFinding, Rule } from './types';
import { cellName, L, type SpanCellRef } from './util';
import { bodyParagraphs, paraSpan } from './prose';
import { cellOf } from '../model/cell-index';

// ---------------------------------------------------------------------------------------------
// Vocabulary

type Kind =
  // applications: verbs
  | 'recv' | 'new' | 'reply' | 'handle'
  // applications: carried over from last year / to next year
  | 'carried' | 'forward'
  // results of table 三
  | 'disclosed' | 'partial' | 'dp' | 'refused' | 'unable' | 'np' | 'otherproc'
  // table 四 groups and outcomes
  | 'review' | 'lit' | 'direct' | 'after'
  | 'upheld' | 'corrected' | 'otherres' | 'pending'
  // table 二 第二十条第（一）项: rows and columns
  | 'normative' | 'rules'
  | 'issued' | 'repealed' | 'inforce' | 'made';

type Family = 'appv' | 'flow' | 'res' | 'grp' | 'part' | 'doc' | 'dverb';

const FAMILY: Record<Kind, Family> = {
  recv: 'appv', new: 'appv', reply: 'appv', handle: 'appv',
  carried: 'flow', forward: 'flow',
  disclosed: 'res', partial: 'res', dp: 'res', refused: 'res', unable: 'res', np: 'res', otherproc: 'res',
  review: 'grp', lit: 'grp', direct: 'grp', after: 'grp',
  upheld: 'part', corrected: 'part', otherres: 'part', pending: 'part',
  normative: 'doc', rules: 'doc',
  issued: 'dverb', repealed: 'dverb', inforce: 'dverb', made: 'dverb',
};

type TT =
  | 'key' | 'num' | 'fill' | 'conj' | 'each' | 'resp' | 'neg' | 'incl'
  | 'sep' | 'open' | 'close' | 'end'
  | 'year' | 'yearx' | 'prev' | 'next' | 'carry'
  | 'scope' | 'cmp' | 'plan' | 'other';

interface Tok {
  t: TT;
  /** Start and end in the chunk's text (for a count: the digits only). */
  s: number;
  e: number;
  k?: Kind;
  w?: string;
  /** Count: value; year: the year. */
  v?: number;
  /** Count: its measure word ('' for a bare number). */
  m?: string;
  approx?: boolean;
}

const WORDS: [TT, string[], Kind?][] = [
  ['key', ['收到', '受理', '接收', '接到', '收悉', '共收到'], 'recv'],
  ['key', ['新收', '新收到', '新受理', '新接收', '本年新收', '本年度新收'], 'new'],
  ['key', ['答复', '办结', '回复', '办复', '予以答复', '作出答复', '已办结', '已答复', '按时办结', '按期办结', '按时答复', '按期答复', '依法答复', '完成答复', '全部办结'], 'reply'],
  ['key', ['办理', '处理'], 'handle'],
  ['key', ['予以公开', '全部公开', '同意公开'], 'disclosed'],
  ['key', ['部分公开', '予以部分公开'], 'partial'],
  ['key', ['全部或部分公开', '全部或部分予以公开'], 'dp'],
  ['key', ['不予公开'], 'refused'],
  ['key', ['无法提供'], 'unable'],
  ['key', ['不予处理'], 'np'],
  ['key', ['其他处理'], 'otherproc'],
  ['key', ['行政复议'], 'review'],
  ['key', ['行政诉讼'], 'lit'],
  ['key', ['未经复议直接起诉', '直接起诉', '直接提起行政诉讼', '直接提起诉讼'], 'direct'],
  ['key', ['复议后起诉', '经复议后起诉', '行政复议后起诉', '复议后提起行政诉讼', '复议后提起诉讼', '经复议后提起诉讼'], 'after'],
  ['key', ['结果维持', '维持', '被维持'], 'upheld'],
  ['key', ['结果纠正', '纠正', '被纠正', '纠错', '被纠错'], 'corrected'],
  ['key', ['其他结果'], 'otherres'],
  ['key', ['尚未审结', '未审结', '正在审理', '审理中', '尚在审理'], 'pending'],
  ['key', ['规范性文件', '行政规范性文件'], 'normative'],
  ['key', ['规章'], 'rules'],
  ['key', ['制发', '印发', '制定', '出台', '制定发布', '制定并发布', '新制发', '本年制发'], 'issued'],
  ['key', ['废止', '宣布废止', '本年废止'], 'repealed'],
  ['key', ['现行有效'], 'inforce'],
  ['key', ['新制作', '本年新制作'], 'made'],
  // Words that contain a key but mean something else: they break a chain like any unknown word.
  ['other', ['不予受理', '正在办理', '正在处理', '尚未办结', '未办结', '办理中', '处理中', '告知', '转办', '转交', '撤回', '延期答复', '延期', '补正', '处理费', '处理决定', '区分处理', '申请人', '办结率', '答复率', '公开率', '纠错率', '维持率', '受理率', '规章制度', '党内规范性文件', '政策性文件', '规范性文件备案', '办理时限', '答复期限', '比例', '比重', '无正当理由']],
  ['carry', ['结转', '顺延', '转入']],
  ['prev', ['上年', '上年度', '上一年', '上一年度', '去年', '往年', '上年底', '上年末', '上一年底']],
  ['next', ['下年度', '下一年度', '下年', '下一年', '明年', '次年', '下个年度', '下一个年度']],
  ['neg', ['未', '没有', '没', '无', '暂无', '尚无', '均未', '从未', '未曾', '并未', '均无', '也未', '亦未', '也无', '亦无']],
  ['incl', ['含', '包含', '包括', '其中', '内含', '含有']],
  ['each', ['各', '均', '均为', '都', '都是', '均是', '皆']],
  ['resp', ['分别', '分别为', '分别是', '依次为']],
  ['conj', ['、', '和', '及', '与', '以及', '或', '或者', '并', '并且']],
  ['sep', [',', ';']],
  ['end', ['。', '!', '?', '.']],
  ['open', ['(', '[', '【', '〔']],
  ['close', [')', ']', '】', '〕']],
  // A part of the whole, or another thing: the clause is not about the report's totals.
  ['scope', ['本级', '自然人', '法人', '企业', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '个人', '公民', '群众', '网上', '网络', '网站', '在线', '当面', '现场', '窗口', '信函', '来信', '邮寄', '电子邮件', '邮件', '邮箱', '传真', '电话', '涉及', '关于', '平均', '主动', '主动公开', '部门', '单位', '乡镇', '街道', '镇街', '科室', '站所', '下属', '所属', '区县', '县区', '市直', '区直', '县直', '各级']],
  ['cmp', ['较', '比', '同比', '环比', '相比', '相较', '比较', '对比', '增加', '减少', '增长', '下降', '上升', '提高', '降低', '持平', '多于', '少于']],
  // plans and periods other than the year: the sentence is not about the report's figures
  ['plan', ['下一步', '下步', '今后', '计划', '预计', '力争', '争取', '将于', '拟', '未来', '上半年', '下半年', '季度', '一季度', '前三季度', '月份', '同期']],
  ['fill', [
    // everywhere
    '的', '了', '共', '共计', '合计', '总计', '累计', '总共', '一共', '为', '是', '达', '达到', '有', '数量', '件数', '总数', '数为', '计', ':', '已', '均已', '全部', '本年', '本年度', '全年', '年度', '当年', '依法', '及时', '按时', '按期', '予以', '作出', '完成', '在内', '本机关', '本单位', '本部门', '我单位', '我部门', '我局', '本局', '我委', '我办', '我镇', '我乡', '全乡', '全镇', '全县', '全区', '全市', '我区', '我县', '我市',
    // applications
    '申请', '政府信息公开申请', '信息公开申请', '公开申请', '依申请公开', '依申请公开申请', '依申请公开事项', '依申请公开件', '申请件', '申请事项', '办理事项', '政府信息公开', '信息公开', '政府信息', '依申请', '各类', '到', '申请公开', '公开', '办理结果', '处理结果',
    // cases
    '案件', '案', '被申请', '被提起', '提起', '发生', '出现', '产生', '引起', '引发', '因', '而', '政府信息公开类', '类', '方面', '结果', '被', '情况', '情形', '事项', '现象', '事件', '相关',
    // documents
    '行政', '文件',
    // carried forward
    '继续办理', '继续处理', '继续答复', '中', '至', '入', '底', '末',
  ]],
];

/** Filler allowed between a key of each family and its count (besides GEN). */
const GEN = new Set(['的', '了', '共', '共计', '合计', '总计', '累计', '总共', '一共', '为', '是', '达', '达到', '有', '数量', '件数', '总数', '数为', '计', ':', '已', '均已', '本年', '本年度', '全年', '当年']);
const APP_NOUNS = new Set(['申请', '政府信息公开申请', '信息公开申请', '公开申请', '依申请公开', '依申请公开申请', '依申请公开事项', '依申请公开件', '申请件', '申请事项', '办理事项', '申请公开']);
const APP_FILL = new Set([...APP_NOUNS, '政府信息公开', '信息公开', '政府信息', '依申请', '各类', '到', '公开', '全部', '依法', '及时', '按时', '按期', '予以', '作出', '完成']);
const FAM_FILL: Record<Family, Set<string>> = {
  appv: APP_FILL,
  res: new Set(['申请', '政府信息公开申请', '依申请公开申请', '情形', '类', '的申请']),
  flow: new Set([...APP_NOUNS, '政府信息公开', '继续办理', '继续处理', '继续答复', '中']),
  grp: new Set(['案件', '案', '被申请', '被提起', '提起', '发生', '申请', '政府信息公开', '政府信息公开类', '类', '方面']),
  part: new Set(['结果', '被', '案件']),
  doc: new Set(['行政', '文件']),
  dverb: new Set(['行政', '文件']),
};
/** Filler that may follow a count (“收到3件政府信息公开申请”, “12件已全部办结”). */
const AFTER_FILL = new Set([...APP_NOUNS, '政府信息公开', '案件', '已', '均已', '全部', '行政']);
/** Filler a negated clause may consist of (“未发生因政府信息公开引起的行政复议案件”). */
const NEG_FILL = new Set([...GEN, ...APP_FILL, ...FAM_FILL.grp, '引起', '引发', '出现', '产生', '因', '而', '情况', '情形', '事项', '现象', '事件', '相关', '全年', '本年度']);

const MEASURES = '件起宗例份个部';
const MEASURE_OK: Record<Family, string> = { appv: '件份个', flow: '件份个', res: '件份个', grp: '件起宗例个', part: '件起宗例个', doc: '件份个部', dverb: '件份个部' };

interface Node {
  next: Map<number, Node>;
  tok?: { t: TT; k?: Kind; w: string };
}
const ROOT: Node = { next: new Map() };
for (const [t, words, k] of WORDS) {
  for (const w of words) {
    let n = ROOT;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      let m = n.next.get(c);
      if (!m) n.next.set(c, (m = { next: new Map() }));
      n = m;
    }
    n.tok = k ? { t, k, w } : { t, w };
  }
}

// One lookup table for the prefilter: what a UTF-16 code unit can be.
const C_END = 1; // ends a coarse sentence
const C_MEASURE = 2; // 件起宗例份个部
const C_NEG = 4; // 未没无
const C_SKIP = 8; // space, 余, 多 (may stand between a number and its measure)
const C_BARE = 16; // may follow a bare number (“均为0。”)
const C_DIGIT = 32;
const C_CN = 64; // Chinese numeral
const C_WORD = 128; // may start a dictionary word
const CLASS = new Uint8Array(65536);
const mark = (chars: string, bit: number) => {
  for (const ch of chars) CLASS[ch.charCodeAt(0)]! |= bit;
};
mark('。!?', C_END);
mark(MEASURES, C_MEASURE);
mark('未没无', C_NEG);
mark(' \t\r\n\u200b\ufeff余多', C_SKIP);
mark(',;。!?)]】〕:', C_BARE);
mark('0123456789', C_DIGIT);
mark('〇零一二两三四五六七八九十百千万', C_CN);
for (const c of ROOT.next.keys()) CLASS[c]! |= C_WORD;

// Chinese numerals by char code: digits 0–9, units as 10/100/1000/10000 (kept apart by `CN_UNIT`).
const CN_DIGIT = new Map<number, number>([...'〇零一二两三四五六七八九'].map((ch, x) => [ch.charCodeAt(0), [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9][x]!]));
const CN_UNIT = new Map<number, number>([...'十百千万'].map((ch, x) => [ch.charCodeAt(0), 10 ** (x + 1)]));

/** 十二 → 12, 二十三 → 23, 一百零五 → 105, 两 → 2; null when it does not read as one number. */
function parseChinese(s: string): number | null {
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastUnit = Infinity;
  for (let x = 0; x < s.length; x++) {
    const c = s.charCodeAt(x);
    const d = CN_DIGIT.get(c);
    if (d !== undefined) {
      if (digit > 0) return null; // two digits in a row (一二)
      digit = d;
      continue;
    }
    const u = CN_UNIT.get(c)!;
    if (u === 10000) {
      total += (section + Math.max(digit, 0)) * 10000;
      section = 0;
      digit = -1;
      lastUnit = Infinity;
      continue;
    }
    if (u >= lastUnit) return null;
    section += (digit < 0 ? (u === 10 ? 1 : 0) : digit) * u;
    if (digit === 0) return null;
    digit = -1;
    lastUnit = u;
  }
  return total + section + Math.max(digit, 0);
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Space, tab, line breaks, zero-width space, BOM (the text is folded: U+3000 and NBSP are spaces). */
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x200b || c === 0xfeff;
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

function tokenize(f: string, from: number, to: number): Tok[] {
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
function mergeYears(toks: Tok[], year: number | null): Tok[] {
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

// ---------------------------------------------------------------------------------------------
// Prose: paragraphs of sections 一/三/四, joined across line wraps

interface Chunk {
  section: string;
  paras: Paragraph[];
  /** Where each paragraph starts in `text`. */
  starts: number[];
  /** Folded (full-width → ASCII), same length as the joined paragraph texts. */
  text: string;
}

const TERMINALS = '。！？!?；;：:';
const CLOSERS = '"\'”’」』)）';

/** The paragraph ends a sentence (。；： possibly inside a closing quote or bracket). */
function endsSentence(text: string): boolean {
  let k = text.length - 1;
  while (k >= 0 && (isSpace(text.charCodeAt(k)) || text[k] === '\u3000' || text[k] === '\u00a0')) k--;
  if (k >= 0 && CLOSERS.includes(text[k]!)) k--;
  return k >= 0 && TERMINALS.includes(text[k]!);
}
const ENUMERATOR = /^[\s\u3000]{0,8}(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}(?:、|是)|\d{1,2}[、.．)）](?!\d)|[①-⑳])/;

/** Only whitespace, tags and &nbsp; stand between two paragraphs (no table in between). */
function adjacent(text: string, a: Paragraph, b: Paragraph): boolean {
  const from = a.span.end;
  const to = b.span.start;
  if (to - from > 4000) return false;
  let inTag = false;
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    if (inTag) {
      if (ch === '>') inTag = false;
      continue;
    }
    if (ch === '<') inTag = true;
    else if (ch === '&') {
      const semi = text.slice(i, i + 10).indexOf(';');
      if (semi < 0) return false;
      i += semi;
    } else if (!isSpace(text.charCodeAt(i)) && ch !== '\u3000' && ch !== '\u00a0') return false;
  }
  return true;
}

function chunksOf(model: ReportModel): Chunk[] {
  const wanted = model.sections.filter((s) => !s.inAttachment && (s.id === 'overview' || s.id === 'applications' || s.id === 'review'));
  if (!wanted.length) return [];
  const paras = bodyParagraphs(model);
  const out: Chunk[] = [];
  for (const sec of wanted) {
    let cur: Chunk | null = null;
    let prev: Paragraph | null = null;
    for (const p of paras) {
      if (p.span.start < sec.content.start || p.span.end > sec.content.end) continue;
      const join =
        cur !== null &&
        prev !== null &&
        !endsSentence(prev.text) &&
        !(ENUMERATOR.test(prev.text) && prev.text.length <= 40 && !/[。；;]/.test(prev.text)) &&
        !ENUMERATOR.test(p.text) &&
        adjacent(model.text, prev, p);
      if (join && cur) {
        cur.starts.push(cur.text.length);
        cur.paras.push(p);
        cur.text += foldedText(p);
      } else {
        cur = { section: sec.id, paras: [p], starts: [0], text: foldedText(p) };
        out.push(cur);
      }
      prev = p;
    }
  }
  return out;
}

/** Index of the paragraph holding chunk text position x. */
function paraAt(c: Chunk, x: number): number {
  return lastAtMost(c.starts, x);
}

/** Source span of chunk text [s, e); `crosses` when it runs over a line wrap. */
function chunkSpan(c: Chunk, s: number, e: number): { span: Span; crosses: boolean } {
  const a = paraAt(c, s);
  const b = paraAt(c, Math.max(s, e - 1));
  const pa = c.paras[a]!;
  if (a === b) return { span: paraSpan(pa, s - c.starts[a]!, e - c.starts[a]!), crosses: false };
  const pb = c.paras[b]!;
  const first = paraSpan(pa, s - c.starts[a]!, pa.text.length);
  const last = paraSpan(pb, 0, e - c.starts[b]!);
  return { span: { start: first.start, end: last.end }, crosses: true };
}

// ---------------------------------------------------------------------------------------------
// Targets: which table cells a statement is about

interface Target {
  table: BoundTable;
  cells: [row: string, column: string][];
  what: Localized;
  /** How the message names the cells, when not cell by cell (a group of table 三 rows). */
  where?: Localized;
}

interface Tables {
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

function joinWhat(items: Localized[], sum: boolean): Localized {
  if (items.length === 1) return items[0]!;
  return L(items.map((x) => x['zh-CN']).join(sum ? '及' : '、'), items.map((x) => x.en).join(sum ? ' and ' : ', '));
}

/** Table 三 / 四 target of one key (parts need their group, documents their verb and noun). */
function targetOf(tables: Tables, k: Kind, opts: { includeCarried?: boolean; group?: Kind | null } = {}): Target | null {
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

function docTarget(tables: Tables, verb: Kind, noun: Kind): Target | null {
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

function sumTargets(ts: Target[], what: Localized): Target | null {
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

interface Read {
  value: Big;
  cells: Cell[];
}

/**
 * Other readings of a target's value where the table contradicts itself: one cell replaced by its
 * suspect-cell correction, or a total by the sum of its parts when that sum relation fails.
 */
function alternatives(read: Read, ev: Evaluation): Big[] {
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
function readTarget(t: Target, ev: Evaluation): Read | null {
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

// ---------------------------------------------------------------------------------------------
// Sentences

interface Statement {
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
interface Carry {
  app: boolean;
  group: Kind | null;
  doc: Kind | null;
}

interface SentenceCtx {
  tables: Tables;
  section: string;
  /** In: the context of the sentence before (used when this one begins with 其中). Out: this sentence's. */
  carry: Carry;
  /** Set by the analysis: the sentence is about another year, a plan or a part of the whole. */
  skipped: boolean;
}

function analyzeSentence(toks: Tok[], a: number, b: number, ctx: SentenceCtx): Statement[] {
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

// ---------------------------------------------------------------------------------------------
// The rule


/** Whether f[from, to) may state a count: a number before a measure word or punctuation, or a negation. */
function worthReading(f: string, from: number, to: number): boolean {
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

/** The original words of chunk text [s, e) (not folded), without line breaks. */
function chunkWords(c: Chunk, s: number, e: number): string {
  let out = '';
  for (let x = paraAt(c, s); x < c.paras.length && c.starts[x]! < e; x++) {
    const from = c.starts[x]!;
    const to = from + c.paras[x]!.text.length;
    if (to <= s || from >= e) continue;
    out += c.paras[x]!.text.slice(Math.max(s, from) - from, Math.min(e, to) - from);
  }
  return out.replace(/\s+/g, '');
}

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
