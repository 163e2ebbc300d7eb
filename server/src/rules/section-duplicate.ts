// Structure: a section heading appears twice in the body.
import type { RawFinding, Rule } from './types';
import { L } from './util';
import { bodySections } from './sections';

export const rule: Rule = {
  meta: {
    code: 'section-duplicate',
    defaultSeverity: 'warning',
    category: 'structure',
    description: { 'zh-CN': '同一部分在正文中出现两次。', en: 'A section appears twice in the body.' },
  },
  check({ model, }) {
    const seen = new Map<string, number>();
    const out: RawFinding[] = [];
    for (const s of bodySections(model)) {
      const first = seen.get(s.id);
      if (first === undefined) {
        seen.set(s.id, s.heading.span.start);
        continue;
      }
      out.push({
        code: 'section-duplicate',
        span: s.heading.span,
        message: L(`第${s.numeral}部分重复出现。`, `Section ${s.numeral} appears twice.`),
        related: [{ span: { start: first, end: first + 1 }, message: L('第一次出现的位置', 'first occurrence') }],
        data: { section: s.id },
      });
    }
    return out;
  },
};
