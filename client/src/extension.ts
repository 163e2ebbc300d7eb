// The VS Code client: starts the language server (server/out/server.js) over IPC and adds the few
// commands and the status item around it. Everything about reports is the server's business.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  ClientCommands,
  Methods,
  ServerCommands,
  type InitializationOptions,
  type SkeletonParams,
  type SkeletonResult,
  type StatusParams,
  type SummaryParams,
  type SummaryResult,
} from '../../server/src/lsp/protocol';

/** Documents the server checks: the `nianbao` language, and text/markdown/html files whose content is a report. */
export const documentSelector: { language: string; scheme: string }[] = ['nianbao', 'plaintext', 'markdown', 'html'].flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

/** What activate() returns, for the integration tests and other extensions. */
export interface NianbaoApi {
  /** Resolves once the language server is running. */
  ready: Promise<void>;
  client(): LanguageClient | undefined;
  status(uri: vscode.Uri): StatusParams | undefined;
  /** Fires after each check with what the server detected (nianbao/status). */
  onDidChangeStatus: vscode.Event<StatusParams>;
  summary(uri?: vscode.Uri): Promise<SummaryResult | undefined>;
}

let client: LanguageClient | undefined;
const statuses = new Map<string, StatusParams>();
const statusEmitter = new vscode.EventEmitter<StatusParams>();

