// Structure: sections out of the template's order.
import type { RawFinding, Rule } from './types';
import { L } from './util';
import { bodySections, templateOf } from './sections';

export const rule: Rule = {
  meta: {
    code: 'section-order',
    defaultSeverity: 'warning',
    category: 'structure',
    description: { 'zh-CN': '各部分顺序与模板不一致。', en: 'Sections are out of the template’s order.' },
  },
  check({ model }) {
    const order = templateOf(model).sections.map((s) => s.id);
    const out: RawFinding[] = [];
    let maxIdx = -1;
    let maxSection = '';
    const seen = new Set<string>();
    for (const s of bodySections(model)) {
      if (seen.has(s.id)) continue; // duplicates are section-duplicate
      seen.add(s.id);
      const idx = order.indexOf(s.id);
      if (idx < maxIdx) {
        out.push({
          code: 'section-order',
          span: s.heading.span,
          message: L(`第${s.numeral}部分出现在第${maxSection}部分之后，顺序与模板不一致。`, `Section ${s.numeral} comes after section ${maxSection}, out of the template’s order.`),
          data: { section: s.id },
        });
      } else {
        maxIdx = idx;
        maxSection = s.numeral;
      }
    }
    return out;
  },
};
