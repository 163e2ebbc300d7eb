// The language server dies (killed as an out-of-memory killer would) and the extension's client
// starts it again: the open report is checked again and commands work. Runs last (file order), so a
// failure here cannot take the other suites down with it.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { StatusParams } from '../../../server/src/lsp/protocol';
import { api, checked, closeAll, codes, copySeeds, waitForDiagnostics, withTimeout } from './util';

/** Processes started by this extension host that run the bundled server (read from /proc). */
function serverProcesses(): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/server[/\\]out[/\\]server\.js/.test(cmdline)) out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

suite('nianbao-lint: a language server that dies is restarted', () => {
  suiteTeardown(closeAll);

  test('killed with SIGKILL, it is started again, re-checks the open report and answers commands', async function () {
    if (process.platform !== 'linux') this.skip(); // the server process is found through /proc
    const a = await api();
    const { dir } = copySeeds();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(dir, '000_27ba472c7186d65d.txt')));
    await vscode.window.showTextDocument(doc);
    const before = codes(await checked(a, doc)).sort();
    assert.deepEqual(before, ['cell-unit', 'total-blank']);

    const [pid, ...others] = serverProcesses();
    assert.ok(pid !== undefined && others.length === 0, `one server process expected, found ${[pid, ...others].join(', ')}`);
    const client = a.client()!;
    const running = withTimeout(
      new Promise<void>((resolve) => {
        let stopped = false;
        const sub = client.onDidChangeState((e) => {
          if (e.newState !== State.Running) stopped = true;
          else if (stopped) {
            sub.dispose();
            resolve();
          }
        });
      }),
      30_000,
      'the client to restart the server',
    );
    // the next status of the document can only come from a new server: nothing changed since it was checked
    const rechecked = withTimeout(
      new Promise<StatusParams>((resolve) => {
        const sub = a.onDidChangeStatus((p) => {
          if (p.uri !== doc.uri.toString()) return;
          sub.dispose();
          resolve(p);
        });
      }),
      30_000,
      'the restarted server to check the open report',
    );
    process.kill(pid, 'SIGKILL');
    await running;

    const [again] = serverProcesses();
    assert.ok(again !== undefined && again !== pid, 'a new server process');
    // the restarted server was sent the open document again and reports the same
    const status = await rechecked;
    assert.equal(status.version, doc.version);
    assert.equal(status.templateVersion, '2019');
    await waitForDiagnostics(doc.uri, (d) => codes(d).sort().join() === before.join());
    // and it answers: fix-all fills the blank total
    await vscode.commands.executeCommand('nianbao.fixAll');
    await waitForDiagnostics(doc.uri, (d) => !codes(d).includes('total-blank') && codes(d).includes('cell-unit'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
