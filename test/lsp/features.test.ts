// The editor features over real LSP: quick fixes (applied, then re-checked), source.fixAll.nianbao,
// the fix-all command (workspace/applyEdit), hovers, outline, folding, inlay hints, code lenses and
// the client's custom requests.
import { describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CodeLensRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/lsp/diff';
import { TestClient, useSuiteClient, seedText } from './harness';

const S000 = '000_27ba472c7186d65d.txt';
const S002 = '002_1c75c2c4e67cd3d7.txt';

let client: TestClient;
let n = 0;
useSuiteClient((c) => (client = c));

/** Opens a seed under a fresh untitled URI and waits for its diagnostics. */
async function openSeed(name: string, text = seedText(name)) {
  const uri = `untitled:features-${n++}-${name}`;
  client.open(uri, text);
  const diags = await client.diagnosticsForCurrent(uri);
  return { uri, diags };
}

function codeActions(uri: string, diags: Diagnostic[], only?: string[]) {
  const range = diags.length ? diags[0]!.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range,
    context: { diagnostics: diags, only },
  }) as Promise<CodeAction[] | null>;
}

function editsOf(action: CodeAction, uri: string) {
  const dc = action.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
  expect(dc?.textDocument.uri).toBe(uri);
  return dc!.edits.filter((e): e is TextEdit => 'range' in e && 'newText' in e);
}

function hoverAt(uri: string, line: number, character: number) {
  return client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
}

function lineOf(text: string, re: RegExp): number {
  const i = text.split('\n').findIndex((l) => re.test(l));
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
}

describe('code actions', () => {
  it('the total-blank quick fix fills the row; re-checking finds it gone', async () => {
    const { uri, diags } = await openSeed(S000);
    const tb = diags.filter((d) => d.code === 'total-blank');
    expect(tb.length).toBe(1);
    const actions = (await codeActions(uri, tb, ['quickfix']))!;
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit);
    expect(fix).toBeDefined();
    expect(fix!.isPreferred).toBe(true);
    expect(fix!.diagnostics?.[0]?.code).toBe('total-blank');
    // The fix-all quick fix is offered beside it, as a command.
    expect(actions.some((a) => a.command?.command === 'nianbao.server.fixAll')).toBe(true);
    client.applyWorkspaceEdit(fix!.edit!);
    const after = await client.diagnosticsForCurrent(uri);
    expect(after.map((d) => d.code)).not.toContain('total-blank');
    const row = client.docs.get(uri)!.text.split('\n')[63]!;
    expect(row.split('\t').filter((c) => c !== '').slice(1)).toEqual(['1', '0', '0', '0', '0', '11', '12']);
  });

  it('offers no quick fix for a finding without one', async () => {
    const { uri, diags } = await openSeed(S000);
    const unit = diags.filter((d) => d.code === 'cell-unit');
    const actions = (await codeActions(uri, unit, ['quickfix']))!;
    expect(actions).toEqual([]);
  });

  it('source.fixAll.nianbao returns minimal edits that fix every total', async () => {
    const { uri } = await openSeed(S000);
    const before = client.docs.get(uri)!.text;
    const actions = (await codeActions(uri, [], ['source.fixAll.nianbao']))!;
    expect(actions.length).toBe(1);
    expect(actions[0]!.kind).toBe('source.fixAll.nianbao');
    const edits = editsOf(actions[0]!, uri);
    expect(edits.length).toBeGreaterThan(0);
    // Minimal: only the blank total row changes, never the whole document.
    for (const e of edits) {
      expect(e.range.start.line).toBe(63);
      expect(e.range.end.line).toBe(63);
    }
    const fixed = applyEdits(before, edits);
    expect(fixed.split('\n').length).toBe(before.split('\n').length);
    client.applyWorkspaceEdit(actions[0]!.edit!);
    const after = await client.diagnosticsForCurrent(uri);
    expect(after.filter((d) => ['total-blank', 'row-total', 'column-total', 'review-total', 'suspect-cell'].includes(String(d.code)))).toEqual([]);
    // A second fix-all has nothing to do.
    expect(await codeActions(uri, [], ['source.fixAll.nianbao'])).toEqual([]);
  });

  it('source.fixAll (parent kind) is answered too; a clean report gets no fix-all action', async () => {
    const { uri } = await openSeed(S000);
    const parent = (await codeActions(uri, [], ['source.fixAll']))!;
    expect(parent.map((a) => a.kind)).toEqual(['source.fixAll.nianbao']);
    const clean = await openSeed(S002);
    expect(await codeActions(clean.uri, [], ['source.fixAll'])).toEqual([]);
  });

  it('without `only`, the fix-all source action is resolved lazily', async () => {
    const { uri, diags } = await openSeed(S000);
    const actions = (await codeActions(uri, diags.filter((d) => d.code === 'total-blank')))!;
    const src = actions.find((a) => a.kind === 'source.fixAll.nianbao')!;
    expect(src.edit).toBeUndefined();
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, src);
    expect(editsOf(resolved, uri).length).toBeGreaterThan(0);
  });

  it('a wrong row total: quick fix sets the sum', async () => {
    const text = seedText(S000);
    const line = lineOf(text, /^一、本年新收/);
    const broken = text.split('\n');
    broken[line] = broken[line]!.replace(/\t12$/, '\t13');
    const { uri, diags } = await openSeed(S000, broken.join('\n'));
    const rt = diags.filter((d) => d.code === 'row-total' || d.code === 'suspect-cell');
    expect(rt.length).toBeGreaterThan(0);
    const actions = (await codeActions(uri, rt, ['quickfix']))!;
    const fix = actions.find((a) => a.isPreferred && a.edit) ?? actions.find((a) => a.edit)!;
    client.applyWorkspaceEdit(fix.edit!);
    const after = await client.diagnosticsForCurrent(uri);
    expect(after.filter((d) => d.code === rt[0]!.code && d.range.start.line === rt[0]!.range.start.line)).toEqual([]);
  });

  it('the nianbao.server.fixAll command applies fix-all via workspace/applyEdit', async () => {
    const { uri } = await openSeed(S000);
    const v = client.docs.get(uri)!.version;
    const res = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'nianbao.server.fixAll', arguments: [{ uri }] })) as {
      applied: boolean;
      edits: number;
    };
    expect(res.applied).toBe(true);
    expect(res.edits).toBeGreaterThan(0);
    expect(client.docs.get(uri)!.version).toBe(v + 1);
    const after = await client.diagnosticsForCurrent(uri);
    expect(after.map((d) => d.code)).not.toContain('total-blank');
  });
});

