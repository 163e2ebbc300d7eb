// Renders a report as Markdown from the engine's own model, so that markdownlint and the engine can
// be timed on the same content: the title as `#`, section headings as `##`, prose paragraphs as
// paragraphs, and every bound table part as a GitHub-style pipe table (caption, a header row of the
// template's column labels, then one row per bound row with the cells exactly as they were read).
export function toMarkdown(engine, text) {
  const { model } = engine.analyze(text);
  const inTable = (span) => model.tables.some((t) => span.start >= t.span.start && span.end <= t.span.end);
  const headingAt = new Map(model.sections.map((s) => [s.heading.span.start, s]));
  const items = [];
  for (const p of model.paragraphs) {
    if (inTable(p.span)) continue;
    const text1 = p.text.replace(/[\r\n]+/g, ' ').trim();
    if (!text1) continue;
    if (model.title && p.span.start === model.title.span.start) items.push({ at: p.span.start, md: `# ${text1}` });
    else if (headingAt.has(p.span.start)) items.push({ at: p.span.start, md: `## ${text1}` });
    else items.push({ at: p.span.start, md: escape(text1) });
  }
  for (const t of model.tables) {
    const out = [];
    for (const part of t.parts) {
      if (t.id === 'review') {
        // The review table has no row labels: three header rows (as the national format prints them),
        // then the fifteen counts.
        const c = part.def.columns.map((x) => x.label);
        const blank = (n) => Array(n).fill('');
        out.push(row(['行政复议', ...blank(4), '行政诉讼', ...blank(9)], 15), `|${Array(15).fill(' --- ').join('|')}|`);
        out.push(row([...c.slice(0, 5), '未经复议直接起诉', ...blank(4), '复议后起诉', ...blank(4)], 15));
        out.push(row([...blank(5), ...c.slice(5)], 15));
        for (const r of part.rows) out.push(row(r.cells.map((x) => x.raw), 15));
        out.push('');
        continue;
      }
      const width = part.def.columns.length + 1;
      if (part.caption) out.push(escape(part.caption.text.replace(/\s+/g, ' ').trim()), '');
      out.push(row([part.def.headers[0] ?? '项目', ...part.def.columns.map((c) => c.label)], width));
      out.push(`|${Array(width).fill(' --- ').join('|')}|`);
      const unknown = part === t.parts[t.parts.length - 1] ? t.unknownRows : [];
      const rows = [...part.rows, ...unknown].sort((a, b) => a.span.start - b.span.start);
      for (const r of rows) {
        const label = r.label?.text ?? r.def?.label ?? '';
        out.push(row([label, ...r.cells.map((c) => c.raw)], width));
      }
      out.push('');
    }
    items.push({ at: t.span.start, md: out.join('\n').trimEnd() });
  }
  items.sort((a, b) => a.at - b.at);
  return items.map((i) => i.md).join('\n\n') + '\n';
}

function clean(s) {
  return escape(String(s).replace(/\s+/g, ' ').trim());
}

function escape(s) {
  return s.replace(/\|/g, '\\|');
}

function row(cells, width) {
  const padded = [...cells.map(clean), ...Array(Math.max(0, width - cells.length)).fill('')];
  return `| ${padded.join(' | ')} |`;
}
