// Arithmetic: the template's `review-total` relations (declared in templates/, evaluated in relations.ts).
import { checkSums } from './sum-relation';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    code: 'review-total',
    defaultSeverity: 'error',
    category: 'arithmetic',
    fixAllOrder: 30,
    description: {
      'zh-CN': '表四：行政复议、未经复议直接起诉、复议后起诉各组的总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。',
      en: 'table 四: each group’s 总计 must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结.',
    },
  },
  check: (ctx) => checkSums(ctx, 'review-total'),
};
