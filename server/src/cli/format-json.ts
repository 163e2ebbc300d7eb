// `--format json`: one array, one entry per file in input order, diagnostics exactly as the engine
// returns them (0-based LSP-style ranges).
import type { FileReport } from './report';

export function formatJson(reports: readonly FileReport[]): string {
  // Fixed key order, so the output is stable and diffable; optional keys only when they apply.
  const entries = reports.map((r) => ({
    file: r.file,
    templateVersion: r.templateVersion,
    year: r.year,
    yearSource: r.yearSource,
    ...(r.error !== undefined ? { error: r.error } : {}),
    ...(r.fixed ? { fixed: true } : {}),
    diagnostics: r.diagnostics,
  }));
  return JSON.stringify(entries) + '\n';
}
