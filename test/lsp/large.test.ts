// Large documents are checked in a worker thread: the results equal an inline check, hovers of other
// documents answer while a multi-megabyte check runs, and superseded worker checks never publish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { TestClient, buildOnce, codes, seedText } from './harness';

const S000 = '000_27ba472c7186d65d.txt';
const S003 = '003_d11106ab72934bbf.txt';

let inline: TestClient;
let worker: TestClient;

beforeAll(async () => {
  await buildOnce();
  inline = new TestClient();
  // Every document goes to the worker.
  worker = new TestClient({ initializationOptions: { workerThreshold: 1 } });
  await Promise.all([inline.initialize(), worker.initialize()]);
});

afterAll(async () => {
  await Promise.all([inline?.dispose(), worker?.dispose()]);
});

/** Seed 000 with ~2 MB (UTF-8) of prose inserted into section 一. */
function bigReport(): string {
  const lines = seedText(S000).split('\n');
  const filler: string[] = [];
  for (let i = 0; filler.length < 24_000; i++) filler.push(`本镇持续推进政务公开工作，第${i}次会议研究部署相关事项，进一步规范公开流程，累计发布信息若干条。`);
  return [...lines.slice(0, 6), ...filler, ...lines.slice(6)].join('\n');
}

describe('worker thread', () => {
  it('gives the same diagnostics as an inline check', async () => {
    for (const name of [S000, S003]) {
      const uri = `untitled:same-${name}`;
      inline.open(uri, seedText(name));
      worker.open(uri, seedText(name));
      const a = await inline.diagnosticsForCurrent(uri);
      const b = await worker.diagnosticsForCurrent(uri);
      expect(b).toEqual(a);
    }
  });

  it('hover answers from the worker-produced facts, and fix-all runs there too', async () => {
    const uri = 'untitled:worker-features';
    worker.open(uri, seedText(S000));
    await worker.diagnosticsForCurrent(uri);
    const text = seedText(S000).split('\n');
    const line = text.findIndex((l) => l.startsWith('一、本年新收'));
    const h = await worker.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 2 } });
    expect(JSON.stringify(h)).toContain('条例第五十条第（二）项');
    const actions = await worker.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.nianbao'] },
    });
    expect(actions?.length).toBe(1);
    const action = actions![0]!;
    if (!('edit' in action) || !action.edit) throw new Error('fix-all action without edit');
    worker.applyWorkspaceEdit(action.edit);
    expect(codes(await worker.diagnosticsForCurrent(uri))).not.toContain('total-blank');
  });

  it('a burst of edits: superseded worker checks are cancelled; the final version is what is published', async () => {
    const uri = 'untitled:worker-burst';
    worker.open(uri, seedText(S000));
    await worker.diagnosticsForCurrent(uri);
    for (let i = 0; i < 20; i++) {
      worker.edit(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: i % 2 ? '' : ' ' }]);
    }
    const v = worker.docs.get(uri)!.version;
    const final = await worker.waitForDiagnostics(uri, (p) => p.version === v, 10_000, false);
    expect(codes(final.diagnostics)).toContain('total-blank');
    const mine = worker.published.filter((p) => p.uri === uri);
    expect(mine[mine.length - 1]!.version).toBe(v);
  });
});

describe('a 2 MB report', () => {
  it('is checked off the main thread: a hover on another document answers meanwhile', async () => {
    const big = bigReport();
    expect(Buffer.byteLength(big)).toBeGreaterThan(2_000_000);
    const small = 'untitled:small-beside-big';
    inline.open(small, seedText(S000));
    await inline.diagnosticsForCurrent(small);

    const uri = 'untitled:big-2mb';
    // The check starts right after its settings are pulled.
    const starting = inline.waitForConfigurationRequest(uri);
    inline.open(uri, big);
    await starting;
    let bigDone = false;
    const bigDiags = inline.diagnosticsForCurrent(uri, 60_000).then((d) => {
      bigDone = true;
      return d;
    });
    const line = seedText(S000).split('\n').findIndex((l) => l.startsWith('一、本年新收'));
    const t = Date.now();
    const h = await inline.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line, character: 2 } });
    const hoverMs = Date.now() - t;
    expect(h).not.toBeNull();
    expect(bigDone).toBe(false);
    const diags = await bigDiags;
    expect(codes(diags)).toContain('total-blank');
    expect(hoverMs).toBeLessThan(1000);
  });
});
