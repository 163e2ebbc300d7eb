// Data shared by both national formats (TEMPLATE-SPEC.md §3, §5, §6): the six sections, table 三
// apart from its （六） rows, and table 四. Plain data, composed by format-2019.ts and format-2021.ts.
import type { TemplateInput } from './schema';

type SectionInput = TemplateInput['sections'][number];
type TableInput = TemplateInput['tables'][number];
type RowInput = TableInput['parts'][number]['rows'][number];
type ColumnInput = TableInput['parts'][number]['columns'][number];

export const sections: SectionInput[] = [
  {
    id: 'overview',
    numeral: '一',
    heading: '总体情况',
    variants: ['概述', '总体情况概述', '基本情况', '总体概况', '政府信息公开工作总体情况'],
    keywords: ['总体', '概述', '概况', '基本情况'],
    placeholder: '（文字描述）',
    meaning: '条例第五十条第（一）项之外的综述：主动公开、依申请公开、政府信息管理、平台建设、监督保障。',
  },
  {
    id: 'proactive',
    numeral: '二',
    heading: '主动公开政府信息情况',
    variants: ['主动公开情况', '主动公开政府信息的情况', '行政机关主动公开政府信息的情况'],
    keywords: ['主动公开'],
    meaning: '条例第五十条第（一）项：行政机关主动公开政府信息的情况（第二十条各项）。',
  },
  {
    id: 'applications',
    numeral: '三',
    heading: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请的情况', '依申请公开情况', '行政机关收到和处理政府信息公开申请的情况'],
    keywords: ['申请'],
    meaning: '条例第五十条第（二）项：收到和处理政府信息公开申请的情况。',
  },
  {
    id: 'review',
    numeral: '四',
    heading: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '因政府信息公开工作被申请行政复议和提起行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
      '政府信息公开行政复议和行政诉讼情况',
      '因政府信息公开被申请行政复议、提起行政诉讼情况',
    ],
    typos: ['行政法复议', '政复议'],
    keywords: ['复议', '诉讼'],
    meaning: '条例第五十条第（三）项：因政府信息公开工作被申请行政复议、提起行政诉讼的情况。',
  },
  {
    id: 'problems',
    numeral: '五',
    heading: '存在的主要问题及改进情况',
    variants: [
      '政府信息公开工作存在的主要问题及改进情况',
      '存在的主要问题和改进措施',
      '存在的主要问题及改进措施',
      '当前存在的主要问题及下步改进措施',
      '存在的问题及改进情况',
    ],
    keywords: ['问题', '改进'],
    placeholder: '（文字描述）',
    meaning: '条例第五十条第（四）项：政府信息公开工作存在的主要问题及改进情况（各级人民政府还应报告工作考核、社会评议和责任追究结果情况）。',
  },
  {
    id: 'other',
    numeral: '六',
    heading: '其他需要报告的事项',
    variants: ['其他需报告事项', '其他需要报告事项', '其他事项'],
    keywords: ['其他', '事项'],
    placeholder: '（文字描述）',
    meaning: '条例第五十条第（五）项：其他需要报告的事项。',
  },
];

const applicantColumns: ColumnInput[] = [
  { id: 'natural', label: '自然人', domain: 'count', meaning: '以公民个人名义提出申请的件数。' },
  { id: 'commercial', label: '商业企业', domain: 'count', meaning: '法人或其他组织中的商业企业提出申请的件数。' },
  { id: 'research', label: '科研机构', domain: 'count', meaning: '法人或其他组织中的科研机构提出申请的件数。' },
  { id: 'public-interest', label: '社会公益组织', domain: 'count', meaning: '法人或其他组织中的社会公益组织提出申请的件数。' },
  { id: 'legal', label: '法律服务机构', domain: 'count', meaning: '法人或其他组织中的法律服务机构提出申请的件数。' },
  { id: 'other-org', label: '其他', domain: 'count', meaning: '法人或其他组织中其他类型申请人的件数。' },
  { id: 'total', label: '总计', aliases: ['合计'], domain: 'count', meaning: '本行各类申请人件数之和。' },
];

