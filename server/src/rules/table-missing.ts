// Structure: a table the template requires in a present section 二/三/四 is absent. Not reported when
// the section itself is missing (section-missing covers it: one defect, one finding).
import { renderTable } from '../fix/skeleton';
import type { RawFinding, Rule } from './types';
import { L } from './util';
import { bodySections, eolOf, nextLineStart, templateOf } from './sections';

export const rule: Rule = {
  meta: {
    code: 'table-missing',
    defaultSeverity: 'error',
    category: 'structure',
    description: { 'zh-CN': '已有的第二、三、四部分中缺少模板要求的表格。', en: 'A table the template requires is missing from its (present) section.' },
  },
  check({ model }) {
    const template = templateOf(model);
    const out: RawFinding[] = [];
    const eol = eolOf(model.text);
    for (const s of bodySections(model)) {
      for (const def of template.tables.filter((t) => t.section === s.id)) {
        if (model.tables.some((t) => t.id === def.id)) continue;
        const at = model.layout === 'html' ? s.heading.span.end : nextLineStart(model.text, s.heading.span.end);
        const pre = at === model.text.length && !model.text.endsWith('\n') ? eol : '';
        out.push({
          code: 'table-missing',
          span: s.heading.span,
          message: L(`第${s.numeral}部分缺少表格“${def.title.zh}”。`, `Section ${s.numeral} lacks the table “${def.title.en}”.`),
          data: { section: s.id, table: def.id },
          fixes: [{ title: L('插入空白表格', 'Insert a blank table'), edits: [{ span: { start: at, end: at }, newText: pre + renderTable(def, model.tableLayout, eol) }] }],
        });
      }
    }
    return out;
  },
};
