// The language server: a thin adapter between LSP and the engine. Every check, fix and explanation
// comes from the engine (../engine.ts); this file wires documents, settings and requests to it.
// Layout of this folder: checker.ts (when/where to check, staleness), facts.ts (what the views
// show, computed from one analysis), settings.ts (nianbao.* and .nianbaorc.json), convert.ts (LSP
// shapes), pool.ts + worker.ts (large documents off the connection's thread), diff.ts (minimal edits).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type CodeAction,
  type CodeLens,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, onRuleError, rules, skeleton, type LintResult } from '../engine';
import type { Language } from '../core/types';
import { Checker, type CheckEntry } from './checker';
import {
  FIX_ALL_KIND,
  SOURCE,
  kindRequested,
  positionIn,
  rangesOverlap,
  sameRange,
  toLspDiagnostic,
  workspaceEdit,
  type DiagnosticPayload,
} from './convert';
import { minimalEdits } from './diff';
import type { DocumentFacts, HoverEntry } from './facts';
import { WorkerPool, type RuleErrorReport } from './pool';
import {
  Methods,
  ServerCommands,
  type InitializationOptions,
  type SeverityName,
  type SkeletonParams,
  type SkeletonResult,
  type StatusParams,
  type SummaryParams,
  type SummaryResult,
} from './protocol';
import { RC_FILE, Settings, languageOfLocale } from './settings';
import { strings } from './strings';

/** The extension's folder: this file is bundled to <root>/server/out/server.js. */
const extensionRoot = resolve(__dirname, '..', '..');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

const fixAllCodes = new Set(rules.filter((r) => r.fixAllOrder !== undefined).map((r) => r.code));

let settings: Settings;
let pool: WorkerPool;
let checker: Checker;
let uiLanguage: Language = 'zh-CN';
let supportsDocumentChanges = false;
let supportsConfiguration = false;
let supportsCodeLensRefresh = false;
let supportsInlayRefresh = false;
let dynamicConfiguration = false;
let dynamicWatchers = false;

// ---------------------------------------------------------------------------------------------
// Logging and robustness

