// Editor path: the language server over real LSP (spawned with --stdio, as test/lsp does).
//  - cold start: spawn → initialize → didOpen(seed) → first publishDiagnostics, repeated;
//  - typing: 20 edits per second (one every 50 ms) into a seed and into a 200 KB report, latency
//    from didChange to the publishDiagnostics of that version. The server's debounce is set to 0
//    (initializationOptions.debounceMs, which the server reads at initialize), so the latency is the
//    server's own work: applying the change, checking, converting and sending the diagnostics.
//    The 200 KB report is above the server's worker threshold (200,000 bytes), so it is checked in
//    a worker thread, as in the editor.
//
// Usage: node bench/lsp.mjs [--server server/out/server.js] [--node-args "…"] [--quick] [--json]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { REPO } from './lib/build.mjs';
import { GROW_BASE, grow, seeds } from './lib/reports.mjs';
import { summarize } from './lib/stats.mjs';

const {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} = createRequire(import.meta.url)('vscode-languageserver-protocol/node');

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const quick = args.includes('--quick');
const serverPath = opt('--server', join(REPO, 'server/out/server.js'));
// e.g. --node-args "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server
const nodeArgs = opt('--node-args', '').split(' ').filter(Boolean);

class Client {
  constructor(initializationOptions = {}) {
    this.t0 = performance.now();
    this.proc = spawn(process.execPath, [...nodeArgs, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', () => {});
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.waiters = [];
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const now = performance.now();
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve({ p, at: now }), false) : true));
      this.onPublish?.(p, now);
    });
    this.conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({})));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/codeLens/refresh', () => null);
    this.conn.onRequest('workspace/inlayHint/refresh', () => null);
    this.conn.onNotification(() => {});
    this.conn.listen();
    this.initializationOptions = initializationOptions;
  }

  async initialize() {
    await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(REPO).href,
      locale: 'zh-CN',
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } } },
      initializationOptions: this.initializationOptions,
      workspaceFolders: null,
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
  }

  waitFor(test, timeout = 30_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for diagnostics')), timeout);
      this.waiters.push({ test, resolve: (v) => (clearTimeout(timer), resolve(v)) });
    });
  }

  open(uri, text) {
    return this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  }

  change(uri, version, range, text) {
    return this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  async dispose() {
    const exited = new Promise((r) => this.proc.once('exit', r));
    try {
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      this.proc.kill();
    }
    const timer = setTimeout(() => this.proc.kill(), 2000);
    await exited;
    clearTimeout(timer);
    this.conn.dispose();
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function coldStart(text, n) {
  const firstDiagnostics = [];
  const initialized = [];
  for (let i = 0; i < n; i++) {
    const c = new Client({ debounceMs: 0 });
    await c.initialize();
    initialized.push(performance.now() - c.t0);
    const uri = pathToFileURL(join(REPO, 'test/fixtures/seeds', `cold-${i}.txt`)).href;
    const got = c.waitFor((p) => p.uri === uri && p.version === 1);
    await c.open(uri, text);
    const { at } = await got;
    firstDiagnostics.push(at - c.t0);
    await c.dispose();
  }
  return { initialize: summarize(initialized), firstDiagnostics: summarize(firstDiagnostics) };
}

/**
 * The edits a typist makes, cycling: type a character at the end of a narrative line, delete it,
 * change a digit in a table row, change it back. Each is one didChange.
 */
function editScript(text) {
  const lines = text.split('\n');
  const prose = lines.findIndex((l) => l.length > 60 && !/[\t|]/.test(l));
  // a value cell of table 三's first row: on the label's line (tab, Markdown) or on a line after it
  // (one cell per line, `|` cells)
  const labelRow = lines.findIndex((l) => /本年新收/.test(l));
  let tableRow = -1;
  let digitAt = -1;
  for (let i = labelRow; i < lines.length && tableRow < 0; i++) {
    const m = /(^|[\t|])[ \t]*(\d)/.exec(i === labelRow ? lines[i].slice(lines[i].search(/本年新收/)) : lines[i]);
    if (m) {
      tableRow = i;
      digitAt = (i === labelRow ? lines[i].search(/本年新收/) : 0) + m.index + m[0].length - 1;
    }
  }
  if (tableRow < 0) throw new Error('no table cell to edit');
  const d = lines[tableRow][digitAt];
  const end = lines[prose].length;
  const pos = (line, character) => ({ line, character });
  return [
    { range: { start: pos(prose, end), end: pos(prose, end) }, text: '年' },
    { range: { start: pos(prose, end), end: pos(prose, end + 1) }, text: '' },
    { range: { start: pos(tableRow, digitAt), end: pos(tableRow, digitAt + 1) }, text: d === '9' ? '8' : String(Number(d) + 1) },
    { range: { start: pos(tableRow, digitAt), end: pos(tableRow, digitAt + 1) }, text: d },
  ];
}

async function typing(name, text, edits, warmup, initializationOptions = { debounceMs: 0 }) {
  const c = new Client(initializationOptions);
  await c.initialize();
  const uri = pathToFileURL(join(REPO, 'test/fixtures/seeds', `typing-${name.replace(/\W+/g, '-')}.txt`)).href;
  const first = c.waitFor((p) => p.uri === uri && p.version === 1);
  await c.open(uri, text);
  await first;
  const script = editScript(text);
  const sent = new Map();
  const latencies = [];
  let missed = 0;
  c.onPublish = (p, at) => {
    const t = sent.get(p.version);
    if (t !== undefined && p.uri === uri) {
      sent.delete(p.version);
      if (p.version > warmup + 1) latencies.push(at - t);
    }
  };
  const total = warmup + edits;
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    // 20 edits per second: the i-th edit goes out at t0 + 50 ms · i
    const due = t0 + 50 * i;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const version = i + 2;
    const e = script[i % script.length];
    sent.set(version, performance.now());
    await c.change(uri, version, e.range, e.text);
  }
  const last = total + 1;
  if (sent.has(last)) await c.waitFor((p) => p.uri === uri && p.version === last).catch(() => undefined);
  await sleep(200);
  for (const v of sent.keys()) if (v > warmup + 1) missed++;
  await c.dispose();
  return { name, bytes: Buffer.byteLength(text), edits, ...summarize(latencies), unanswered: missed };
}

export async function run() {
  const all = seeds();
  const seed = all.find((s) => s.name === GROW_BASE);
  const big = grow(seed.text, 200_000);
  const cold = await coldStart(all[0].text, quick ? 4 : 12);
  const results = [];
  results.push(await typing(`seed ${seed.name}`, seed.text, quick ? 40 : 200, 20));
  results.push(await typing(`seed ${all[0].name}`, all[0].text, quick ? 40 : 200, 20));
  results.push(await typing('generated 200 KB (worker thread)', big, quick ? 30 : 100, 10));
  results.push(await typing('generated 200 KB (inline, workerThreshold raised)', big, quick ? 30 : 100, 10, { debounceMs: 0, workerThreshold: 100_000_000 }));
  return { coldStart: cold, coldStartDoc: all[0].name, typing: results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const res = await run();
  if (args.includes('--json')) console.log(JSON.stringify(res));
  else {
    const c = res.coldStart;
    console.log(`cold start (spawn → first diagnostics for ${res.coldStartDoc}): median ${c.firstDiagnostics.median.toFixed(0)} ms, p95 ${c.firstDiagnostics.p95.toFixed(0)} ms (initialize answered at ${c.initialize.median.toFixed(0)} ms)`);
    for (const t of res.typing) console.log(`${t.name.padEnd(52)} p50 ${t.median.toFixed(2).padStart(7)} ms  p95 ${t.p95.toFixed(2).padStart(7)} ms  max ${t.max.toFixed(1).padStart(6)} ms  (n ${t.n}, unanswered ${t.unanswered})`);
  }
}
