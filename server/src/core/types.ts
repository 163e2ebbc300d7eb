// The engine's public data types. Nothing here knows about LSP or VS Code, but positions follow
// LSP's conventions (0-based line, UTF-16 character) so front ends can pass them through unchanged.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';
export type Language = 'zh-CN' | 'en';
export type TemplateVersion = '2019' | '2021';
export type YearSource = 'title' | 'period' | 'body';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of UTF-16 offsets into the analysed text. Internal currency of the engine. */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  isPreferred?: boolean;
  edits: TextEdit[];
}

export interface RelatedInfo {
  range: Range;
  message: string;
}

/** One finding, as the CLI's JSON prints it and the language server maps it. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInfo[];
  data?: DiagnosticData;
  fixes?: Fix[];
}

/** Machine-readable details. Arithmetic findings always carry relation, reported, computed and cells. */
export interface DiagnosticData {
  relation?: string;
  reported?: string | null;
  computed?: string;
  cells?: CellRef[];
  table?: string;
  row?: string;
  column?: string;
  [key: string]: unknown;
}

export interface CellRef {
  table: string;
  row: string;
  column: string;
  range: Range;
  value: string | null;
}

/** What `lintText` returns: one entry of the CLI's JSON, without `file`. */
export interface LintResult {
  templateVersion: TemplateVersion | null;
  year: number | null;
  yearSource: YearSource | null;
  diagnostics: Diagnostic[];
}

export interface EngineConfig {
  rules?: Record<string, SeverityOrOff>;
  template?: 'auto' | TemplateVersion;
  language?: Language;
}

export interface LintOptions extends EngineConfig {
  /** Force treating the text as a report even when detection says it is not. */
  assumeReport?: boolean;
}
