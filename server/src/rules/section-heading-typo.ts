// Structure: section headings matched as 'typo' (model/structure.ts classifies them).
import type { Rule } from './types';
import { L } from './util';
import { bodySections, templateOf } from './sections';

export const rule: Rule = {
  meta: {
    code: 'section-heading-typo',
    defaultSeverity: 'warning',
    category: 'structure',
    description: { 'zh-CN': '标题有错别字或残缺（如“行政法复议”“政复议”）。', en: 'A misspelt or garbled heading (e.g. 行政法复议, 政复议).' },
  },
  check({ model }) {
    const template = templateOf(model);
    return bodySections(model)
      .filter((s) => s.heading.match === 'typo')
      .map((s) => {
        const def = template.sections.find((d) => d.id === s.id)!;
        const canonical = `${def.numeral}、${def.heading}`;
        return {
          code: 'section-heading-typo',
          span: s.heading.span,
          message: L(`“${s.heading.text}”标题有错字，模板为“${canonical}”。`, `“${s.heading.text}” looks misspelt; the template heading is “${canonical}”.`),
          data: { section: s.id, expected: canonical },
          fixes: [{ title: L(`改为“${canonical}”`, `Replace with “${canonical}”`), isPreferred: true, edits: [{ span: s.heading.span, newText: canonical }] }],
        };
      });
  },
};
