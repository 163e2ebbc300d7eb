// Helpers for the integration tests: the extension's API, temp copies of the seed reports, and
// waits on VS Code events (never fixed sleeps).
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'nianbao-lint.nianbao-lint';

export async function api(): Promise<NianbaoApi> {
  const ext = vscode.extensions.getExtension<NianbaoApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const a = await ext.activate();
  await a.ready;
  return a;
}

/** Copies test/fixtures/seeds/*.txt to a fresh temp folder (the tests edit them; the fixtures stay untouched). */
export function copySeeds(): { dir: string; files: string[] } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const src = join(ext.extensionPath, 'test', 'fixtures', 'seeds');
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ext-'));
  const files = readdirSync(src).filter((f) => f.endsWith('.txt')).sort();
  for (const f of files) copyFileSync(join(src, f), join(dir, f));
  return { dir, files };
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao');

/** Resolves with the document's nianbao diagnostics once they satisfy `test` (now or after a change). */
export function waitForDiagnostics(uri: vscode.Uri, test: (d: vscode.Diagnostic[]) => boolean, timeout = 30_000): Promise<vscode.Diagnostic[]> {
  const now = ours(uri);
  if (test(now)) return Promise.resolve(now);
  return withTimeout(
    new Promise<vscode.Diagnostic[]>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString() === uri.toString())) return;
        const d = ours(uri);
        if (test(d)) {
          sub.dispose();
          resolve(d);
        }
      });
    }),
    timeout,
    `diagnostics of ${uri.toString()}`,
  );
}

/** Waits until the server has checked the document's current version (nianbao/status), then for its diagnostics to be in place. */
export async function checked(a: NianbaoApi, doc: vscode.TextDocument, timeout = 30_000): Promise<vscode.Diagnostic[]> {
  const current = () => {
    const s = a.status(doc.uri);
    return !!s && s.version === doc.version;
  };
  if (!current()) {
    await withTimeout(
      new Promise<void>((resolve) => {
        const sub = a.onDidChangeStatus(() => {
          if (current()) {
            sub.dispose();
            resolve();
          }
        });
        if (current()) {
          sub.dispose();
          resolve();
        }
      }),
      timeout,
      `nianbao/status of ${doc.uri.toString()} v${doc.version}`,
    );
  }
  const s = a.status(doc.uri)!;
  const expected = s.counts.error + s.counts.warning + s.counts.info + s.counts.hint;
  return waitForDiagnostics(doc.uri, (d) => d.length === expected, timeout);
}

export function codes(diags: readonly vscode.Diagnostic[]): string[] {
  return diags.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
}

/** 1-based lines of the diagnostics with `code`. */
export function linesOf(diags: readonly vscode.Diagnostic[], code: string): number[] {
  return diags.filter((d, i) => codes(diags)[i] === code).map((d) => d.range.start.line + 1);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
