// Version: tables from both template versions in one report.
import type { RawFinding, Rule } from './types';
import { L } from './util';

export const rule: Rule = {
  meta: {
    code: 'template-mixed',
    defaultSeverity: 'error',
    category: 'version',
    description: { 'zh-CN': '同一报告中混用了 2019 年和 2021 年两种格式的表格。', en: 'Tables from both the 2019 and the 2021 format in one report.' },
  },
  check({ model }) {
    const withTells = model.tables.filter((t) => t.tells.length > 0);
    const versions = new Set(withTells.map((t) => t.version));
    if (versions.size < 2) return [];
    const out: RawFinding[] = [];
    for (const t of withTells) {
      if (t.version === model.templateVersion) continue;
      const labels = [...new Set(t.tells.map((e) => e.text.replace(/\s+/g, '')))].slice(0, 3);
      out.push({
        code: 'template-mixed',
        span: t.tells[0]!.span,
        message: L(
          `${t.def.title.zh}表使用 ${t.version} 年格式（如“${labels.join('”“')}”），而报告其他表格使用 ${model.templateVersion} 年格式。`,
          `The ${t.def.title.en} table uses the ${t.version} format (e.g. “${labels.join('”, “')}”) while the rest of the report uses the ${model.templateVersion} format.`,
        ),
        data: { table: t.id, version: t.version, reportVersion: model.templateVersion, labels },
      });
    }
    return out;
  },
};
