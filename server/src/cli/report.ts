// One checked file, as the formatters see it. Its public shape is the JSON output's entry.
import type { Diagnostic, LintResult } from '../engine';

export interface FileReport {
  file: string;
  templateVersion: LintResult['templateVersion'];
  year: LintResult['year'];
  yearSource: LintResult['yearSource'];
  /** Why the file could not be checked (unreadable, bad config, …). */
  error?: string;
  /** `--fix` rewrote the file; `diagnostics` are those of the fixed text. */
  fixed?: boolean;
  diagnostics: Diagnostic[];
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export function countSeverities(reports: readonly FileReport[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) for (const d of r.diagnostics) counts[d.severity]++;
  return counts;
}
