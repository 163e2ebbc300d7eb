// Year: the title states no report year; the year is inferred from the 统计期限 or section 一.
import type { Rule } from './types';
import { L } from './util';

const SOURCE = { period: { zh: '统计期限', en: 'the statistical period' }, body: { zh: '第一部分开头', en: 'the opening of section 一' }, title: { zh: '标题', en: 'the title' } };

export const rule: Rule = {
  meta: {
    code: 'year-missing',
    defaultSeverity: 'warning',
    category: 'version',
    description: { 'zh-CN': '标题中没有写明报告年度。', en: 'The title states no report year.' },
  },
  check({ model }) {
    if (model.yearEvidence.title || !model.title) return [];
    const src = model.yearSource ? SOURCE[model.yearSource] : null;
    return [
      {
        code: 'year-missing',
        span: model.title.span,
        message:
          model.year !== null && src
            ? L(`标题未写明报告年度；已根据${src.zh}推定为 ${model.year} 年。`, `The title states no report year; ${model.year} was inferred from ${src.en}.`)
            : L('标题未写明报告年度，且无法从正文推定。', 'The title states no report year, and none could be inferred.'),
        data: { year: model.year, yearSource: model.yearSource },
      },
    ];
  },
};
