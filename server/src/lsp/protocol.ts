// Custom requests and notifications between the VS Code client and the language server. Plain
// method names and payload types only (no RequestType objects), so the client, which bundles its own
// copy of the protocol library, can import this file without a version clash.

export const Methods = {
  /** Request, client → server: findings of one document, grouped by rule. */
  summary: 'nianbao/summary',
  /** Request, client → server: a blank report for a year. */
  skeleton: 'nianbao/skeleton',
  /** Notification, server → client: what was detected in a document, after each check. */
  status: 'nianbao/status',
} as const;

/** workspace/executeCommand commands the server implements (the client's commands forward to them). */
export const ServerCommands = {
  /** Arguments: [{ uri: string, version?: number }]. Applies fix-all via workspace/applyEdit. */
  fixAll: 'nianbao.server.fixAll',
} as const;

/** Client command a code lens or quick fix runs (arguments: [uri: string]). */
export const ClientCommands = {
  fixAll: 'nianbao.fixAll',
  insertSkeleton: 'nianbao.insertSkeleton',
  showSummary: 'nianbao.showSummary',
  restartServer: 'nianbao.restartServer',
} as const;

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface SummaryParams {
  uri: string;
}

export interface RuleSummary {
  code: string;
  severity: SeverityName;
  count: number;
  /** The rule's one-line description, in the document's language. */
  description: string;
  /** 0-based line of the first finding. */
  firstLine: number;
}

export interface SummaryResult {
  uri: string;
  version: number;
  isReport: boolean;
  templateVersion: '2019' | '2021' | null;
  year: number | null;
  yearSource: 'title' | 'period' | 'body' | null;
  language: 'zh-CN' | 'en';
  counts: Record<SeverityName, number>;
  /** Relations evaluated / holding / failing, over all tables. */
  relations: { evaluated: number; holding: number; failing: number };
  findings: RuleSummary[];
}

export interface SkeletonParams {
  year: number;
  /** Row layout of the tables: tab-separated (plain text, default) or markdown tables. */
  layout?: 'tab' | 'markdown';
}

export interface SkeletonResult {
  year: number;
  templateVersion: '2019' | '2021';
  text: string;
}

export interface StatusParams {
  uri: string;
  version: number;
  /** False when the document is not a report or not checked (nianbao.detectReports off). */
  isReport: boolean;
  checked: boolean;
  templateVersion: '2019' | '2021' | null;
  year: number | null;
  yearSource: 'title' | 'period' | 'body' | null;
  counts: Record<SeverityName, number>;
}

/** Options the client may pass in initialize's initializationOptions (all optional). */
export interface InitializationOptions {
  /** Debounce of checks after an edit, in ms (default 150). */
  debounceMs?: number;
  /** Documents larger than this (UTF-8 bytes) are checked in a worker thread (default 200 000). */
  workerThreshold?: number;
  /** Path of the l10n bundle for the UI language (vscode.l10n.uri.fsPath). */
  l10nBundle?: string;
}
