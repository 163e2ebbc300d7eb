// 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号 (TEMPLATE-SPEC.md §4.2, §5.2).
import { sections, table3, table4 } from './common';
import type { TemplateInput } from './schema';

const decisions = [{ id: 'decisions', label: '本年处理决定数量', aliases: ['处理决定数量'], domain: 'count' as const, meaning: '本年度作出的处理决定数量。' }];

export const format2021: TemplateInput = {
  version: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  document: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  sections: sections.map((s) =>
    s.id === 'other' ? { ...s, placeholder: '（文字描述，收取信息处理费情况在此处报告。）' } : s,
  ),
  tables: [
    {
      id: 'proactive',
      section: 'proactive',
      title: { zh: '主动公开政府信息情况', en: 'Proactive disclosure' },
      parts: [
        {
          id: 'item-1',
          caption: '第二十条第（一）项',
          headers: ['信息内容'],
          columns: [
            { id: 'issued', label: '本年制发件数', domain: 'count', meaning: '本年度制定发布的件数。' },
            { id: 'repealed', label: '本年废止件数', domain: 'count', meaning: '本年度废止的件数。' },
            { id: 'in-force', label: '现行有效件数', domain: 'count', meaning: '截至本年底现行有效的件数。' },
          ],
          rows: [
            { id: 'rules', label: '规章', meaning: '本机关制定的规章。', basis: '条例第二十条第（一）项' },
            { id: 'normative', label: '行政规范性文件', aliases: ['规范性文件', '行政規範性檔案', '規範性檔案'], meaning: '本机关制定的行政规范性文件。', basis: '条例第二十条第（一）项' },
          ],
        },
        {
          id: 'item-5',
          caption: '第二十条第（五）项',
          headers: ['信息内容'],
          columns: decisions,
          rows: [{ id: 'license', label: '行政许可', meaning: '本年度作出的行政许可处理决定数量。', basis: '条例第二十条第（五）项' }],
        },
        {
          id: 'item-6',
          caption: '第二十条第（六）项',
          headers: ['信息内容'],
          columns: decisions,
          rows: [
            { id: 'penalty', label: '行政处罚', meaning: '本年度作出的行政处罚决定数量。', basis: '条例第二十条第（六）项' },
            { id: 'coercion', label: '行政强制', meaning: '本年度作出的行政强制决定数量。', basis: '条例第二十条第（六）项' },
          ],
        },
        {
          id: 'item-8',
          caption: '第二十条第（八）项',
          headers: ['信息内容'],
          columns: [{ id: 'fee-amount', label: '本年收费金额（单位：万元）', aliases: ['本年收费金额'], domain: 'amount-wan', meaning: '本年度行政事业性收费金额，单位万元，可有小数。' }],
          rows: [{ id: 'fees', label: '行政事业性收费', meaning: '本年度行政事业性收费金额（万元）。与第六部分的信息处理费不是一回事。', basis: '条例第二十条第（八）项' }],
        },
      ],
    },
    table3(
      [
        { id: 'other-no-correction', group: 'other', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', meaning: '申请人无正当理由逾期不补正，视为放弃申请。', basis: '条例第三十条' },
        { id: 'other-no-fee', group: 'other', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', meaning: '申请人逾期未缴纳信息处理费，行政机关不再处理。', basis: '条例第四十二条；国办函〔2020〕109号' },
        { id: 'other-misc', group: 'other', label: '3.其他', meaning: '其他处理情形。' },
      ],
      [{ id: 'other', label: '（六）其他处理' }],
    ),
    table4,
  ],
};
