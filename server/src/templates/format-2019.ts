// 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号 (TEMPLATE-SPEC.md §4.1, §5.3).
import { sections, table3, table4 } from './common';
import type { TemplateInput } from './schema';

const itemColumns = [
  { id: 'prev', label: '上一年项目数量', domain: 'count' as const, meaning: '上一年度末的项目（事项）数量。' },
  { id: 'delta', label: '本年增/减', aliases: ['本年增减'], domain: 'signed-count' as const, meaning: '本年度增加或减少的项目数，减少用负数表示。' },
  { id: 'decisions', label: '处理决定数量', domain: 'count' as const, meaning: '本年度作出的处理决定（办件）数量。' },
];

export const format2019: TemplateInput = {
  version: '2019',
  name: '政府信息公开工作年度报告格式（试行）',
  document: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  sections,
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
            { id: 'made', label: '本年新制作数量', domain: 'count', meaning: '本年度新制作的规章、规范性文件件数。' },
            { id: 'published', label: '本年新公开数量', domain: 'count', meaning: '本年度新公开的件数。' },
            { id: 'total-published', label: '对外公开总数量', domain: 'count', meaning: '截至本年底对外公开的总件数。' },
          ],
          rows: [
            { id: 'rules', label: '规章', meaning: '本机关制定的规章。', basis: '条例第二十条第（一）项' },
            { id: 'normative', label: '规范性文件', aliases: ['行政规范性文件', '規範性檔案'], meaning: '本机关制定的规范性文件。', basis: '条例第二十条第（一）项' },
          ],
        },
        {
          id: 'item-5',
          caption: '第二十条第（五）项',
          headers: ['信息内容'],
          columns: itemColumns,
          rows: [
            { id: 'license', label: '行政许可', meaning: '行政许可事项及其办理情况。', basis: '条例第二十条第（五）项' },
            { id: 'other-services', label: '其他对外管理服务事项', meaning: '行政许可以外的其他对外管理服务事项。', basis: '条例第二十条第（五）项' },
          ],
        },
        {
          id: 'item-6',
          caption: '第二十条第（六）项',
          headers: ['信息内容'],
          columns: itemColumns,
          rows: [
            { id: 'penalty', label: '行政处罚', meaning: '行政处罚事项及处理决定。', basis: '条例第二十条第（六）项' },
            { id: 'coercion', label: '行政强制', meaning: '行政强制事项及处理决定。', basis: '条例第二十条第（六）项' },
          ],
        },
        {
          id: 'item-8',
          caption: '第二十条第（八）项',
          headers: ['信息内容'],
          columns: itemColumns.slice(0, 2),
          rows: [{ id: 'fees', label: '行政事业性收费', meaning: '行政事业性收费项目数量（项目数，不是金额）。', basis: '条例第二十条第（八）项' }],
        },
        {
          id: 'item-9',
          caption: '第二十条第（九）项',
          headers: ['信息内容'],
          columns: [
            { id: 'purchase-count', label: '采购项目数量', domain: 'count', meaning: '政府集中采购项目数量。' },
            { id: 'purchase-amount', label: '采购总金额', domain: 'amount', meaning: '政府集中采购总金额（模板未规定单位）。' },
          ],
          rows: [{ id: 'procurement', label: '政府集中采购', meaning: '政府集中采购项目的目录、标准及实施情况。', basis: '条例第二十条第（九）项' }],
        },
      ],
    },
    table3([{ id: 'other', group: 'results', label: '（六）其他处理', meaning: '（一）至（五）以外的其他处理情形（2019年格式为一行）。' }], []),
    table4,
  ],
};
