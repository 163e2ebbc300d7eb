// Renders blank template pieces (a section, a table, a row) in a document's own layout, for the
// insert fixes, and a whole blank report for the editor's “insert skeleton” command.
import type { RowLayout } from '../parse/blocks';
import { templateFor } from '../templates/registry';
import type { PartDef, RowDef, SectionDef, TableDef, TemplateDef } from '../templates/schema';

type Cells = string[];

function tableRows(table: TableDef): { cells: Cells; header: boolean }[] {
  const rows: { cells: Cells; header: boolean }[] = [];
  for (const part of table.parts) {
    const n = part.columns.length;
    if (part.caption) rows.push({ cells: [part.caption, ...Array<string>(n).fill('')], header: true });
    if (table.id === 'review') {
      rows.push({ cells: ['行政复议', '', '', '', '', '行政诉讼', ...Array<string>(9).fill('')], header: true });
      rows.push({ cells: [...part.columns.slice(0, 5).map((c) => c.label), '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''], header: true });
      rows.push({ cells: ['', '', '', '', '', ...part.columns.slice(5).map((c) => c.label)], header: true });
      rows.push({ cells: Array<string>(n).fill(''), header: false });
      continue;
    }
    if (part.headers.length) rows.push({ cells: [...part.headers.slice(0, 1), ...part.columns.map((c) => c.label)], header: true });
    else rows.push({ cells: ['', ...part.columns.map((c) => c.label)], header: true });
    for (const r of part.rows) rows.push({ cells: [rowLabelText(part, r), ...Array<string>(n).fill('')], header: false });
  }
  return rows;
}

function rowLabelText(part: PartDef, r: RowDef): string {
  void part;
  return r.label;
}

export function renderRows(rows: Cells[], layout: RowLayout, eol: string): string {
  switch (layout) {
    case 'word':
      return rows.map((cells) => cells.map((c) => `\t${c}`).join(eol) + eol).join(eol) + eol;
    case 'pipe':
      return rows.map((cells) => cells.map((c) => `${c} |`).join(eol)).join(eol) + eol;
    case 'markdown': {
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: Cells) => `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`;
      const [first, ...rest] = rows;
      return [line(first!), `|${Array<string>(width).fill('---').join('|')}|`, ...rest.map(line)].join(eol) + eol;
    }
    case 'html':
      return `<table>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>${eol}`;
    default:
      return rows.map((cells) => cells.join('\t')).join(eol) + eol;
  }
}

export function renderTable(table: TableDef, layout: RowLayout, eol: string): string {
  const rows = tableRows(table);
  if (layout === 'pipe') {
    // Web text marks a merged header cell with extra pipes (“行政诉讼 | |||”), not with empty cells.
    const lines: string[] = [];
    for (const r of rows) {
      if (!r.header) {
        lines.push(...r.cells.map((c) => `${c} |`));
        continue;
      }
      for (let i = 0; i < r.cells.length; i++) {
        if (!r.cells[i]) continue;
        let k = 0;
        while (i + 1 + k < r.cells.length && !r.cells[i + 1 + k]) k++;
        lines.push(`${r.cells[i]} |${k ? ' ' + '|'.repeat(k) : ''}`);
      }
    }
    return lines.join(eol) + eol;
  }
  return renderRows(
    rows.map((r) => r.cells),
    layout,
    eol,
  );
}

export function renderRow(row: RowDef, columns: number, layout: RowLayout, eol: string): string {
  const cells = [row.label, ...Array<string>(columns).fill('')];
  if (layout === 'word') return cells.map((c) => `\t${c}`).join(eol) + eol + eol;
  if (layout === 'html') return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  return renderRows([cells], layout, eol);
}

export function headingText(section: SectionDef): string {
  return `${section.numeral}、${section.heading}`;
}

/** Rendered sections per template: section-missing offers one as its fix on every check of a report that lacks it. */
const sectionCache = new WeakMap<TemplateDef, Map<string, string>>();

export function renderSection(template: TemplateDef, section: SectionDef, layout: RowLayout, eol: string): string {
  let byKey = sectionCache.get(template);
  if (!byKey) sectionCache.set(template, (byKey = new Map()));
  const key = `${section.id}\u0000${layout}\u0000${eol}`;
  let out = byKey.get(key);
  if (out === undefined) byKey.set(key, (out = renderSectionUncached(template, section, layout, eol)));
  return out;
}

function renderSectionUncached(template: TemplateDef, section: SectionDef, layout: RowLayout, eol: string): string {
  const heading = layout === 'markdown' ? `## ${headingText(section)}` : layout === 'html' ? `<p>${headingText(section)}</p>` : headingText(section);
  let out = heading + eol;
  const tables = template.tables.filter((t) => t.section === section.id);
  if (tables.length) out += tables.map((t) => renderTable(t, layout, eol)).join(eol);
  else if (section.placeholder) out += (layout === 'html' ? `<p>${section.placeholder}</p>` : section.placeholder) + eol;
  return out + (layout === 'html' ? '' : eol);
}

/** A blank report for a year: the 2019 format for 2019 and 2020, the 2021 format from 2021. */
export function skeleton(year: number, layout: RowLayout = 'tab', eol = '\n'): string {
  const template = templateFor(year <= 2020 ? '2019' : '2021');
  let out = `XX${year}年政府信息公开工作年度报告${eol}${eol}`;
  out += `本报告根据《中华人民共和国政府信息公开条例》第五十条的规定编制。报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。${eol}${eol}`;
  for (const s of template.sections) out += renderSection(template, s, layout, eol);
  return out;
}
