// Structure: a row that is not in the template (custom sub-rows, provincial rows, made-up subtotals).
import type { Rule } from './types';
import { L } from './util';

export const rule: Rule = {
  meta: {
    code: 'row-unknown',
    defaultSeverity: 'info',
    category: 'structure',
    description: { 'zh-CN': '表格中有模板没有的行（自定义或省级格式增加的行）。', en: 'A row that is not in the template (custom or provincial rows).' },
  },
  check({ model }) {
    return model.tables.flatMap((t) =>
      t.unknownRows.map((r) => ({
        code: 'row-unknown',
        span: r.label?.span ?? r.span,
        message: L(`“${r.label?.text ?? ''}”不是${t.def.title.zh}模板中的行，其数值未参与校验。`, `“${r.label?.text ?? ''}” is not a row of the template’s ${t.def.title.en} table; its values are not checked.`),
        data: { table: t.id, label: r.label?.text ?? null },
      })),
    );
  },
};
