// A minimal LSP client for the server tests: spawns `node server/out/server.js --stdio`, speaks real
// LSP over its stdio, answers the server's requests (workspace/configuration, applyEdit,
// registrations, refreshes) and records what it publishes. Every wait is on an event, with a timeout.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import {
  ApplyWorkspaceEditRequest,
  CodeLensRefreshRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  InlayHintRefreshRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ApplyWorkspaceEditParams,
  type Diagnostic,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/lsp/diff';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS_DIR = join(REPO, 'test/fixtures/seeds');
export const SEEDS = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
export const SERVER = join(REPO, 'server/out/server.js');

export function seedText(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

export function seedUri(name: string): string {
  return pathToFileURL(join(SEEDS_DIR, name)).href;
}

/**
 * Builds the bundles with scripts/build.mjs, once even when test files run in parallel: a lock
 * directory serialises the builds, and `--if-needed` makes every build after the first a no-op.
 */
export async function buildOnce(): Promise<void> {
  // For working on the server alone with bundles built by hand (e.g. while another bundle is broken).
  if (process.env.NIANBAO_SKIP_BUILD === '1') return;
  const lock = join(tmpdir(), `nianbao-build-${Buffer.from(REPO).toString('hex').slice(-24)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after a minute.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 60_000) rmdirSync(lock);
      } catch {
        /* gone already */
      }
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held too long`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: REPO, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}

export type Settings = Record<string, unknown>;

export interface Doc {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

interface Waiter<T> {
  test(value: T): boolean;
  resolve(value: T): void;
}

export interface ClientOptions {
  locale?: string;
  initializationOptions?: Record<string, unknown>;
  /** Per-URI `nianbao` settings (workspace/configuration answers). */
  settings?: (uri: string | undefined) => Settings;
  /** Advertise workspace.configuration (default true). */
  configuration?: boolean;
  env?: NodeJS.ProcessEnv;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly proc: ChildProcess;
  readonly docs = new Map<string, Doc>();
  /** Latest publishDiagnostics per URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly configurationRequests: (string | undefined)[] = [];
  settings: (uri: string | undefined) => Settings;
  stderr = '';
  private waiters: Waiter<PublishDiagnosticsParams>[] = [];
  private messageWaiters: Waiter<ShowMessageParams>[] = [];
  private notificationWaiters: Waiter<{ method: string; params: unknown }>[] = [];
  private configurationWaiters: Waiter<string | undefined>[] = [];

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? (() => ({}));
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: REPO, env: { ...process.env, ...options.env }, stdio: 'pipe' });
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    const onMessage = (p: ShowMessageParams) => {
      this.messages.push(p);
      this.messageWaiters = this.messageWaiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    };
    c.onNotification(ShowMessageNotification.type, onMessage);
    c.onRequest(ShowMessageRequest.type, (p) => {
      onMessage({ type: p.type, message: p.message });
      return null;
    });
    c.onNotification(LogMessageNotification.type, (p: LogMessageParams) => {
      this.logs.push(p.message);
    });
    for (const method of ['nianbao/status']) {
      c.onNotification(method, (params: unknown) => {
        const n = { method, params };
        this.notifications.push(n);
        this.notificationWaiters = this.notificationWaiters.filter((w) => (w.test(n) ? (w.resolve(n), false) : true));
      });
    }
    c.onRequest(ConfigurationRequest.type, (p) =>
      p.items.map((item) => {
        this.configurationRequests.push(item.scopeUri);
        this.configurationWaiters = this.configurationWaiters.filter((w) => (w.test(item.scopeUri) ? (w.resolve(item.scopeUri), false) : true));
        return item.section === 'nianbao' ? this.settings(item.scopeUri) : null;
      }),
    );
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onRequest(CodeLensRefreshRequest.type, () => undefined);
    c.onRequest(InlayHintRefreshRequest.type, () => undefined);
    c.onRequest(ApplyWorkspaceEditRequest.type, (p: ApplyWorkspaceEditParams) => {
      this.applyWorkspaceEdit(p.edit);
      return { applied: true };
    });
    c.listen();
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(REPO).href,
      locale: this.options.locale ?? 'zh-CN',
      capabilities: {
        workspace: {
          configuration: this.options.configuration !== false,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
          applyEdit: true,
          codeLens: { refreshSupport: true },
          inlayHint: { refreshSupport: true },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, resolveSupport: { properties: ['edit'] }, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
      initializationOptions: { debounceMs: 30, ...this.options.initializationOptions },
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async dispose(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 2000, 'shutdown');
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      /* the process is killed below anyway */
    }
    const exited = new Promise<void>((r) => this.proc.once('exit', () => r()));
    if (this.proc.exitCode === null) {
      setTimeout(() => this.proc.kill(), 1000).unref();
      await exited;
    }
    this.connection.dispose();
  }

  open(uri: string, text: string, languageId = 'plaintext'): Doc {
    const doc: Doc = { uri, languageId, version: 1, text };
    this.docs.set(uri, doc);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  /** Sends an incremental change made of `edits` (ranges in the current text). */
  edit(uri: string, edits: TextEdit[]): Doc {
    const doc = this.docs.get(uri)!;
    doc.text = applyEdits(doc.text, edits);
    doc.version++;
    // LSP applies the changes of one notification in order; send them last-first so earlier ranges stay valid.
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: doc.version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return doc;
  }

  /** Replaces the whole text (a full-content change). */
  replace(uri: string, text: string): Doc {
    const doc = this.docs.get(uri)!;
    doc.text = text;
    doc.version++;
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
    return doc;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  changeConfiguration(settings: (uri: string | undefined) => Settings): void {
    this.settings = settings;
    void this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  rcChanged(uri: string): void {
    void this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: 2 }] });
  }

  /** Resolves with the first publishDiagnostics for `uri` (from now or already received) that satisfies `test`. */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeout = 10_000, includeLatest = true): Promise<PublishDiagnosticsParams> {
    const latest = this.diagnostics.get(uri);
    if (includeLatest && latest && test(latest)) return Promise.resolve(latest);
    return withTimeout(
      new Promise<PublishDiagnosticsParams>((resolve) => this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve })),
      timeout,
      `diagnostics for ${uri}`,
    );
  }

  /** Diagnostics published for the document's current version. */
  diagnosticsForCurrent(uri: string, timeout = 10_000): Promise<Diagnostic[]> {
    const doc = this.docs.get(uri)!;
    return this.waitForDiagnostics(uri, (p) => p.version === doc.version, timeout).then((p) => p.diagnostics);
  }

  /** Resolves when the server next asks for the settings of `uri` (a check is about to start). */
  waitForConfigurationRequest(uri: string, timeout = 10_000): Promise<void> {
    return withTimeout(
      new Promise<string | undefined>((resolve) => this.configurationWaiters.push({ test: (u) => u === uri, resolve })),
      timeout,
      `workspace/configuration for ${uri}`,
    ).then(() => undefined);
  }

  waitForMessage(test: (m: ShowMessageParams) => boolean, timeout = 10_000): Promise<ShowMessageParams> {
    const found = this.messages.find(test);
    if (found) return Promise.resolve(found);
    return withTimeout(new Promise((resolve) => this.messageWaiters.push({ test, resolve })), timeout, 'showMessage');
  }

  waitForNotification(method: string, test: (params: unknown) => boolean = () => true, timeout = 10_000): Promise<unknown> {
    const found = this.notifications.find((n) => n.method === method && test(n.params));
    if (found) return Promise.resolve(found.params);
    return withTimeout(
      new Promise<{ method: string; params: unknown }>((resolve) => this.notificationWaiters.push({ test: (n) => n.method === method && test(n.params), resolve })),
      timeout,
      method,
    ).then((n) => n.params);
  }

  /** Applies a WorkspaceEdit to the tracked documents and tells the server, as an editor would. */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>();
    for (const dc of edit.documentChanges ?? []) {
      if ('textDocument' in dc) {
        const doc = this.docs.get(dc.textDocument.uri);
        if (doc && dc.textDocument.version !== null && dc.textDocument.version !== doc.version) throw new Error(`edit for version ${dc.textDocument.version}, document is at ${doc.version}`);
        byUri.set(dc.textDocument.uri, dc.edits.filter((e): e is TextEdit => 'range' in e));
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, edits);
    for (const [uri, edits] of byUri) this.edit(uri, edits);
  }
}

/** One initialized server for the tests of a file: built and started before them, disposed after them. */
export function useSuiteClient(assign: (client: TestClient) => void, options?: ClientOptions): void {
  let client: TestClient | undefined;
  beforeAll(async () => {
    await buildOnce();
    client = new TestClient(options);
    await client.initialize();
    assign(client);
  });
  afterAll(async () => {
    await client?.dispose();
  });
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

export function codes(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => String(d.code));
}

/** 1-based line numbers of the diagnostics with `code`. */
export function linesOf(diags: readonly Diagnostic[], code: string): number[] {
  return diags.filter((d) => d.code === code).map((d) => d.range.start.line + 1);
}