describe('hover', () => {
  it('on a row label: meaning, legal basis, table', async () => {
    const { uri } = await openSeed(S000);
    const text = client.docs.get(uri)!.text;
    const line = lineOf(text, /^一、本年新收/);
    const h = (await hoverAt(uri, line, 3))!;
    const md = (h.contents as MarkupContent).value;
    expect((h.contents as MarkupContent).kind).toBe('markdown');
    expect(md).toContain('一、本年新收政府信息公开申请数量');
    expect(md).toContain('本年度新收到的政府信息公开申请件数');
    expect(md).toContain('条例第五十条第（二）项');
    expect(md).toContain('收到和处理政府信息公开申请情况');
  });

  it('on a blank total: the derivation, each addend and the sum', async () => {
    const { uri } = await openSeed(S000);
    const text = client.docs.get(uri)!.text;
    const line = lineOf(text, /^[（(]七[）)]\s*总计/);
    // The 总计 column is the last cell of the row: hover at the end of the line.
    const h = (await hoverAt(uri, line, text.split('\n')[line]!.length))!;
    const md = (h.contents as MarkupContent).value;
    expect(md).toContain('合计的计算');
    expect(md).toContain('自然人');
    expect(md).toMatch(/\*\*12\*\*/);
    expect(md).toContain('（空白）');
  });

  it('on a value cell: row × column, value, relations and whether each holds', async () => {
    const { uri } = await openSeed(S000);
    const text = client.docs.get(uri)!.text;
    const line = lineOf(text, /^一、本年新收/);
    const l = text.split('\n')[line]!;
    const col = l.indexOf('\t11\t') + 1;
    const h = (await hoverAt(uri, line, col))!;
    const md = (h.contents as MarkupContent).value;
    expect(md).toContain('一、本年新收政府信息公开申请数量 × 其他');
    expect(md).toContain('`11`');
    expect(md).toContain('勾稽关系');
    expect(md).toContain('✓');
  });

  it('speaks English when nianbao.language is en', async () => {
    const en = new TestClient({ settings: () => ({ language: 'en' }) });
    try {
      await en.initialize();
      const uri = 'untitled:hover-en';
      const text = seedText(S000);
      en.open(uri, text);
      await en.diagnosticsForCurrent(uri);
      const line = lineOf(text, /^一、本年新收/);
      const h = (await en.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 3 } }))!;
      const md = (h.contents as MarkupContent).value;
      expect(md).toContain('Legal basis');
      // the meaning and the basis themselves are English too (templates/english.ts)
      expect(md).toContain('New disclosure applications received this year.');
      expect(md).toContain('Regulations on Open Government Information (2019), Art. 50(2)');
      expect(md).not.toContain('本年度新收到的政府信息公开申请件数');
    } finally {
      await en.dispose();
    }
  });
});

