// parse → report model: scan the layout, find the structure, bind each table region to the template
// version that fits it, and decide the report's version and year.
import { normalizeLabel } from '../core/text';
import type { LintOptions, Span, TemplateVersion } from '../core/types';
import { bindRegion, type BindResult } from '../parse/bind';
import type { Block } from '../parse/blocks';
import { matcherFor } from '../parse/labels';
import { looksLikeHtml, scanHtml } from '../parse/scan-html';
import { scanText } from '../parse/scan-text';
import { templateFor, templates } from '../templates/registry';
import type { TemplateDef } from '../templates/schema';
import { findStructure, findYear } from './structure';
import type { BoundTable, Paragraph, ReportModel } from './types';

const MAX_CHARS = 20_000_000;

// Tells: labels a template has that the other national format lacks (evidence for detection).
const tellsDone = new WeakSet<TemplateDef>();
function ensureTells() {
  for (const t of templates()) {
    if (tellsDone.has(t)) continue;
    matcherFor(t).computeTells(matcherFor(templateFor(t.version === '2019' ? '2021' : '2019')));
    tellsDone.add(t);
  }
}

function emptyModel(text: string): ReportModel {
  return {
    text,
    isReport: false,
    title: null,
    year: null,
    yearSource: null,
    yearEvidence: {},
    templateVersion: null,
    template: null,
    versionEvidence: [],
    layout: 'text',
    tableLayout: 'tab',
    body: { start: 0, end: text.length },
    attachments: [],
    sections: [],
    tables: [],
    paragraphs: [],
  };
}

const REPORT_TITLE = /政府信息公开|政府資訊公開|政务公开/;
const REPORT_KIND = /年度报告|年報|年报|年度報告/;
const SEE_ATTACHMENT = /(?:详|具体|请)?见附件|附件[一二三1-9]?(?:中|所列)/;
const T3_LABEL = /本年新收政府信息公开申请数量|上年结转政府信息公开申请数量/;

export function buildModel(text: string, options: LintOptions = {}): ReportModel {
  if (text.length > MAX_CHARS || text.indexOf('\u0000') >= 0) return emptyModel(text);
  ensureTells();
  const html = looksLikeHtml(text);
  const blocks: Block[] = html ? scanHtml(text) : scanText(text);
  const base = templateFor('2021');
  const paragraphs: Paragraph[] = [];
  for (const b of blocks) if (b.kind === 'para') paragraphs.push(b.para);

  const structure = findStructure(text, blocks, base, html);
  const bodySections = structure.sections.filter((s) => !s.inAttachment);

  // Is it a report at all?
  const head = paragraphs.slice(0, 8).map((p) => p.text).join('\n');
  const distinct = new Set(bodySections.map((s) => s.id)).size;
  const isReport =
    options.assumeReport === true ||
    (REPORT_TITLE.test(head) && REPORT_KIND.test(head)) ||
    distinct >= 3 ||
    hasT3Labels(blocks);
  if (!isReport) return { ...emptyModel(text), layout: html ? 'html' : 'text', paragraphs };

  const yearInfo = findYear(structure.title, blocks, structure.sections, structure.body);

  // Table regions: each present body section with tables, plus the tables of missing sections that
  // would have followed it (their heading was lost, so their rows sit in the previous section).
  const regions = tableRegions(base, bodySections, structure.body);
  // Where the body says its tables are in an attachment (详见附件), bind the attachment's tables to the
  // body's sections: regions of attachment sections whose body section has no rows of its own.
  if (structure.attachments.length && SEE_ATTACHMENT.test(text.slice(0, structure.body.end))) {
    const hasRows = (r: Region) => blocks.some((x) => x.kind === 'row' && inSpan(x, r.span));
    const wanting = new Set<string>();
    for (const r of regions) if (!hasRows(r)) for (const id of r.tables) wanting.add(id);
    const attSections = structure.sections.filter((s) => s.inAttachment);
    if (attSections.length) {
      for (const r of tableRegions(base, attSections, { start: 0, end: text.length })) {
        const ids = new Set([...r.tables].filter((id) => wanting.has(id)));
        if (ids.size) regions.push({ span: r.span, tables: internSet(ids) });
      }
    } else if (wanting.size) {
      // an attachment without section headings (附件：…统计表): the whole attachment
      for (const a of structure.attachments) regions.push({ span: a, tables: internSet(wanting) });
    }
  }
  const override = options.template && options.template !== 'auto' ? options.template : null;
  const fallback: TemplateVersion = override ?? (yearInfo.year !== null && yearInfo.year <= 2020 ? '2019' : '2021');
  // The year's national format first; the others only where it does not explain a region perfectly.
  const candidates = templates()
    .filter((t) => !override || t.version === override)
    .sort((a, b) => rankTemplate(a, fallback) - rankTemplate(b, fallback));
  const perRegion = regions.map((r) => {
    const regionBlocks = blocks.filter((b) => inSpan(b, r.span) && !structure.headingBlocks.has(b));
    const results: Binding[] = [];
    for (const t of candidates) {
      const result = bindRegion(text, t, r.tables, regionBlocks);
      results.push({ template: t, result });
      if (results.length === 1 && perfectFit(t, r.tables, result)) break;
    }
    return results;
  });
  const tables = chooseTables(perRegion, fallback);

  // The report's version: table 二 decides when it has evidence, else the tables' majority of evidence.
  let templateVersion: TemplateVersion | null = null;
  const withTells = tables.filter((t) => t.tells.length > 0);
  const proactive = withTells.find((t) => t.id === 'proactive');
  if (override) templateVersion = override;
  else if (proactive) templateVersion = proactive.version;
  else if (withTells.length) templateVersion = withTells[0]!.version;
  else if (tables.length) templateVersion = fallback;
  const versionEvidence = tables.filter((t) => t.version === templateVersion).flatMap((t) => t.tells);

  return {
    text,
    isReport: true,
    title: structure.title,
    year: yearInfo.year,
    yearSource: yearInfo.source,
    yearEvidence: yearInfo.evidence,
    templateVersion,
    template: templateVersion ? templateFor(templateVersion) : null,
    versionEvidence,
    layout: html ? 'html' : 'text',
    tableLayout: dominantLayout(blocks, html),
    body: structure.body,
    attachments: structure.attachments,
    sections: structure.sections,
    tables,
    paragraphs,
  };
}

