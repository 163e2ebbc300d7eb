// The engine's public API, used by the CLI, the language server and the tests alike.
// Built to server/out/engine.js (CommonJS): require('./server/out/engine.js').lintText(text).
import { ConfigError, mergeConfig, parseConfig } from './core/config';
import { LineIndex } from './core/text';
import type { Diagnostic, EngineConfig, Fix, Language, LintOptions, LintResult, Range, Severity, SeverityOrOff, Span, TemplateVersion } from './core/types';
import { buildModel } from './model/build';
import type { ReportModel } from './model/types';
import { evaluate, type Evaluation } from './rules/relations';
import { allRules, ruleByCode } from './rules/index';
import type { RawFinding, RuleMeta } from './rules/types';
import { applyFixAll } from './fix/apply';

export type { Diagnostic, EngineConfig, Fix, Language, LintOptions, LintResult, Range, Severity, SeverityOrOff, Span, TemplateVersion, ReportModel, Evaluation, RuleMeta };
export { ConfigError, mergeConfig, parseConfig };
export { skeleton } from './fix/skeleton';
export { LineIndex } from './core/text';
export { englishColumn, englishRow, englishSections } from './templates/english';

export interface Analysis {
  model: ReportModel;
  evaluation: Evaluation;
  result: LintResult;
  lines: LineIndex;
  /** Converts a model span to an LSP range. */
  range(span: Span): Range;
  language: Language;
}

/** Rule metadata for every rule, in catalog order. */
export const rules: readonly RuleMeta[] = allRules.map((r) => r.meta);
export const knownCodes: ReadonlySet<string> = new Set(rules.map((r) => r.code));
/** Validates a config object (e.g. a parsed `.nianbaorc.json`), naming the bad key on error. */
export function validateConfig(input: unknown, source?: string) {
  return parseConfig(input, knownCodes, source);
}

const EMPTY: LintResult = { templateVersion: null, year: null, yearSource: null, diagnostics: [] };

export function analyze(text: string, options: LintOptions = {}): Analysis {
  const language: Language = options.language ?? 'zh-CN';
  const lines = new LineIndex(text);
  const model = buildModel(text, options);
  const evaluation = evaluate(model);
  const range = (span: Span) => lines.range(span);
  if (!model.isReport) {
    return { model, evaluation, result: { ...EMPTY, diagnostics: [] }, lines, range, language };
  }
  const diagnostics: Diagnostic[] = [];
  for (const rule of allRules) {
    const severity = options.rules?.[rule.meta.code] ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    let findings: RawFinding[];
    try {
      findings = rule.check({ model, evaluation, language });
    } catch (err) {
      // One broken rule must not take the others down; front ends log `rule-error` findings once.
      findings = [];
      reportRuleError(rule.meta.code, err);
    }
    for (const f of findings) diagnostics.push(toDiagnostic(f, severity, language, lines));
  }
  diagnostics.sort(byPosition);
  const result: LintResult = {
    templateVersion: model.templateVersion,
    year: model.year,
    yearSource: model.yearSource,
    diagnostics,
  };
  return { model, evaluation, result, lines, range, language };
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  return analyze(text, options).result;
}

/**
 * Fix-all as RULES.md defines it: only arithmetic fixes, in the catalog's order, re-checked until
 * nothing fixable remains. Idempotent; a text with no arithmetic finding comes back unchanged.
 */
export function applyFixes(text: string, result?: LintResult, options: LintOptions = {}): string {
  return applyFixAll(text, result, options, lintText);
}

export type RuleErrorListener = (code: string, error: unknown) => void;
let ruleErrorListener: RuleErrorListener | undefined;
/** Front ends register a listener to log a rule's exception (the check goes on without it). */
export function onRuleError(listener: RuleErrorListener | undefined): void {
  ruleErrorListener = listener;
}
function reportRuleError(code: string, err: unknown) {
  ruleErrorListener?.(code, err);
}

function toDiagnostic(f: RawFinding, severity: Severity, language: Language, lines: LineIndex): Diagnostic {
  const d: Diagnostic = {
    code: f.code,
    severity,
    message: f.message[language],
    range: lines.range(f.span),
  };
  if (f.related?.length) d.related = f.related.map((r) => ({ range: lines.range(r.span), message: r.message[language] }));
  if (f.data) {
    const cells = f.data.cells;
    d.data = Array.isArray(cells)
      ? {
          ...f.data,
          cells: (cells as { table: string; row: string; column: string; span: Span; value: string | null }[]).map((c) => ({
            table: c.table,
            row: c.row,
            column: c.column,
            range: lines.range(c.span),
            value: c.value,
          })),
        }
      : f.data;
  }
  if (f.fixes?.length) {
    d.fixes = f.fixes.map((x) => {
      const fix: Fix = { title: x.title[language], edits: x.edits.map((e) => ({ range: lines.range(e.span), newText: e.newText })) };
      if (x.isPreferred) fix.isPreferred = true;
      return fix;
    });
  }
  return d;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

export { ruleByCode };
