// Text: a count stated in the narrative contradicts the tables. (Being implemented: see the
// text-table-mismatch helper's work; until it lands this rule finds nothing.)
import type { Rule } from './types';

export const rule: Rule = {
  meta: {
    code: 'text-table-mismatch',
    defaultSeverity: 'warning',
    category: 'text',
    description: { 'zh-CN': '正文中陈述的件数与表格数据不一致。', en: 'A count stated in the text contradicts the tables.' },
  },
  check: () => [],
};
