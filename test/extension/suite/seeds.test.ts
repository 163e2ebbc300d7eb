// The extension in a real VS Code: opens each seed report, waits for the diagnostics, checks the
// findings EXPECTED.md requires, applies fix-all, and asks for a hover and the fix-all code action.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../../client/src/extension';
import { api, checked, closeAll, codes, copySeeds, linesOf, waitForDiagnostics } from './util';

const ARITHMETIC = ['row-total', 'column-total', 'balance', 'review-total', 'total-blank', 'suspect-cell'];

suite('nianbao-lint: seed reports', () => {
  let a: NianbaoApi;
  let dir: string;

  suiteSetup(async () => {
    a = await api();
    dir = copySeeds().dir;
  });

  suiteTeardown(closeAll);

  async function open(name: string) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(dir, name)));
    await vscode.window.showTextDocument(doc);
    const diags = await checked(a, doc);
    return { doc, diags };
  }

  test('000: total-blank on line 64 and cell-unit on line 33; fix-all fills the total', async () => {
    const { doc, diags } = await open('000_27ba472c7186d65d.txt');
    assert.deepEqual(linesOf(diags, 'total-blank'), [64]);
    assert.deepEqual(linesOf(diags, 'cell-unit'), [33]);
    assert.deepEqual(codes(diags).filter((c) => ['balance', 'column-total', 'row-total'].includes(c)), []);
    const tb = diags.find((d, i) => codes(diags)[i] === 'total-blank')!;
    assert.equal(tb.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof tb.code === 'object' && tb.code.target.toString().endsWith('/docs/rules/total-blank.md'));

    await vscode.commands.executeCommand('nianbao.fixAll');
    const after = await waitForDiagnostics(doc.uri, (d) => !codes(d).includes('total-blank'));
    assert.deepEqual(codes(after).filter((c) => ARITHMETIC.includes(c)), []);
    const row = doc.lineAt(63).text.split('\t').filter((c) => c !== '');
    assert.deepEqual(row.slice(1), ['1', '0', '0', '0', '0', '11', '12']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('000: hover on a row label and on the blank total', async () => {
    const { doc } = await open('000_27ba472c7186d65d.txt');
    const label = doc.lineAt(39).text;
    assert.ok(label.startsWith('一、本年新收'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(39, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /条例第五十条第（二）项|Art\. 50\(2\)/); // the legal basis, in the UI language (zh-CN or en)
    const total = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(63, doc.lineAt(63).text.length));
    const totalText = total.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(totalText, /\*\*12\*\*/);
  });

  test('000: the fix-all source action is offered', async () => {
    const { doc } = await open('000_27ba472c7186d65d.txt');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.nianbao',
    );
    assert.ok(actions.some((x) => x.kind?.value === 'source.fixAll.nianbao'));
  });

  test('001: sections 二/三/四 missing, three placeholders on line 7, no arithmetic error', async () => {
    const { diags } = await open('001_b2d2c71bcc05c0a2.txt');
    assert.equal(linesOf(diags, 'section-missing').length, 3);
    assert.equal(linesOf(diags, 'placeholder').filter((l) => l === 7).length, 3);
    assert.deepEqual(codes(diags).filter((c) => ARITHMETIC.includes(c)), []);
  });

  test('002: nothing at warning or error level', async () => {
    const { diags } = await open('002_1c75c2c4e67cd3d7.txt');
    assert.deepEqual(
      diags.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map((d) => `${codes([d])[0]}@${d.range.start.line + 1}`),
      [],
    );
    const status = a.status(vscode.Uri.file(join(dir, '002_1c75c2c4e67cd3d7.txt')));
    assert.equal(status?.templateVersion, '2021');
    assert.equal(status?.year, 2021);
  });

  test('003: cell-blank on line 53, section-empty on line 99', async () => {
    const { diags } = await open('003_d11106ab72934bbf.txt');
    assert.ok(linesOf(diags, 'cell-blank').includes(53));
    assert.deepEqual(linesOf(diags, 'section-empty'), [99]);
    assert.deepEqual(codes(diags).filter((c) => ARITHMETIC.includes(c)), []);
  });

  test('004: year-missing on line 1, blank cells of table 二', async () => {
    const { diags } = await open('004_cbd4f0ffc4ed64f1.txt');
    assert.deepEqual(linesOf(diags, 'year-missing'), [1]);
    assert.ok(linesOf(diags, 'cell-blank').length > 0);
    assert.deepEqual(codes(diags).filter((c) => ARITHMETIC.includes(c)), []);
  });
});
