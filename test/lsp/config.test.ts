// Configuration over real LSP: nianbao.* settings pulled per document with workspace/configuration,
// .nianbaorc.json (nearest one above the file) winning over them, invalid values reported once by
// name with the defaults kept, changes applied without a restart, and nianbao.detectReports.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient, buildOnce, codes, seedText, type Settings } from './harness';

const S000 = '000_27ba472c7186d65d.txt';
const clients: TestClient[] = [];
const temps: string[] = [];

beforeAll(async () => {
  await buildOnce();
});

afterEach(async () => {
  for (const c of clients.splice(0)) await c.dispose();
});

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

async function start(settings: (uri: string | undefined) => Settings = () => ({}), locale = 'zh-CN'): Promise<TestClient> {
  const c = new TestClient({ settings, locale });
  clients.push(c);
  await c.initialize();
  return c;
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'nianbao-lsp-'));
  temps.push(d);
  return d;
}

describe('editor settings', () => {
  it('a rule turned off in the settings disappears without a restart, and comes back', async () => {
    const c = await start();
    const uri = 'untitled:cfg-off';
    c.open(uri, seedText(S000));
    expect(codes(await c.diagnosticsForCurrent(uri))).toContain('cell-unit');
    const before = c.published.length;
    c.changeConfiguration(() => ({ rules: { 'cell-unit': 'off' } }));
    const off = await c.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'cell-unit'), 10_000, false);
    expect(codes(off.diagnostics)).toContain('total-blank');
    expect(c.published.length).toBeGreaterThan(before);
    c.changeConfiguration(() => ({}));
    await c.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cell-unit'), 10_000, false);
  });

  it('a severity override changes the LSP severity', async () => {
    const c = await start(() => ({ rules: { 'cell-unit': 'error', 'total-blank': 'hint' } }));
    const uri = 'untitled:cfg-sev';
    c.open(uri, seedText(S000));
    const diags = await c.diagnosticsForCurrent(uri);
    expect(diags.find((d) => d.code === 'cell-unit')!.severity).toBe(1);
    expect(diags.find((d) => d.code === 'total-blank')!.severity).toBe(4);
  });

  it('settings are pulled per document (scopeUri), not held globally', async () => {
    const c = await start((uri) => (uri?.includes('quiet') ? { rules: { 'total-blank': 'off' } } : {}));
    c.open('untitled:loud', seedText(S000));
    c.open('untitled:quiet', seedText(S000));
    expect(codes(await c.diagnosticsForCurrent('untitled:loud'))).toContain('total-blank');
    expect(codes(await c.diagnosticsForCurrent('untitled:quiet'))).not.toContain('total-blank');
    expect(c.configurationRequests).toContain('untitled:quiet');
  });

  it('an invalid setting is reported once, naming the key, and the defaults stay in force', async () => {
    const c = await start(() => ({ rules: { 'row-totl': 'off', 'cell-unit': 'off' } }));
    c.open('untitled:bad-1', seedText(S000));
    c.open('untitled:bad-2', seedText(S000));
    const d1 = await c.diagnosticsForCurrent('untitled:bad-1');
    await c.diagnosticsForCurrent('untitled:bad-2');
    // Defaults: cell-unit is still reported although the (invalid) settings turn it off.
    expect(codes(d1)).toContain('cell-unit');
    const msg = await c.waitForMessage((m) => m.message.includes('rules.row-totl'));
    expect(msg.type).toBe(1);
    expect(msg.message).toContain('默认设置');
    expect(c.messages.filter((m) => m.message.includes('rules.row-totl')).length).toBe(1);
  });

  it('nianbao.language en gives English messages; auto follows the client locale', async () => {
    const en = await start(() => ({ language: 'en' }));
    en.open('untitled:lang-en', seedText(S000));
    const tb = (await en.diagnosticsForCurrent('untitled:lang-en')).find((d) => d.code === 'total-blank')!;
    expect(tb.message).toMatch(/blank/);
    const auto = await start(() => ({ language: 'auto' }), 'en-US');
    auto.open('untitled:lang-auto', seedText(S000));
    const tb2 = (await auto.diagnosticsForCurrent('untitled:lang-auto')).find((d) => d.code === 'total-blank')!;
    expect(tb2.message).toMatch(/blank/);
    const zh = await start(() => ({ language: 'auto' }), 'zh-cn');
    zh.open('untitled:lang-zh', seedText(S000));
    const tb3 = (await zh.diagnosticsForCurrent('untitled:lang-zh')).find((d) => d.code === 'total-blank')!;
    expect(tb3.message).toMatch(/为空/);
  });

  it('nianbao.detectReports false: only the nianbao language is checked', async () => {
    const c = await start(() => ({ detectReports: false }));
    c.open('untitled:plain', seedText(S000), 'plaintext');
    c.open('untitled:typed', seedText(S000), 'nianbao');
    c.open('untitled:rust', seedText(S000), 'rust');
    expect(await c.diagnosticsForCurrent('untitled:plain')).toEqual([]);
    expect(codes(await c.diagnosticsForCurrent('untitled:typed'))).toContain('total-blank');
    expect(await c.diagnosticsForCurrent('untitled:rust')).toEqual([]);
    c.changeConfiguration(() => ({ detectReports: true }));
    await c.waitForDiagnostics('untitled:plain', (p) => p.diagnostics.some((d) => d.code === 'total-blank'), 10_000, false);
  });
});

