// The narrative reader's dictionary (rules/text-table-mismatch.ts): what each key word counts (Kind)
// and the family of table cells it belongs to, the filler words allowed between a key and its count,
// blockers (a part of the whole, a comparison, a plan), the trie the tokenizer walks, a class table of
// UTF-16 code units for the prefilter, and Chinese numerals.

export type Kind =
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

export type Family = 'appv' | 'flow' | 'res' | 'grp' | 'part' | 'doc' | 'dverb';

export const FAMILY: Record<Kind, Family> = {
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

export interface Tok {
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
export const GEN = new Set(['的', '了', '共', '共计', '合计', '总计', '累计', '总共', '一共', '为', '是', '达', '达到', '有', '数量', '件数', '总数', '数为', '计', ':', '已', '均已', '本年', '本年度', '全年', '当年']);
export const APP_NOUNS = new Set(['申请', '政府信息公开申请', '信息公开申请', '公开申请', '依申请公开', '依申请公开申请', '依申请公开事项', '依申请公开件', '申请件', '申请事项', '办理事项', '申请公开']);
const APP_FILL = new Set([...APP_NOUNS, '政府信息公开', '信息公开', '政府信息', '依申请', '各类', '到', '公开', '全部', '依法', '及时', '按时', '按期', '予以', '作出', '完成']);
export const FAM_FILL: Record<Family, Set<string>> = {
  appv: APP_FILL,
  res: new Set(['申请', '政府信息公开申请', '依申请公开申请', '情形', '类', '的申请']),
  flow: new Set([...APP_NOUNS, '政府信息公开', '继续办理', '继续处理', '继续答复', '中']),
  grp: new Set(['案件', '案', '被申请', '被提起', '提起', '发生', '申请', '政府信息公开', '政府信息公开类', '类', '方面']),
  part: new Set(['结果', '被', '案件']),
  doc: new Set(['行政', '文件']),
  dverb: new Set(['行政', '文件']),
};
/** Filler that may follow a count (“收到3件政府信息公开申请”, “12件已全部办结”). */
export const AFTER_FILL = new Set([...APP_NOUNS, '政府信息公开', '案件', '已', '均已', '全部', '行政']);
/** Filler a negated clause may consist of (“未发生因政府信息公开引起的行政复议案件”). */
export const NEG_FILL = new Set([...GEN, ...APP_FILL, ...FAM_FILL.grp, '引起', '引发', '出现', '产生', '因', '而', '情况', '情形', '事项', '现象', '事件', '相关', '全年', '本年度']);

export const MEASURES = '件起宗例份个部';
export const MEASURE_OK: Record<Family, string> = { appv: '件份个', flow: '件份个', res: '件份个', grp: '件起宗例个', part: '件起宗例个', doc: '件份个部', dverb: '件份个部' };

export interface Node {
  next: Map<number, Node>;
  tok?: { t: TT; k?: Kind; w: string };
}
export const ROOT: Node = { next: new Map() };
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
export const C_END = 1; // ends a coarse sentence
export const C_MEASURE = 2; // 件起宗例份个部
export const C_NEG = 4; // 未没无
export const C_SKIP = 8; // space, 余, 多 (may stand between a number and its measure)
export const C_BARE = 16; // may follow a bare number (“均为0。”)
export const C_DIGIT = 32;
export const C_CN = 64; // Chinese numeral
export const C_WORD = 128; // may start a dictionary word
export const CLASS = new Uint8Array(65536);
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
export const CN_DIGIT = new Map<number, number>([...'〇零一二两三四五六七八九'].map((ch, x) => [ch.charCodeAt(0), [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9][x]!]));
const CN_UNIT = new Map<number, number>([...'十百千万'].map((ch, x) => [ch.charCodeAt(0), 10 ** (x + 1)]));

/** 十二 → 12, 二十三 → 23, 一百零五 → 105, 两 → 2; null when it does not read as one number. */
export function parseChinese(s: string): number | null {
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
