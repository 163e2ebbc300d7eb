// Structure: one of the six sections (一…六) is absent from the report body (attachments don't count).
import { renderSection } from '../fix/skeleton';
import type { RawFinding, Rule } from './types';
import { L } from './util';
import { bodySections, eolOf, lineStart, templateOf } from './sections';

export const rule: Rule = {
  meta: {
    code: 'section-missing',
    defaultSeverity: 'error',
    category: 'structure',
    description: { 'zh-CN': '报告正文缺少模板规定的六个部分之一（一至六）。', en: 'One of the six template sections (一…六) is missing from the report body.' },
  },
  check({ model }) {
    const present = bodySections(model);
    if (!present.length) return [];
    const template = templateOf(model);
    const ids = new Set(present.map((s) => s.id));
    const order = template.sections.map((s) => s.id);
    const out: RawFinding[] = [];
    const eol = eolOf(model.text);
    for (const def of template.sections) {
      if (ids.has(def.id)) continue;
      const idx = order.indexOf(def.id);
      const next = present.find((s) => order.indexOf(s.id) > idx);
      let span;
      let insertAt: number;
      if (next) {
        span = next.heading.span;
        insertAt = lineStart(model.text, next.heading.span.start);
        if (model.layout === 'html') insertAt = next.heading.span.start;
      } else {
        const end = model.body.end;
        // the body's last line, without its line break (\n, \r\n or a lone \r)
        const t = model.text;
        const contentEnd = end - (t[end - 1] === '\n' ? (t[end - 2] === '\r' ? 2 : 1) : t[end - 1] === '\r' ? 1 : 0);
        const ls = lineStart(t, contentEnd);
        span = { start: ls, end: Math.max(ls, contentEnd) };
        insertAt = end;
      }
      const prefix = !next && insertAt > 0 && model.text[insertAt - 1] !== '\n' ? eol : '';
      const heading = `${def.numeral}、${def.heading}`;
      out.push({
        code: 'section-missing',
        span,
        message: L(`缺少第${def.numeral}部分“${heading}”。`, `Section ${def.numeral} “${heading}” is missing.`),
        data: { section: def.id },
        fixes: [
          {
            title: L(`插入“${heading}”${template.tables.some((t) => t.section === def.id) ? '及空白表格' : ''}`, `Insert “${heading}”${template.tables.some((t) => t.section === def.id) ? ' with a blank table' : ''}`),
            edits: [{ span: { start: insertAt, end: insertAt }, newText: prefix + renderSection(template, def, model.tableLayout, eol) }],
          },
        ],
      });
    }
    return out;
  },
};
