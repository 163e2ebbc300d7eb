// Arithmetic: the template's `row-total` relations (declared in templates/, evaluated in relations.ts).
import { checkSums } from './sum-relation';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    code: 'row-total',
    defaultSeverity: 'error',
    category: 'arithmetic',
    fixAllOrder: 20,
    description: {
      'zh-CN': '表三每行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。',
      en: 'table 三: 总计 must equal the sum of the applicant columns in every row.',
    },
  },
  check: (ctx) => checkSums(ctx, 'row-total'),
};