function log(message: string): void {
  connection.console.log(message);
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

const loggedRuleErrors = new Set<string>();
function ruleError(code: string, message: string): void {
  if (loggedRuleErrors.has(code)) return;
  loggedRuleErrors.add(code);
  connection.console.error(`rule ${code} threw; its findings are skipped (logged once per rule): ${message}`);
}
onRuleError((code, err) => ruleError(code, describe(err)));

/** Any exception in a handler is logged and answered with `fallback`; the server stays up. */
function guard<P, R>(name: string, fallback: R, fn: (params: P, token: CancellationToken) => Promise<R> | R) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    try {
      return await fn(params, token);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      connection.console.error(`${name} failed: ${describe(err)}`);
      return fallback;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Initialization

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  uiLanguage = languageOfLocale(params.locale);
  supportsDocumentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
  supportsConfiguration = caps.workspace?.configuration === true;
  supportsCodeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
  supportsInlayRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
  dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  dynamicWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;

  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  const num = (v: unknown, env: string | undefined, dflt: number) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : env !== undefined && Number.isFinite(Number(env)) ? Number(env) : dflt;
  const debounceMs = num(init.debounceMs, process.env.NIANBAO_DEBOUNCE_MS, 150);
  const workerThreshold = num(init.workerThreshold, process.env.NIANBAO_WORKER_THRESHOLD, 200_000);

  // Window messages follow the UI language: the client passes its l10n bundle; otherwise use ours.
  const bundle =
    typeof init.l10nBundle === 'string' && existsSync(init.l10nBundle)
      ? init.l10nBundle
      : uiLanguage === 'zh-CN'
        ? join(extensionRoot, 'l10n', 'bundle.l10n.zh-cn.json')
        : undefined;
  if (bundle && existsSync(bundle)) {
    try {
      l10n.config({ fsPath: bundle });
    } catch (err) {
      log(`could not load l10n bundle ${bundle}: ${describe(err)}`);
    }
  }

  settings = new Settings({
    uiLanguage,
    log,
    showError: (message) => void connection.window.showErrorMessage(message),
    getConfiguration: (uri) =>
      supportsConfiguration ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'nianbao' }) : Promise.resolve(undefined),
  });
  pool = new WorkerPool(join(__dirname, 'worker.js'), 2, (errors: RuleErrorReport[]) => {
    for (const e of errors) ruleError(e.code, e.message);
  });
  checker = new Checker(
    {
      get: (uri) => documents.get(uri),
      all: () => documents.all(),
      publish,
      log,
    },
    settings,
    pool,
    debounceMs,
    workerThreshold,
  );

  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentSymbolProvider: { label: 'nianbao' },
      foldingRangeProvider: true,
      inlayHintProvider: { resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      executeCommandProvider: { commands: [ServerCommands.fixAll] },
    },
    serverInfo: { name: 'nianbao-lint', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
  if (dynamicWatchers) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${RC_FILE}` }] });
  }
});

connection.onShutdown(() => pool?.dispose());

// ---------------------------------------------------------------------------------------------
// Documents and diagnostics

const opened = new Set<string>();

documents.onDidChangeContent((e) => {
  const first = !opened.has(e.document.uri);
  opened.add(e.document.uri);
  checker.changed(e.document.uri, first);
});

documents.onDidClose((e) => {
  opened.delete(e.document.uri);
  checker.closed(e.document.uri);
  settings.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

function publish(uri: string, version: number, entry: CheckEntry): void {
  const diagnostics = entry.facts.diagnostics.map((d) => toLspDiagnostic(d, uri, version, extensionRoot));
  void connection.sendDiagnostics({ uri, version, diagnostics });
  const status: StatusParams = {
    uri,
    version,
    isReport: entry.facts.isReport,
    checked: entry.checked,
    templateVersion: entry.facts.templateVersion,
    year: entry.facts.year,
    yearSource: entry.facts.yearSource,
    counts: countBySeverity(entry.facts),
  };
  void connection.sendNotification(Methods.status, status);
}

function countBySeverity(facts: DocumentFacts): Record<SeverityName, number> {
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of facts.diagnostics) counts[d.severity]++;
  return counts;
}

function refreshViews(): void {
  if (supportsCodeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  if (supportsInlayRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
}

connection.onDidChangeConfiguration(() => {
  settings.clear();
  checker.invalidateAll();
  refreshViews();
});

connection.onDidChangeWatchedFiles((p) => {
  if (!p.changes.some((c) => c.uri.endsWith(`/${RC_FILE}`))) return;
  settings.clearRcFiles();
  checker.invalidateAll();
  refreshViews();
});

// ---------------------------------------------------------------------------------------------
// Views: hover, outline, folding, inlay hints, code lenses

function findHover(hovers: HoverEntry[], pos: { line: number; character: number }): HoverEntry | undefined {
  // Prefer a range that strictly contains the position; a blank cell's empty range matches at its spot.
  const strict = hovers.filter((h) => positionIn(pos, h.range, false));
  const pool = strict.length ? strict : hovers.filter((h) => positionIn(pos, h.range, true));
  let best: HoverEntry | undefined;
  for (const h of pool) {
    if (!best || size(h.range) < size(best.range)) best = h;
  }
  return best;
}

function size(r: { start: { line: number; character: number }; end: { line: number; character: number } }): number {
  return (r.end.line - r.start.line) * 100_000 + (r.end.character - r.start.character);
}

connection.onHover(
  guard('hover', null, async (p, token): Promise<Hover | null> => {
    const entry = await checker.ensure(p.textDocument.uri);
    if (!entry || token.isCancellationRequested) return null;
    const h = findHover(entry.facts.hovers, p.position);
    return h ? { contents: { kind: 'markdown', value: h.markdown }, range: h.range } : null;
  }),
);

connection.onDocumentSymbol(
  guard('documentSymbol', null, async (p) => {
    const entry = await checker.ensure(p.textDocument.uri);
    return entry?.facts.symbols ?? null;
  }),
);

connection.onFoldingRanges(
  guard('foldingRange', null, async (p) => {
    const entry = await checker.ensure(p.textDocument.uri);
    return entry?.facts.folding ?? null;
  }),
);

connection.languages.inlayHint.on(
  guard('inlayHint', null, async (p) => {
    const entry = await checker.ensure(p.textDocument.uri);
    if (!entry) return null;
    return entry.facts.inlays.filter((h) => positionIn(h.position, p.range, true));
  }),
);

connection.onCodeLens(
  guard('codeLens', null, async (p): Promise<CodeLens[] | null> => {
    const entry = await checker.ensure(p.textDocument.uri);
    if (!entry) return null;
    return entry.facts.lenses.map((l) => ({
      range: l.range,
      command: l.fixable
        ? { title: l.title, command: ServerCommands.fixAll, arguments: [{ uri: p.textDocument.uri }] }
        : { title: l.title, command: '' },
    }));
  }),
);

// ---------------------------------------------------------------------------------------------
// Code actions and fix-all

function resultOf(facts: DocumentFacts): LintResult {
  return { templateVersion: facts.templateVersion, year: facts.year, yearSource: facts.yearSource, diagnostics: facts.diagnostics };
}

/** The minimal edits fix-all makes to the document as it is now; null if it changed meanwhile. */
async function fixAllEdits(uri: string): Promise<{ version: number; edits: TextEdit[] } | null> {
  const doc = documents.get(uri);
  if (!doc) return null;
  const version = doc.version;
  const text = doc.getText();
  const entry = await checker.ensure(uri);
  if (!entry || documents.get(uri)?.version !== version) return null;
  if (!entry.checked || !entry.facts.isReport) return { version, edits: [] };
  let fixed: string;
  if (checker.isLarge(text)) {
    const reply = await pool.run(uri, { kind: 'fixAll', text, options: entry.settings.options });
    if (reply.kind !== 'fixAll') throw new Error('unexpected worker reply');
    fixed = reply.fixed;
  } else {
    fixed = applyFixes(text, resultOf(entry.facts), entry.settings.options);
  }
  if (documents.get(uri)?.version !== version) return null;
  return { version, edits: minimalEdits(text, fixed) };
}

function hasFixAllWork(facts: DocumentFacts): boolean {
  return facts.diagnostics.some((d) => fixAllCodes.has(d.code) && d.fixes?.length);
}

interface FixAllActionData {
  uri: string;
  version: number;
}

connection.onCodeAction(
  guard('codeAction', null, async (p): Promise<CodeAction[] | null> => {
    const uri = p.textDocument.uri;
    const doc = documents.get(uri);
    if (!doc) return null;
    const entry = await checker.ensure(uri);
    if (!entry) return null;
    const s = strings(entry.settings.options.language);
    const only = p.context.only;
    const actions: CodeAction[] = [];

    if (kindRequested(CodeActionKind.QuickFix, only)) {
      let offerFixAll = false;
      const ours = p.context.diagnostics.filter((d) => d.source === SOURCE && rangesOverlap(d.range, p.range));
      for (const diag of ours) {
        const fixes = fixesFor(diag, entry, doc.version);
        for (const fix of fixes) {
          const action: CodeAction = {
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diag],
            edit: workspaceEdit(uri, doc.version, fix.edits, supportsDocumentChanges),
          };
          if (fix.isPreferred) action.isPreferred = true;
          actions.push(action);
        }
        if (typeof diag.code === 'string' && fixAllCodes.has(diag.code) && fixes.length) offerFixAll = true;
      }
      if (offerFixAll) {
        actions.push({
          title: s.fixAllQuick,
          kind: CodeActionKind.QuickFix,
          command: { title: s.fixAllTitle, command: ServerCommands.fixAll, arguments: [{ uri }] },
        });
      }
    }

    if (kindRequested(FIX_ALL_KIND, only) && hasFixAllWork(entry.facts)) {
      const explicit = !!only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`));
      const action: CodeAction = { title: s.fixAllTitle, kind: FIX_ALL_KIND };
      if (explicit) {
        // On save (editor.codeActionsOnSave) or an explicit request: compute the edit now.
        const res = await fixAllEdits(uri);
        if (res && res.edits.length) {
          action.edit = workspaceEdit(uri, res.version, res.edits, supportsDocumentChanges);
          actions.push(action);
        }
      } else {
        // Light-bulb menus: computed on resolve, only if chosen.
        const data: FixAllActionData = { uri, version: doc.version };
        action.data = data;
        actions.push(action);
      }
    }
    return actions;
  }),
);