/** Table 三 rows up to and including （五）; （六） differs between the formats. */
export const table3LeadingRows: RowInput[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', meaning: '本年度新收到的政府信息公开申请件数。', basis: '条例第五十条第（二）项' },
  { id: 'carried', label: '二、上年结转政府信息公开申请数量', meaning: '上一年度12月31日仍未办结、结转到本年度继续办理的申请件数；应等于上年报告的“四、结转下年度继续办理”。', basis: '条例第三十三条' },
  { id: 'disclosed', group: 'results', label: '（一）予以公开', meaning: '予以全部公开，包括告知申请人获取已公开信息的方式和途径。', basis: '条例第三十六条第（一）（二）项' },
  { id: 'partial', group: 'results', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', aliases: ['（二）部分公开'], meaning: '区分处理：提供可以公开的部分，对不予公开的部分说明理由。只计这一情形，不再计入（三）。', basis: '条例第三十七条' },
  { id: 'refused-secret', group: 'refused', label: '1.属于国家秘密', meaning: '申请公开的信息属于国家秘密。', basis: '条例第十四条' },
  { id: 'refused-law', group: 'refused', label: '2.其他法律行政法规禁止公开', meaning: '法律、行政法规禁止公开的信息。', basis: '条例第十四条' },
  { id: 'refused-safety', group: 'refused', label: '3.危及“三安全一稳定”', aliases: ['3.危及三安全一稳定'], meaning: '公开后可能危及国家安全、公共安全、经济安全、社会稳定。', basis: '条例第十四条' },
  { id: 'refused-third-party', group: 'refused', label: '4.保护第三方合法权益', meaning: '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。', basis: '条例第十五条' },
  { id: 'refused-internal', group: 'refused', label: '5.属于三类内部事务信息', meaning: '人事管理、后勤管理、内部工作流程等内部事务信息。', basis: '条例第十六条第一款' },
  { id: 'refused-process', group: 'refused', label: '6.属于四类过程性信息', meaning: '讨论记录、过程稿、磋商信函、请示报告等过程性信息。', basis: '条例第十六条第二款' },
  { id: 'refused-enforcement', group: 'refused', label: '7.属于行政执法案卷', meaning: '行政执法案卷信息。', basis: '条例第十六条第二款' },
  { id: 'refused-query', group: 'refused', label: '8.属于行政查询事项', meaning: '工商、不动产登记资料等有关法律、行政法规另有特别规定的查询事项。', basis: '条例第三十六条第（七）项' },
  { id: 'unable-not-held', group: 'unable', label: '1.本机关不掌握相关政府信息', meaning: '信息不存在，或不属于本机关负责公开。', basis: '条例第三十六条第（四）（五）项' },
  { id: 'unable-create', group: 'unable', label: '2.没有现成信息需要另行制作', meaning: '需要对现有信息进行加工、分析才能提供，行政机关可不予提供。', basis: '条例第三十八条' },
  { id: 'unable-unclear', group: 'unable', label: '3.补正后申请内容仍不明确', meaning: '经告知补正后，申请内容仍不明确。', basis: '条例第二十九条、第三十条' },
  { id: 'np-petition', group: 'not-processed', label: '1.信访举报投诉类申请', meaning: '以政府信息公开申请形式进行信访、投诉、举报等活动。', basis: '条例第三十九条第一款' },
  { id: 'np-repeat', group: 'not-processed', label: '2.重复申请', meaning: '重复申请公开相同政府信息。', basis: '条例第三十六条第（六）项' },
  { id: 'np-publication', group: 'not-processed', label: '3.要求提供公开出版物', meaning: '要求提供公开出版物的，可以告知获取途径。', basis: '条例第三十九条第二款' },
  { id: 'np-massive', group: 'not-processed', label: '4.无正当理由大量反复申请', meaning: '申请人无正当理由大量、反复申请，且超出合理范围。', basis: '条例第三十五条' },
  { id: 'np-confirm', group: 'not-processed', label: '5.要求行政机关确认或重新出具已获取信息', meaning: '要求行政机关确认或重新出具已获取的信息。' },
];

export const table3TrailingRows: RowInput[] = [
  { id: 'total', group: 'results', label: '（七）总计', aliases: ['（七）合计'], meaning: '本年度办理结果合计：（一）至（六）各项之和。' },
  { id: 'forward', label: '四、结转下年度继续办理', meaning: '截至12月31日尚未办结、结转到下一年度继续办理的申请件数（答复期限为20个工作日，可延长）。', basis: '条例第三十三条' },
];

export const table3Groups = [
  { id: 'results', label: '三、本年度办理结果' },
  { id: 'refused', label: '（三）不予公开' },
  { id: 'unable', label: '（四）无法提供' },
  { id: 'not-processed', label: '（五）不予处理' },
];

export const table3Headers = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '申请人情况',
  '法人或其他组织',
];

