// Year: the title year, the 统计期限 and the year opening section 一 disagree. No other year mention
// counts (plans for next year, comparisons, citations and dates never do).
import type { YearSource } from '../core/types';
import type { RawFinding, Rule } from './types';
import { L } from './util';

const NAME: Record<YearSource, { zh: string; en: string }> = {
  title: { zh: '标题', en: 'the title' },
  period: { zh: '统计期限', en: 'the statistical period' },
  body: { zh: '第一部分开头', en: 'the opening of section 一' },
};

export const rule: Rule = {
  meta: {
    code: 'year-inconsistent',
    defaultSeverity: 'warning',
    category: 'version',
    description: { 'zh-CN': '标题年度、统计期限年度与第一部分开头的年度不一致。', en: 'The title year, the statistical period and the year opening section 一 disagree.' },
  },
  check({ model }) {
    const ev = model.yearEvidence;
    const primary = model.yearSource;
    if (!primary || model.year === null) return [];
    const out: RawFinding[] = [];
    for (const src of ['title', 'period', 'body'] as const) {
      const e = ev[src];
      if (!e || src === primary || e.year === model.year) continue;
      out.push({
        code: 'year-inconsistent',
        span: e.span,
        message: L(
          `${NAME[src].zh}的年度（${e.year}）与${NAME[primary].zh}（${model.year}）不一致。`,
          `The year in ${NAME[src].en} (${e.year}) disagrees with ${NAME[primary].en} (${model.year}).`,
        ),
        related: ev[primary] ? [{ span: ev[primary]!.span, message: L(`${NAME[primary].zh}：${model.year}`, `${NAME[primary].en}: ${model.year}`) }] : [],
        data: { year: model.year, found: e.year, source: src },
      });
    }
    return out;
  },
};
