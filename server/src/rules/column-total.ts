// Arithmetic: the template's `column-total` relations (declared in templates/, evaluated in relations.ts).
import { checkSums } from './sum-relation';
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    code: 'column-total',
    defaultSeverity: 'error',
    category: 'arithmetic',
    fixAllOrder: 40,
    description: {
      'zh-CN': '表三每列：（七）总计 = （一）至（六）各行之和。',
      en: 'table 三: （七）总计 must equal the sum of the result rows （一）–（六） in every column.',
    },
  },
  check: (ctx) => checkSums(ctx, 'column-total'),
};
