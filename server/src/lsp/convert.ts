// Engine findings → LSP diagnostics, and the small LSP helpers the handlers share. The only place
// that knows how a finding looks in the Problems panel.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeActionKind as CodeActionKindT,
  Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Diagnostic, Fix } from '../engine';

export const SOURCE = 'nianbao';
export const FIX_ALL_KIND: CodeActionKindT = 'source.fixAll.nianbao';

const severities: Record<Diagnostic['severity'], DiagnosticSeverity> = { error: 1, warning: 2, info: 3, hint: 4 };

/** Codes whose findings are page chrome or similar: shown faded (DiagnosticTag.Unnecessary). */
const UNNECESSARY = new Set(['web-residue']);

/** What a published diagnostic carries in `data`: the engine's details, its fixes, and the version they are for. */
export interface DiagnosticPayload {
  relation?: string;
  reported?: string | null;
  computed?: string;
  cells?: unknown[];
  fixes?: Fix[];
  version: number;
  [key: string]: unknown;
}

/** file: URI of docs/rules/<code>.md inside the extension (server/out/../../docs/rules). */
export function ruleDocsHref(extensionRoot: string, code: string): string {
  return pathToFileURL(join(extensionRoot, 'docs', 'rules', `${code}.md`)).href;
}

export function toLspDiagnostic(d: Diagnostic, uri: string, version: number, extensionRoot: string): LspDiagnostic {
  const data: DiagnosticPayload = { ...(d.data ?? {}), version };
  if (d.fixes?.length) data.fixes = d.fixes;
  const out: LspDiagnostic = {
    range: d.range,
    severity: severities[d.severity],
    code: d.code,
    codeDescription: { href: ruleDocsHref(extensionRoot, d.code) },
    source: SOURCE,
    message: d.message,
    data,
  };
  if (d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  if (UNNECESSARY.has(d.code)) out.tags = [1];
  return out;
}

export function sameRange(a: Range, b: Range): boolean {
  return samePos(a.start, b.start) && samePos(a.end, b.end);
}

function samePos(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** Whether an action of kind `kind` answers a request limited to `only` (LSP's hierarchical kinds). */
export function kindRequested(kind: string, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export function workspaceEdit(uri: string, version: number, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

export function positionIn(pos: Position, range: Range, inclusiveEnd: boolean): boolean {
  const afterStart = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd =
    pos.line < range.end.line || (pos.line === range.end.line && (inclusiveEnd ? pos.character <= range.end.character : pos.character < range.end.character));
  return afterStart && beforeEnd;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  const le = (x: Position, y: Position) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}
