// Structure: a section with nothing under its heading (“无” is content).
import type { RawFinding, Rule } from './types';
import { L } from './util';
import { bodySections } from './sections';

export const rule: Rule = {
  meta: {
    code: 'section-empty',
    defaultSeverity: 'warning',
    category: 'structure',
    description: { 'zh-CN': '某部分标题下没有任何内容（写“无”也算内容）。', en: 'A section has no content under its heading (“无” counts as content).' },
  },
  check({ model }) {
    const out: RawFinding[] = [];
    for (const s of bodySections(model)) {
      const inner = model.text.slice(s.content.start, s.content.end);
      const hasTable = model.tables.some((t) => t.span.start >= s.span.start && t.span.start < s.span.end);
      if (hasTable || /[^\s\u3000\u00a0]/.test(inner.replace(/<[^>]{0,2000}>|&nbsp;/g, ''))) continue;
      out.push({
        code: 'section-empty',
        span: s.heading.span,
        message: L(`第${s.numeral}部分“${s.heading.text}”下没有内容。`, `Section ${s.numeral} “${s.heading.text}” has no content.`),
        data: { section: s.id },
      });
    }
    return out;
  },
};