const resultRowsBeforeOther = [
  'disclosed', 'partial',
  'refused-secret', 'refused-law', 'refused-safety', 'refused-third-party', 'refused-internal', 'refused-process', 'refused-enforcement', 'refused-query',
  'unable-not-held', 'unable-create', 'unable-unclear',
  'np-petition', 'np-repeat', 'np-publication', 'np-massive', 'np-confirm',
];

/** Table 三 with the format's （六） rows; relations are declared once here for both formats. */
export function table3(otherRows: RowInput[], otherGroups: { id: string; label: string }[]): TableInput {
  const resultRows = [...resultRowsBeforeOther, ...otherRows.map((r) => r.id)];
  return {
    id: 'applications',
    section: 'applications',
    title: { zh: '收到和处理政府信息公开申请情况', en: 'Applications received and handled' },
    parts: [
      {
        id: 'main',
        headers: table3Headers,
        columns: applicantColumns,
        groups: [...table3Groups, ...otherGroups],
        rows: [...table3LeadingRows, ...otherRows, ...table3TrailingRows],
      },
    ],
    relations: [
      {
        id: 't3-row-total',
        kind: 'sum',
        code: 'row-total',
        name: { zh: '行合计（总计 = 各类申请人之和）', en: 'row total (总计 = sum of applicant types)' },
        part: 'main',
        eachRow: 'all',
        total: { column: 'total' },
        addends: { columns: ['natural', 'commercial', 'research', 'public-interest', 'legal', 'other-org'] },
      },
      {
        id: 't3-column-total',
        kind: 'sum',
        code: 'column-total',
        name: { zh: '列合计（（七）总计 = （一）至（六）之和）', en: 'column total (（七）总计 = sum of results （一）–（六）)' },
        part: 'main',
        eachColumn: 'all',
        total: { row: 'total' },
        addends: { rows: resultRows },
      },
      {
        id: 't3-balance',
        kind: 'balance',
        code: 'balance',
        name: { zh: '勾稽关系（一 + 二 = 三（七）总计 + 四）', en: 'balance (一 + 二 = 三（七）总计 + 四)' },
        part: 'main',
        eachColumn: 'all',
        left: ['new', 'carried'],
        right: ['total', 'forward'],
        solveFor: 'forward',
      },
    ],
  };
}

const reviewGroups = [
  { key: 'review', zh: '行政复议', en: 'administrative review' },
  { key: 'direct', zh: '行政诉讼·未经复议直接起诉', en: 'litigation without prior review' },
  { key: 'after', zh: '行政诉讼·复议后起诉', en: 'litigation after review' },
];
const outcomes = [
  { key: 'upheld', label: '结果维持', meaning: '复议或判决维持原行政行为的件数。' },
  { key: 'corrected', label: '结果纠正', meaning: '复议或判决纠正（撤销、变更、确认违法等）的件数。' },
  { key: 'other', label: '其他结果', meaning: '驳回、终止、撤回等其他结果的件数。' },
  { key: 'pending', label: '尚未审结', meaning: '截至12月31日尚未审结的件数。' },
  { key: 'total', label: '总计', meaning: '本组结果维持、结果纠正、其他结果、尚未审结之和。' },
];

export const table4: TableInput = {
  id: 'review',
  section: 'review',
  title: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative review and litigation' },
  parts: [
    {
      id: 'main',
      headers: ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'],
      columns: reviewGroups.flatMap((g) =>
        outcomes.map((o) => ({
          id: `${g.key}-${o.key}`,
          label: o.label,
          group: g.zh,
          domain: 'count' as const,
          meaning: `${g.zh}：${o.meaning}`,
        })),
      ),
      rows: [
        {
          id: 'cases',
          label: '案件数',
          unlabeled: true,
          meaning: '因政府信息公开工作被申请行政复议、提起行政诉讼的件数（行政诉讼分未经复议直接起诉与复议后起诉）。',
          basis: '条例第五十条第（三）项',
        },
      ],
    },
  ],
  relations: reviewGroups.map((g) => ({
    id: `t4-${g.key}-total`,
    kind: 'sum' as const,
    code: 'review-total',
    name: { zh: `${g.zh}总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`, en: `${g.en} total = upheld + corrected + other + pending` },
    part: 'main',
    total: { row: 'cases', column: `${g.key}-total` },
    addends: { rows: ['cases'], columns: ['upheld', 'corrected', 'other', 'pending'].map((o) => `${g.key}-${o}`) },
  })),
};
