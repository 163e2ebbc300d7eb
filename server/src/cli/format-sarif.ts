// `--format sarif`: SARIF 2.1.0, one run. Regions are 1-based; columns count UTF-16 code units,
// which is both SARIF's default column kind and the engine's (LSP's) character unit.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic, Range, RuleMeta } from '../engine';
import type { FileReport } from './report';
import type { Language } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifContext {
  rules: readonly RuleMeta[];
  version: string;
  lang: Language;
  cwd: string;
}

type Level = NonNullable<Sarif.Result['level']>;

export function sarifLevel(severity: Diagnostic['severity']): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export function sarifRegion(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A relative, percent-encoded URI under %SRCROOT% (the working folder), or a file: URL outside it. */
export function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const abs = resolve(cwd, file);
  const rel = relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export function formatSarif(reports: readonly FileReport[], ctx: SarifContext): string {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.code, i]));
  const driverRules: Sarif.ReportingDescriptor[] = ctx.rules.map((r) => ({
    id: r.code,
    shortDescription: { text: r.description[ctx.lang] },
    defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
    // helpUri must be an absolute URI and the project has no public one: the help travels inline, and
    // the page's path inside the package is a property.
    help: { text: `${r.description[ctx.lang]} (docs/rules/${r.code}.md)` },
    properties: { category: r.category, docs: `docs/rules/${r.code}.md` },
  }));

  const results: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const report of reports) {
    const artifact = artifactLocation(report.file, ctx.cwd);
    if (report.error !== undefined) {
      notifications.push({
        level: 'error',
        message: { text: `${report.file}: ${report.error}` },
        locations: [{ physicalLocation: { artifactLocation: artifact } }],
      });
    }
    for (const d of report.diagnostics) {
      const result: Sarif.Result = {
        ruleId: d.code,
        level: sarifLevel(d.severity),
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, region: sarifRegion(d.range) } }],
      };
      const index = ruleIndex.get(d.code);
      if (index !== undefined) result.ruleIndex = index;
      if (d.related?.length) {
        result.relatedLocations = d.related.map((rel, id) => ({
          id,
          message: { text: rel.message },
          physicalLocation: { artifactLocation: artifact, region: sarifRegion(rel.range) },
        }));
      }
      if (d.fixes?.length) {
        result.fixes = d.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [
            {
              artifactLocation: artifact,
              replacements: fix.edits.map((e) => ({ deletedRegion: sarifRegion(e.range), insertedContent: { text: e.newText } })),
            },
          ],
        }));
      }
      results.push(result);
    }
  }

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'nianbao-lint',
        version: ctx.version,
        semanticVersion: ctx.version,
        rules: driverRules,
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd.endsWith(sep) ? ctx.cwd : ctx.cwd + sep).href } },
    columnKind: 'utf16CodeUnits',
    invocations: [
      {
        executionSuccessful: notifications.length === 0,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    results,
  };
  const log: Sarif.Log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
}