export async function activate(context: vscode.ExtensionContext): Promise<NianbaoApi> {
  const output = vscode.window.createOutputChannel('nianbao-lint', { log: true });
  const summaryChannel = vscode.window.createOutputChannel(vscode.l10n.t('nianbao-lint: Summary'));
  context.subscriptions.push(output, summaryChannel, statusEmitter);
  const statusItem = vscode.languages.createLanguageStatusItem('nianbao.status', documentSelector);
  statusItem.name = vscode.l10n.t('Annual report');
  context.subscriptions.push(statusItem);

  // For the command palette's `when` clauses (package.json: editorLangId in nianbao.languages).
  void vscode.commands.executeCommand('setContext', 'nianbao.languages', [...new Set(documentSelector.map((f) => f.language))]);

  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = {};
  if (vscode.l10n.uri) initializationOptions.l10nBundle = vscode.l10n.uri.fsPath;
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    initializationOptions,
    diagnosticCollectionName: 'nianbao',
  };

  const start = async () => {
    client = new LanguageClient('nianbao', 'nianbao-lint', serverOptions, clientOptions);
    client.onNotification(Methods.status, (p: StatusParams) => {
      statuses.set(p.uri, p);
      updateStatus(statusItem);
      statusEmitter.fire(p);
    });
    await client.start();
  };
  let ready = start();
  ready.catch((err: unknown) => output.error(`the language server did not start: ${String(err)}`));

  const running = async (): Promise<LanguageClient> => {
    await ready;
    if (!client) throw new Error('nianbao-lint: the language server is not running');
    return client;
  };

  /** The document a command is about: its URI argument, or the active editor's. */
  const targetDocument = (arg: unknown): vscode.TextDocument | undefined => {
    const uri = arg instanceof vscode.Uri ? arg.toString() : typeof arg === 'string' ? arg : undefined;
    if (uri) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    return vscode.window.activeTextEditor?.document;
  };

  const summary = async (uri?: vscode.Uri): Promise<SummaryResult | undefined> => {
    const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
    if (!doc) return undefined;
    const c = await running();
    const params: SummaryParams = { uri: c.code2ProtocolConverter.asUri(doc.uri) };
    return (await c.sendRequest<SummaryResult | null>(Methods.summary, params)) ?? undefined;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.fixAll, async (arg?: unknown) => {
      const doc = targetDocument(arg);
      if (!doc) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report first.'));
        return undefined;
      }
      const c = await running();
      const result = (await c.sendRequest(ExecuteCommandRequest.type, {
        command: ServerCommands.fixAll,
        arguments: [{ uri: c.code2ProtocolConverter.asUri(doc.uri) }],
      })) as { applied: boolean; edits: number; reason?: string } | null;
      if (result && result.applied && result.edits === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No totals to fill in: every total adds up.'));
      } else if (result && !result.applied) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Fix all totals was not applied: the document changed meanwhile. Try again.'));
      }
      return result;
    }),

    vscode.commands.registerCommand(ClientCommands.insertSkeleton, async (yearArg?: unknown) => {
      let year = typeof yearArg === 'number' ? yearArg : undefined;
      if (year === undefined) {
        const last = new Date().getFullYear() - 1;
        const items: (vscode.QuickPickItem & { year: number })[] = [];
        for (let y = Math.max(last + 1, 2021); y >= 2019; y--) {
          items.push({
            year: y,
            label: String(y),
            description: y <= 2020 ? vscode.l10n.t('2019 format (国办公开办函〔2019〕60号)') : vscode.l10n.t('2021 format (国办公开办函〔2021〕30号)'),
            picked: y === last,
          });
        }
        const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Report year') });
        if (!pick) return undefined;
        year = pick.year;
      }
      const editor = vscode.window.activeTextEditor;
      const c = await running();
      const params: SkeletonParams = { year, layout: editor?.document.languageId === 'markdown' ? 'markdown' : 'tab' };
      const res = await c.sendRequest<SkeletonResult>(Methods.skeleton, params);
      if (editor) {
        await editor.edit((b) => b.insert(editor.selection.active, res.text));
        return editor.document;
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'nianbao', content: res.text });
      await vscode.window.showTextDocument(doc);
      return doc;
    }),

    vscode.commands.registerCommand(ClientCommands.showSummary, async (arg?: unknown) => {
      const doc = targetDocument(arg);
      const s = doc ? await summary(doc.uri) : undefined;
      if (!doc || !s) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report first.'));
        return undefined;
      }
      summaryChannel.clear();
      summaryChannel.appendLine(renderSummary(doc, s));
      summaryChannel.show(true);
      return s;
    }),

    vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
      statuses.clear();
      const old = client;
      client = undefined;
      ready = (async () => {
        try {
          await old?.stop();
        } catch (err) {
          output.error(`stopping the server failed: ${String(err)}`);
        }
        await old?.dispose();
        await start();
      })();
      await ready;
      void vscode.window.showInformationMessage(vscode.l10n.t('nianbao-lint: the language server was restarted.'));
    }),

    vscode.window.onDidChangeActiveTextEditor(() => updateStatus(statusItem)),
    vscode.workspace.onDidCloseTextDocument((d) => statuses.delete(d.uri.toString())),
  );
  updateStatus(statusItem);

  return {
    ready: ready.then(() => undefined),
    client: () => client,
    status: (uri) => statuses.get(uri.toString()),
    onDidChangeStatus: statusEmitter.event,
    summary,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function updateStatus(item: vscode.LanguageStatusItem): void {
  const doc = vscode.window.activeTextEditor?.document;
  const s = doc ? statuses.get(doc.uri.toString()) : undefined;
  item.command = { title: vscode.l10n.t('Show summary'), command: ClientCommands.showSummary };
  item.severity = vscode.LanguageStatusSeverity.Information;
  if (!s) {
    item.text = vscode.l10n.t('Annual report: not checked yet');
    item.detail = undefined;
    item.busy = !!doc;
    return;
  }
  item.busy = false;
  if (!s.checked) {
    item.text = vscode.l10n.t('Not checked');
    item.detail = vscode.l10n.t('nianbao.detectReports is off: only documents in the nianbao language are checked');
    return;
  }
  if (!s.isReport) {
    item.text = vscode.l10n.t('Not an annual report');
    item.detail = undefined;
    return;
  }
  const template = s.templateVersion ? vscode.l10n.t('{0} format', s.templateVersion) : vscode.l10n.t('format unknown');
  const year = s.year ? vscode.l10n.t('report for {0}', s.year) : vscode.l10n.t('year unknown');
  item.text = `$(checklist) ${template} · ${year}`;
  item.detail = vscode.l10n.t('{0} errors, {1} warnings', s.counts.error, s.counts.warning);
  if (s.counts.error > 0) item.severity = vscode.LanguageStatusSeverity.Error;
  else if (s.counts.warning > 0) item.severity = vscode.LanguageStatusSeverity.Warning;
}

function renderSummary(doc: vscode.TextDocument, s: SummaryResult): string {
  const lines = [vscode.l10n.t('Summary of {0}', vscode.workspace.asRelativePath(doc.uri))];
  if (!s.isReport) {
    lines.push(vscode.l10n.t('This document is not an annual report (or is not checked).'));
    return lines.join('\n');
  }
  const source = s.yearSource ? vscode.l10n.t('from the {0}', s.yearSource === 'title' ? vscode.l10n.t('title') : s.yearSource === 'period' ? vscode.l10n.t('statistics period') : vscode.l10n.t('body')) : '';
  lines.push(vscode.l10n.t('Template: {0}', s.templateVersion ?? '—'));
  lines.push(vscode.l10n.t('Year: {0} {1}', s.year ?? '—', source).trimEnd());
  lines.push(vscode.l10n.t('Relations: {0} checked, {1} hold, {2} fail', s.relations.evaluated, s.relations.holding, s.relations.failing));
  lines.push(vscode.l10n.t('Findings: {0} errors, {1} warnings, {2} info, {3} hints', s.counts.error, s.counts.warning, s.counts.info, s.counts.hint));
  lines.push('');
  for (const f of s.findings) lines.push(`  ${f.severity.padEnd(7)} ${f.code.padEnd(24)} ×${String(f.count).padEnd(3)} ${f.description} (${vscode.l10n.t('first on line {0}', f.firstLine + 1)})`);
  if (!s.findings.length) lines.push(`  ${vscode.l10n.t('No findings.')}`);
  return lines.join('\n');
}