connection.onCodeActionResolve(
  guard('codeActionResolve', null as unknown as CodeAction, async (action: CodeAction): Promise<CodeAction> => {
    const data = action.data as FixAllActionData | undefined;
    if (action.kind !== FIX_ALL_KIND || !data?.uri) return action;
    const res = await fixAllEdits(data.uri);
    if (res) action.edit = workspaceEdit(data.uri, res.version, res.edits, supportsDocumentChanges);
    return action;
  }),
);

/** The fixes of a diagnostic the client sent back: from the current check, or from its data if still current. */
function fixesFor(diag: LspDiagnostic, entry: CheckEntry, version: number) {
  const match = entry.facts.diagnostics.find((d) => d.code === diag.code && sameRange(d.range, diag.range));
  if (match && entry.version === version) return match.fixes ?? [];
  const data = diag.data as DiagnosticPayload | undefined;
  if (data && data.version === version && Array.isArray(data.fixes)) return data.fixes;
  return [];
}

connection.onExecuteCommand(
  guard('executeCommand', null, async (p) => {
    if (p.command !== ServerCommands.fixAll) return null;
    const arg: unknown = p.arguments?.[0];
    const uri = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'uri' in arg && typeof arg.uri === 'string' ? arg.uri : undefined;
    if (!uri) throw new ResponseError(ErrorCodes.InvalidParams, `${ServerCommands.fixAll}: expected a document URI`);
    const res = await fixAllEdits(uri);
    if (!res) return { applied: false, edits: 0, reason: 'stale' };
    if (!res.edits.length) return { applied: true, edits: 0 };
    const entry = checker.current(uri);
    const label = strings(entry?.settings.options.language ?? uiLanguage).fixAllTitle;
    const r = await connection.workspace.applyEdit({ label, edit: workspaceEdit(uri, res.version, res.edits, supportsDocumentChanges) });
    return { applied: r.applied, edits: res.edits.length, reason: r.failureReason };
  }),
);

