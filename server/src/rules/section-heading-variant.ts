// Structure: section headings matched as 'variant' (model/structure.ts classifies them).
import type { Rule } from './types';
import { L } from './util';
import { bodySections, templateOf } from './sections';

export const rule: Rule = {
  meta: {
    code: 'section-heading-variant',
    defaultSeverity: 'info',
    category: 'structure',
    description: { 'zh-CN': '标题措辞与模板不同（可接受的表述），建议使用模板标题。', en: 'A heading worded differently from the template (acceptable wording); the template heading is suggested.' },
  },
  check({ model }) {
    const template = templateOf(model);
    return bodySections(model)
      .filter((s) => s.heading.match === 'variant')
      .map((s) => {
        const def = template.sections.find((d) => d.id === s.id)!;
        const canonical = `${def.numeral}、${def.heading}`;
        return {
          code: 'section-heading-variant',
          span: s.heading.span,
          message: L(`“${s.heading.text}”标题与模板措辞不同，模板为“${canonical}”。`, `“${s.heading.text}” differs from the template heading “${canonical}”.`),
          data: { section: s.id, expected: canonical },
          fixes: [{ title: L(`改为“${canonical}”`, `Replace with “${canonical}”`), isPreferred: true, edits: [{ span: s.heading.span, newText: canonical }] }],
        };
      });
  },
};
