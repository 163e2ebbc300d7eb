// Version: 2019-format tables in a report for 2021 or later, or 2021-format tables for 2019/2020.
import type { Rule } from './types';
import { L } from './util';

export const rule: Rule = {
  meta: {
    code: 'template-mismatch',
    defaultSeverity: 'error',
    category: 'version',
    description: {
      'zh-CN': '表格格式与报告年度不符：2021 年及以后应使用国办公开办函〔2021〕30号格式，2019、2020 年使用〔2019〕60号格式。',
      en: 'The tables’ format does not match the report year: 2021+ reports use the 2021 format (〔2021〕30号), 2019/2020 reports the 2019 format (〔2019〕60号).',
    },
  },
  check({ model }) {
    const { year, templateVersion: v, versionEvidence } = model;
    if (year === null || year < 2019 || !v || !versionEvidence.length) return [];
    const expected = year >= 2021 ? '2021' : '2019';
    if (v === expected) return [];
    const labels = [...new Set(versionEvidence.map((e) => e.text.replace(/\s+/g, '')))].slice(0, 4);
    const doc = v === '2019' ? '国办公开办函〔2019〕60号' : '国办公开办函〔2021〕30号';
    const want = expected === '2019' ? '国办公开办函〔2019〕60号' : '国办公开办函〔2021〕30号';
    return [
      {
        code: 'template-mismatch',
        span: versionEvidence[0]!.span,
        message: L(
          `这是 ${year} 年度报告，但表格使用 ${v} 年格式（${doc}），如“${labels.join('”“')}”；应使用 ${expected} 年格式（${want}）。`,
          `This is a ${year} report but its tables use the ${v} format (${doc}), e.g. “${labels.join('”, “')}”; it should use the ${expected} format (${want}).`,
        ),
        related: versionEvidence.slice(1, 8).map((e) => ({ span: e.span, message: L(`${v} 年格式的标签“${e.text}”`, `${v}-format label “${e.text}”`) })),
        data: { year, templateVersion: v, expected, labels },
      },
    ];
  },
};