// ---------------------------------------------------------------------------------------------
// Custom requests for the client

connection.onRequest(
  Methods.summary,
  guard('summary', null, async (p: SummaryParams): Promise<SummaryResult | null> => {
    const entry = await checker.ensure(p.uri);
    if (!entry) return null;
    const f = entry.facts;
    const byCode = new Map<string, { severity: SeverityName; count: number; firstLine: number }>();
    for (const d of f.diagnostics) {
      const e = byCode.get(d.code);
      if (e) e.count++;
      else byCode.set(d.code, { severity: d.severity, count: 1, firstLine: d.range.start.line });
    }
    const lang = f.language;
    const order = new Map(rules.map((r, i) => [r.code, i]));
    return {
      uri: p.uri,
      version: entry.version,
      isReport: f.isReport,
      templateVersion: f.templateVersion,
      year: f.year,
      yearSource: f.yearSource,
      language: lang,
      counts: countBySeverity(f),
      relations: f.relations,
      findings: [...byCode]
        .sort(([a], [b]) => (order.get(a) ?? 999) - (order.get(b) ?? 999))
        .map(([code, e]) => ({
          code,
          severity: e.severity,
          count: e.count,
          firstLine: e.firstLine,
          description: rules.find((r) => r.code === code)?.description[lang] ?? code,
        })),
    };
  }),
);

connection.onRequest(Methods.skeleton, (p: SkeletonParams): SkeletonResult => {
  const year = Number(p?.year);
  if (!Number.isInteger(year) || year < 2019 || year > 2100) {
    throw new ResponseError(ErrorCodes.InvalidParams, `nianbao/skeleton: year must be 2019 or later (got ${String(p?.year)})`);
  }
  try {
    const text = skeleton(year, p.layout === 'markdown' ? 'markdown' : 'tab');
    return { year, templateVersion: year <= 2020 ? '2019' : '2021', text };
  } catch (err) {
    connection.console.error(`skeleton failed: ${describe(err)}`);
    throw new ResponseError(ErrorCodes.InternalError, `nianbao/skeleton failed: ${err instanceof Error ? err.message : String(err)}`);
  }
});

// Over IPC (how VS Code starts the server) a closed channel means the client is gone for good: exit
// rather than linger. (Over stdio vscode-languageserver exits when stdin ends; over IPC it only polls
// the client's process id, which may outlive the channel.) 1, as for an exit without shutdown.
process.on('disconnect', () => process.exit(1));

// Last resort: log instead of dying on an exception that escaped every handler.
process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${describe(err)}`));
process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${describe(err)}`));

documents.listen(connection);
connection.listen();
