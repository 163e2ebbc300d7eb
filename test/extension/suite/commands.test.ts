// The extension's commands and settings in a real VS Code: the summary, the skeleton, and a rule
// turned off in the settings taking effect without a reload.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../../client/src/extension';
import type { SummaryResult } from '../../../server/src/lsp/protocol';
import { api, checked, closeAll, codes, copySeeds, waitForDiagnostics } from './util';

suite('nianbao-lint: commands and settings', () => {
  let a: NianbaoApi;
  let dir: string;

  suiteSetup(async () => {
    a = await api();
    dir = copySeeds().dir;
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('nianbao').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await closeAll();
  });

  test('nianbao.showSummary returns the template, year and findings', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(dir, '000_27ba472c7186d65d.txt')));
    await vscode.window.showTextDocument(doc);
    await checked(a, doc);
    const s = await vscode.commands.executeCommand<SummaryResult>('nianbao.showSummary');
    assert.equal(s.templateVersion, '2019');
    assert.equal(s.year, 2019);
    assert.deepEqual(s.findings.map((f) => f.code).sort(), ['cell-unit', 'total-blank']);
  });

  test('nianbao.insertSkeleton opens a blank report of the year’s format', async () => {
    await closeAll();
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('nianbao.insertSkeleton', 2022);
    assert.equal(doc.languageId, 'nianbao');
    await checked(a, doc);
    const s = a.status(doc.uri);
    assert.equal(s?.templateVersion, '2021');
    assert.equal(s?.year, 2022);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a rule turned off in the settings disappears without a reload', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(dir, '000_27ba472c7186d65d.txt')));
    await vscode.window.showTextDocument(doc);
    const before = await checked(a, doc);
    assert.ok(codes(before).includes('cell-unit'));
    await vscode.workspace.getConfiguration('nianbao').update('rules', { 'cell-unit': 'off' }, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, (d) => d.length > 0 && !codes(d).includes('cell-unit'));
    await vscode.workspace.getConfiguration('nianbao').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(doc.uri, (d) => codes(d).includes('cell-unit'));
  });
});