function dominantLayout(blocks: Block[], html: boolean): ReportModel['tableLayout'] {
  if (html) return 'html';
  const counts = new Map<ReportModel['tableLayout'], number>();
  for (const b of blocks) if (b.kind === 'row') counts.set(b.layout, (counts.get(b.layout) ?? 0) + 1);
  let best: ReportModel['tableLayout'] = 'tab';
  let n = 0;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}

function inSpan(b: Block, span: Span): boolean {
  const s = b.kind === 'para' ? b.para.span.start : b.span.start;
  return s >= span.start && s < span.end;
}

function hasT3Labels(blocks: Block[]): boolean {
  let seen = 0;
  for (const b of blocks) {
    if (b.kind !== 'row') continue;
    for (const f of b.fields) if (T3_LABEL.test(normalizeLabel(f.raw))) return true;
    if (++seen > 400) break;
  }
  return false;
}

// Interned table-id sets, so label matches can be memoised per set across analyses.
const interned = new Map<string, Set<string>>();
function internSet(ids: Set<string>): Set<string> {
  const key = [...ids].sort().join(',');
  let s = interned.get(key);
  if (!s) {
    s = ids;
    interned.set(key, s);
  }
  return s;
}

interface Region {
  span: Span;
  tables: Set<string>;
}

function tableRegions(template: TemplateDef, sections: ReportModel['sections'], body: Span): Region[] {
  const order = template.sections.map((s) => s.id);
  const present = new Set(sections.map((s) => s.id));
  const regions: Region[] = [];
  const tablesOf = (sectionId: string) => template.tables.filter((t) => t.section === sectionId).map((t) => t.id);
  for (const s of sections) {
    const ids = new Set(tablesOf(s.id));
    // tables of following sections that are missing from the body
    for (let i = order.indexOf(s.id) + 1; i < order.length; i++) {
      const next = order[i]!;
      if (present.has(next)) break;
      for (const id of tablesOf(next)) ids.add(id);
    }
    if (ids.size) regions.push({ span: { start: s.content.start, end: Math.min(s.span.end, body.end) }, tables: internSet(ids) });
  }
  return regions;
}

function score(stats: { matched: number; unknown: number; unbound: number; tells: number } | undefined): number {
  if (!stats) return -Infinity;
  return stats.matched * 2 + stats.tells * 5 - stats.unknown * 2 - stats.unbound * 0.5;
}

interface Binding {
  template: TemplateDef;
  result: BindResult;
}

function rankTemplate(t: TemplateDef, preferred: TemplateVersion): number {
  return (t.version === preferred ? 0 : 2) + (t.variant ? 1 : 0);
}

/** Every table of the region bound, every template row found, nothing unknown or unbound. */
function perfectFit(t: TemplateDef, tables: ReadonlySet<string>, r: BindResult): boolean {
  for (const id of tables) {
    const def = t.tables.find((x) => x.id === id);
    const bound = r.tables.find((x) => x.id === id);
    const st = r.stats.get(id);
    if (!def || !bound || !st || st.unknown || st.unbound) return false;
    if (bound.rowIndex.size !== def.parts.reduce((n, p) => n + p.rows.length, 0)) return false;
  }
  return true;
}

/**
 * Picks, per table, the template (national format or provincial variant) that explains it best.
 * Ties go to the report's version (set by table 二 when it has evidence, else by the year), and
 * between a national format and its variants to the national format.
 */
function chooseTables(perRegion: Binding[][], fallback: TemplateVersion): BoundTable[] {
  let preferred = fallback;
  const chosen: BoundTable[] = [];
  for (const bindings of perRegion) {
    const ids = new Set<string>();
    for (const b of bindings) for (const t of b.result.tables) ids.add(t.id);
    const ordered = [...ids].sort((a, b) => (a === 'proactive' ? -1 : b === 'proactive' ? 1 : 0));
    for (const id of ordered) {
      const cands = bindings
        .map((b) => {
          const t = b.result.tables.find((x) => x.id === id);
          return t ? { b, t, s: score(b.result.stats.get(id)) } : null;
        })
        .filter((x): x is { b: Binding; t: BoundTable; s: number } => x !== null);
      if (!cands.length) continue;
      cands.sort((a, b) => b.s - a.s || rankTemplate(a.b.template, preferred) - rankTemplate(b.b.template, preferred));
      const t = cands[0]!.t;
      if (id === 'proactive' && t.tells.length) preferred = t.version;
      chosen.push(t);
    }
  }
  return chosen.sort((a, b) => a.span.start - b.span.start);
}
