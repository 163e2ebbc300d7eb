// The language server survives: a rule that throws (the others still report; the failure is logged
// once), configurations that make no sense, a document closed while it is being checked, floods of
// edits, and the end of its client (stdio closed, IPC channel gone, killed and started again).
//
// The throwing rule needs no test hook in the shipped server: test/hardening/inject-throwing-rule.cjs
// is preloaded through NODE_OPTIONS and rewrites the bundle as Node loads it.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ResponseError,
  ShutdownRequest,
  createProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { REPO, SERVER, TestClient, buildOnce, codes, seedText, seedUri, withTimeout, type ClientOptions } from '../lsp/harness';

vi.setConfig({ testTimeout: 30_000 });

const S000 = '000_27ba472c7186d65d.txt';
const PRELOAD = join(REPO, 'test/hardening/inject-throwing-rule.cjs');
const clients: TestClient[] = [];

function client(options: ClientOptions = {}): TestClient {
  const c = new TestClient(options);
  clients.push(c);
  return c;
}

beforeAll(buildOnce, 120_000);
afterAll(async () => {
  // The lifecycle tests end their servers themselves (exit, closed stdin, SIGKILL).
  const alive = clients.filter((c) => c.proc.exitCode === null && c.proc.signalCode === null);
  await Promise.all(alive.map((c) => c.dispose().catch(() => undefined)));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (c: TestClient, ms: number) =>
  withTimeout(new Promise<number | null>((r) => (c.proc.exitCode !== null ? r(c.proc.exitCode) : c.proc.once('exit', (code) => r(code)))), ms, 'server exit');

/** Seed 000 with ~400 KB of prose in section 一: above the worker threshold (200,000 bytes). */
function bigReport(): string {
  const lines = seedText(S000).split('\n');
  const filler = Array.from({ length: 4_500 }, (_, i) => `本镇持续推进政务公开工作，第${i}次会议研究部署相关事项，进一步规范公开流程。`);
  return [...lines.slice(0, 6), ...filler, ...lines.slice(6)].join('\n');
}

describe('a rule that throws', () => {
  for (const path of ['inline', 'worker thread'] as const) {
    it(`is skipped and logged once; the other rules still report (${path})`, async () => {
      const c = client({
        env: { NODE_OPTIONS: `--require ${PRELOAD}`, NIANBAO_INJECT_THROWING_RULE: 'cell-unit' },
        initializationOptions: path === 'worker thread' ? { workerThreshold: 1 } : {},
      });
      await c.initialize();
      const uri = `untitled:throwing-${path.replace(' ', '-')}`;
      c.open(uri, seedText(S000));
      for (let i = 0; i < 4; i++) {
        const diags = await c.diagnosticsForCurrent(uri);
        expect(codes(diags)).toContain('total-blank');
        expect(codes(diags)).not.toContain('cell-unit');
        c.replace(uri, seedText(S000) + '\n'.repeat(i + 1));
      }
      await c.diagnosticsForCurrent(uri);
      const logged = c.logs.filter((l) => l.includes('cell-unit'));
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/rule cell-unit threw/);
      expect(logged[0]).toMatch(/injected failure in cell-unit/);
    });
  }
});

describe('configuration that makes no sense', () => {
  it('settings of the wrong shape are reported, the defaults stay in force, checking goes on', async () => {
    const c = client();
    await c.initialize();
    const uri = seedUri(S000);
    c.open(uri, seedText(S000));
    expect(codes(await c.diagnosticsForCurrent(uri))).toContain('total-blank');
    const garbage: unknown[] = [
      'all off',
      [1, 2, 3],
      { rules: 'off' },
      { rules: { 'total-blank': 'loud', 'no-such-rule': 'off' } },
      { template: 2050, language: 42, detectReports: 'yes' },
      { rules: { 'total-blank': { severity: 'off' } } },
      JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`),
    ];
    for (const g of garbage) {
      const before = c.published.length;
      c.changeConfiguration(() => g as Record<string, unknown>);
      const p = await c.waitForDiagnostics(uri, () => c.published.length > before, 10_000, false);
      expect(codes(p.diagnostics), JSON.stringify(g).slice(0, 80)).toContain('total-blank');
    }
    // Each distinct problem is shown once, not on every check.
    const shown = c.messages.map((m) => m.message);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.length).toBeGreaterThan(0);
  });

  it('a failing workspace/configuration request is logged and the defaults apply', async () => {
    const c = client();
    c.connection.onRequest(ConfigurationRequest.type, () => {
      throw new ResponseError(-32603, 'settings store unavailable');
    });
    await c.initialize();
    const uri = 'untitled:config-error';
    c.open(uri, seedText(S000));
    expect(codes(await c.diagnosticsForCurrent(uri))).toContain('total-blank');
  });

  it('nonsense initializationOptions fall back to the defaults', async () => {
    const c = client({ initializationOptions: { debounceMs: -5, workerThreshold: 'huge', l10nBundle: '/no/such/bundle.json' } });
    await c.initialize();
    const uri = 'untitled:init-options';
    c.open(uri, seedText(S000));
    expect(codes(await c.diagnosticsForCurrent(uri))).toContain('total-blank');
  });
});

describe('a document closed mid-check', () => {
  /** Diagnostics published for `uri` after the given count; the last of them must be empty. */
  const after = (c: TestClient, uri: string, from: number): PublishDiagnosticsParams[] => c.published.slice(from).filter((p) => p.uri === uri);

  it('in a worker thread: the check is dropped, nothing stale is published, the server keeps working', async () => {
    const c = client({ initializationOptions: { debounceMs: 0 } });
    await c.initialize();
    const uri = 'untitled:closed-in-worker';
    const text = bigReport();
    for (let i = 0; i < 3; i++) {
      const from = c.published.length;
      c.open(uri, text);
      await sleep(i * 40); // close before, during and after the worker's check starts
      c.close(uri);
      await sleep(400);
      const ps = after(c, uri, from);
      expect(ps.length).toBeGreaterThan(0);
      expect(ps.at(-1)!.diagnostics).toEqual([]);
    }
    const other = 'untitled:still-alive';
    c.open(other, seedText(S000));
    expect(codes(await c.diagnosticsForCurrent(other))).toContain('total-blank');
  });

  it('while the server waits for the document’s settings: no diagnostics after the close', async () => {
    const c = client();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    c.connection.onRequest(ConfigurationRequest.type, async (p) => {
      await gate;
      return p.items.map(() => ({}));
    });
    await c.initialize();
    const uri = 'untitled:closed-waiting';
    const from = c.published.length;
    c.open(uri, seedText(S000));
    await sleep(100);
    c.close(uri);
    await sleep(50);
    release();
    await sleep(300);
    const ps = after(c, uri, from);
    expect(ps.every((p) => p.diagnostics.length === 0)).toBe(true);
  });

  it('open, edit and close in one go, many times over', async () => {
    const c = client({ initializationOptions: { debounceMs: 0 } });
    await c.initialize();
    const from = c.published.length;
    for (let i = 0; i < 50; i++) {
      const uri = `untitled:churn-${i % 5}`;
      c.open(uri, seedText(S000));
      c.replace(uri, `${seedText(S000)}\n`);
      c.close(uri);
    }
    await sleep(500);
    for (let k = 0; k < 5; k++) {
      const ps = after(c, `untitled:churn-${k}`, from);
      expect(ps.at(-1)?.diagnostics ?? []).toEqual([]);
    }
    const uri = 'untitled:after-churn';
    c.open(uri, seedText(S000));
    expect(codes(await c.diagnosticsForCurrent(uri))).toContain('total-blank');
  });
});

describe('a flood of edits', () => {
  it('2,000 keystrokes without a pause: the final version is checked, hovers answer, nothing piles up', async () => {
    const c = client({ initializationOptions: { debounceMs: 20 } });
    await c.initialize();
    const uri = 'untitled:flood';
    const text = seedText(S000);
    c.open(uri, text);
    await c.diagnosticsForCurrent(uri);
    const from = c.published.length;
    const line = text.split('\n').findIndex((l) => l.length > 30);
    for (let i = 0; i < 2_000; i++) {
      const ch = i % 2 ? 1 : 0;
      c.edit(uri, [{ range: { start: { line, character: 0 }, end: { line, character: ch } }, newText: ch ? '' : '年' }]);
      if (i % 200 === 0) void c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
    }
    const diags = await c.diagnosticsForCurrent(uri, 20_000);
    expect(c.docs.get(uri)!.text).toBe(text);
    expect(codes(diags)).toContain('total-blank');
    // debounced: far fewer checks than edits
    expect(c.published.length - from).toBeLessThan(200);
    const hover = await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 63, character: 2 } });
    expect(hover).not.toBeUndefined();
  });

  it('every edit of a large document restarting its worker check (no debounce): still converges', async () => {
    const c = client({ initializationOptions: { debounceMs: 0 } });
    await c.initialize();
    const uri = 'untitled:flood-large';
    const text = bigReport();
    c.open(uri, text);
    for (let i = 0; i < 150; i++) {
      c.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: i % 2 } }, newText: i % 2 ? '' : ' ' }]);
      if (i % 10 === 0) await sleep(5);
    }
    const diags = await c.diagnosticsForCurrent(uri, 20_000);
    expect(codes(diags)).toContain('total-blank');
  });
});

describe('the end of the client, and a fresh start', () => {
  it('exits 0 after shutdown and exit, 1 after exit without shutdown (LSP)', async () => {
    const a = client();
    await a.initialize();
    await a.connection.sendRequest(ShutdownRequest.type);
    await a.connection.sendNotification(ExitNotification.type);
    expect(await exited(a, 5_000)).toBe(0);

    const b = client();
    await b.initialize();
    await b.connection.sendNotification(ExitNotification.type);
    expect(await exited(b, 5_000)).toBe(1);
  });

  it('exits when its stdin closes (the editor is gone)', async () => {
    const c = client();
    await c.initialize();
    c.proc.stdin!.end();
    expect(await exited(c, 5_000)).not.toBeUndefined();
  });

  it('killed in the middle of a check, a new server starts fresh and reports the same', async () => {
    const first = client({ initializationOptions: { debounceMs: 0 } });
    await first.initialize();
    const uri = seedUri(S000);
    first.open(uri, seedText(S000));
    const expected = await first.diagnosticsForCurrent(uri);
    first.open('untitled:big', bigReport());
    await sleep(30);
    first.proc.kill('SIGKILL');
    expect(await exited(first, 5_000)).toBeNull(); // killed by a signal

    const second = client();
    await second.initialize();
    second.open(uri, seedText(S000));
    const again = await second.diagnosticsForCurrent(uri);
    expect(again).toEqual(expected);
  });

  it('over IPC, as VS Code starts it: works, and exits when the IPC channel closes', async () => {
    const child = fork(SERVER, ['--node-ipc'], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const gone = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
      const published: PublishDiagnosticsParams[] = [];
      conn.onNotification(PublishDiagnosticsNotification.type, (p) => void published.push(p));
      conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({})));
      conn.onRequest('client/registerCapability', () => null);
      conn.listen();
      await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(REPO).href, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
      await conn.sendNotification(InitializedNotification.type, {});
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'untitled:ipc', languageId: 'plaintext', version: 1, text: seedText(S000) } });
      for (let i = 0; i < 100 && !published.some((p) => p.uri === 'untitled:ipc'); i++) await sleep(50);
      expect(codes(published.find((p) => p.uri === 'untitled:ipc')!.diagnostics)).toContain('total-blank');
      child.disconnect();
      await withTimeout(gone, 5_000, 'server exit after IPC disconnect');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
