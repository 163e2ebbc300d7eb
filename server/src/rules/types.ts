// What a rule module exports, and what it gets to look at.
import type { Diagnostic, Language, Severity, Span } from '../core/types';
import type { ReportModel } from '../model/types';
import type { Evaluation } from './relations';

export interface Localized {
  'zh-CN': string;
  en: string;
}

export interface RuleMeta {
  code: string;
  defaultSeverity: Severity;
  /** What the rule finds, one sentence per language; the docs page is generated from it. */
  description: Localized;
  /** Whether `applyFixes` (fix-all) applies this rule's fixes, and in which order (lower first). */
  fixAllOrder?: number;
  category: 'structure' | 'version' | 'cell' | 'arithmetic' | 'text';
}

/** A finding before localisation and range conversion. */
export interface RawFinding {
  code: string;
  span: Span;
  message: Localized;
  related?: { span: Span; message: Localized }[];
  data?: Record<string, unknown>;
  fixes?: RawFix[];
}

export interface RawFix {
  title: Localized;
  isPreferred?: boolean;
  edits: { span: Span; newText: string }[];
}

export interface RuleContext {
  model: ReportModel;
  evaluation: Evaluation;
  language: Language;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RawFinding[];
}

export type { Diagnostic };