describe('.nianbaorc.json', () => {
  it('the nearest file above the document wins over the editor settings; edits to it apply at once', async () => {
    const root = tempDir();
    const sub = join(root, 'reports', '2019');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(root, '.nianbaorc.json'), JSON.stringify({ rules: { 'total-blank': 'off' } }));
    writeFileSync(join(root, 'reports', '.nianbaorc.json'), JSON.stringify({ rules: { 'cell-unit': 'off' } }));
    const file = join(sub, 'report.txt');
    writeFileSync(file, seedText(S000));
    const uri = pathToFileURL(file).href;
    // Editor settings say cell-unit is an error; the nearer .nianbaorc.json turns it off.
    const c = await start(() => ({ rules: { 'cell-unit': 'error' } }));
    c.open(uri, seedText(S000));
    const diags = await c.diagnosticsForCurrent(uri);
    expect(codes(diags)).not.toContain('cell-unit');
    // No merging across files: the outer file's total-blank: off does not apply.
    expect(codes(diags)).toContain('total-blank');
    // Change the file: the server hears it through didChangeWatchedFiles and re-checks.
    const rc = join(root, 'reports', '.nianbaorc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'cell-unit': 'warning' } }));
    c.rcChanged(pathToFileURL(rc).href);
    const after = await c.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'cell-unit'), 10_000, false);
    expect(after.diagnostics.find((d) => d.code === 'cell-unit')!.severity).toBe(2);
  });

  it('an invalid .nianbaorc.json is reported once, naming the file and key; the rest stays in force', async () => {
    const root = tempDir();
    writeFileSync(join(root, '.nianbaorc.json'), JSON.stringify({ rules: { 'cell-unit': 'loud' } }));
    const file = join(root, 'a.txt');
    writeFileSync(file, seedText(S000));
    const c = await start(() => ({ rules: { 'total-blank': 'off' } }));
    const uri = pathToFileURL(file).href;
    c.open(uri, seedText(S000));
    const diags = await c.diagnosticsForCurrent(uri);
    expect(codes(diags)).toContain('cell-unit');
    expect(codes(diags)).not.toContain('total-blank');
    const msg = await c.waitForMessage((m) => m.message.includes('.nianbaorc.json'));
    expect(msg.message).toContain('rules.cell-unit');
    c.replace(uri, seedText(S000) + '\n');
    await c.diagnosticsForCurrent(uri);
    expect(c.messages.filter((m) => m.message.includes('.nianbaorc.json')).length).toBe(1);
  });
});