describe('outline, folding, inlay hints, code lenses', () => {
  it('document symbols: six sections, tables inside their sections, parts inside tables', async () => {
    const { uri } = await openSeed(S000);
    const syms = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(syms.map((s) => s.name.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    const two = syms[1]!;
    expect(two.children?.length).toBe(1);
    expect(two.children![0]!.children!.length).toBe(5);
    expect(syms[2]!.children![0]!.name).toContain('收到和处理政府信息公开申请情况');
    for (const s of syms) {
      expect(s.selectionRange.start.line).toBeGreaterThanOrEqual(s.range.start.line);
      expect(s.selectionRange.end.line).toBeLessThanOrEqual(s.range.end.line);
    }
  });

  it('folding ranges for sections and tables', async () => {
    const { uri } = await openSeed(S000);
    const ranges = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }))!;
    const starts = ranges.map((r) => r.startLine);
    expect(starts).toContain(4); // 一、总体情况
    expect(starts).toContain(39); // table 三
    expect(ranges.every((r) => r.endLine > r.startLine)).toBe(true);
  });

  it('inlay hints show the computed values beside the blank totals', async () => {
    const { uri } = await openSeed(S000);
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    }))!;
    const onRow = hints.filter((h) => h.position.line === 63).map((h) => h.label);
    expect(onRow).toEqual(['= 1', '= 0', '= 0', '= 0', '= 0', '= 11', '= 12']);
    // Limited to the requested range.
    const none = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } },
    });
    expect(none).toEqual([]);
  });

  it('a wrong total: inlay hint with the sum, lens offering the fix; a probable typo: → value', async () => {
    const lines = seedText(S000).split('\n');
    // Table 四: 行政复议 总计 1 → 2 (only review-total fails).
    const f = lines[72]!.split('\t');
    expect(f[4]).toBe('1');
    f[4] = '2';
    lines[72] = f.join('\t');
    // Table 三: 一、本年新收 总计 12 → 13 (row total and balance fail: the 13 is the probable typo).
    lines[39] = lines[39]!.replace(/\t12$/, '\t13');
    const { uri, diags } = await openSeed(S000, lines.join('\n'));
    expect(diags.map((d) => d.code)).toEqual(expect.arrayContaining(['review-total', 'suspect-cell']));
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    }))!;
    expect(hints.filter((h) => h.position.line === 72).map((h) => h.label)).toEqual(['= 1']);
    expect(hints.filter((h) => h.position.line === 39).map((h) => h.label)).toEqual(['→ 12']);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))!;
    expect(lenses.map((l) => l.command!.title)).toEqual(['1 处疑似填错，7 处合计空白 — 全部修复', '1 处合计不符 — 全部修复']);
    expect(lenses.every((l) => l.command!.command === 'nianbao.server.fixAll')).toBe(true);
  });

  it('code lenses: relations holding, or totals to fix with a fix-all command', async () => {
    const { uri } = await openSeed(S000);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))!;
    const titles = lenses.map((l) => l.command!.title);
    expect(titles.some((t) => /处合计空白 — 全部修复$/.test(t))).toBe(true);
    const fixLens = lenses.find((l) => l.command!.command === 'nianbao.server.fixAll')!;
    expect(fixLens.command!.arguments).toEqual([{ uri }]);
    expect(titles.some((t) => /^\d+\/\d+ 项关系成立$/.test(t))).toBe(true);
    const clean = await openSeed(S002);
    const cleanLenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: clean.uri } }))!;
    expect(cleanLenses.length).toBe(2);
    for (const l of cleanLenses) {
      const m = /^(\d+)\/(\d+) 项关系成立$/.exec(l.command!.title)!;
      expect(m[1]).toBe(m[2]);
    }
  });
});

describe('custom requests', () => {
  it('nianbao/summary: template, year, findings by rule', async () => {
    const { uri } = await openSeed(S000);
    const s = (await client.connection.sendRequest('nianbao/summary', { uri })) as {
      templateVersion: string;
      year: number;
      findings: { code: string; count: number; severity: string }[];
      counts: Record<string, number>;
    };
    expect(s.templateVersion).toBe('2019');
    expect(s.year).toBe(2019);
    expect(s.findings.map((f) => f.code).sort()).toEqual(['cell-unit', 'total-blank']);
    expect(s.counts.error).toBe(1);
  });

  it('nianbao/skeleton: a blank report of the right format, itself a report', async () => {
    const s19 = (await client.connection.sendRequest('nianbao/skeleton', { year: 2020 })) as { text: string; templateVersion: string };
    expect(s19.templateVersion).toBe('2019');
    expect(s19.text).toContain('2020年');
    const s21 = (await client.connection.sendRequest('nianbao/skeleton', { year: 2023 })) as { text: string; templateVersion: string };
    expect(s21.templateVersion).toBe('2021');
    const uri = 'untitled:skeleton-2023';
    client.open(uri, s21.text);
    await client.diagnosticsForCurrent(uri);
    const status = (await client.waitForNotification('nianbao/status', (p) => (p as { uri: string }).uri === uri)) as { templateVersion: string; year: number };
    expect(status).toMatchObject({ templateVersion: '2021', year: 2023 });
    await expect(client.connection.sendRequest('nianbao/skeleton', { year: 1999 })).rejects.toThrow(/2019/);
  });
});
