// Fix-all (RULES.md): only arithmetic fixes, in the catalog's order (suspect-cell, total-blank,
// row-total, review-total, column-total), never balance, insertions or heading changes. Each pass
// applies the fixes of the first code that has any, then re-checks, so later fixes see earlier ones;
// it stops when nothing fixable remains, which makes a second run a no-op.
import type { Diagnostic, LintOptions, LintResult, Position } from '../core/types';
import { LineIndex } from '../core/text';
import { fixAllCodes } from '../rules/index';

const MAX_PASSES = 12;

export function applyFixAll(
  text: string,
  result: LintResult | undefined,
  options: LintOptions,
  lint: (text: string, options: LintOptions) => LintResult,
): string {
  let current = text;
  let res = result ?? lint(current, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const code = fixAllCodes.find((c) => res.diagnostics.some((d) => d.code === c && d.fixes?.length));
    if (!code) break;
    const next = applyDiagnosticsFixes(current, res.diagnostics.filter((d) => d.code === code));
    if (next === current) break;
    current = next;
    res = lint(current, options);
  }
  return current;
}

/** Applies the preferred (or first) fix of each diagnostic; overlapping edits after the first are skipped. */
export function applyDiagnosticsFixes(text: string, diagnostics: Diagnostic[]): string {
  const lines = new LineIndex(text);
  const edits: { start: number; end: number; newText: string }[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.isPreferred) ?? d.fixes?.[0];
    if (!fix) continue;
    for (const e of fix.edits) edits.push({ start: off(lines, e.range.start), end: off(lines, e.range.end), newText: e.newText });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

function off(lines: LineIndex, p: Position): number {
  return lines.offset(p);
}
