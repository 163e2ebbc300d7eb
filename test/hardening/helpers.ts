// Shared by the hardening tests: the fixture corpus the properties start from, random edits as
// fast-check arbitraries, and checks that every range a result carries lies inside its document.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Diagnostic, LintResult, Position, Range } from '../../server/src/core/types';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(REPO, 'test/fixtures');

export interface Fixture {
  name: string;
  text: string;
}

/**
 * Every text fixture (seeds, layouts, rules, robust: .txt, .md, .html) up to `maxBytes`, sorted by
 * path so a fixed fast-check seed always picks the same documents.
 */
export function fixtures(maxBytes = 64 * 1024): Fixture[] {
  const out: Fixture[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md|html?)$/i.test(e.name) && statSync(p).size <= maxBytes) out.push({ name: relative(FIXTURES, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(FIXTURES);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// ---- random edits -------------------------------------------------------------------------------

export type Edit =
  | { kind: 'delete-lines'; at: number; count: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'change-digit'; nth: number; digit: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'line-endings'; eol: '\r\n' | '\r' };

/** Text that breaks things: tabs, pipes, brackets, HTML, full-width forms, numbers with units, markers. */
const junkPiece = fc.constantFrom(
  '\t',
  '|',
  ' | ',
  '||',
  '\n',
  '\r\n',
  '\r',
  '\u3000',
  '（',
  '）',
  '<td>',
  '</tr>',
  '<table>',
  '&nbsp;',
  '&#',
  '0',
  '-',
  '—',
  '12.5万元',
  '1,234',
  '１２',
  '（七）总计',
  '一、总体情况',
  '三、收到和处理政府信息公开申请情况',
  '本年新收政府信息公开申请数量',
  'XX',
  '（文字描述）',
  '附件',
  '2021年',
  '\u200b',
  '\ufeff',
  '#',
  '---',
);

/** Any UTF-16 code unit, lone surrogates included, and whole astral characters (surrogate pairs). */
const codeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);

/** Binary bytes read as text the two ways a front end may: Latin-1 (NUL and all) or lossy UTF-8. */
const binary = fc.uint8Array({ minLength: 1, maxLength: 64 }).chain((bytes) =>
  fc.constantFrom(Buffer.from(bytes).toString('latin1'), new TextDecoder().decode(bytes)),
);

export const junk: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(junkPiece, { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.array(codeUnit, { minLength: 1, maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: binary },
);

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('change-digit' as const), nth: fc.nat(), digit: fc.constantFrom(...'0123456789', '', '00', '-1', '1.5', '８') }),
  fc.record({ kind: fc.constant('change-digit' as const), nth: fc.nat(), digit: fc.constantFrom(...'0123456789') }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: junk }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('line-endings' as const), eol: fc.constantFrom('\r\n' as const, '\r' as const) }),
);

export function applyEdit(text: string, e: Edit): string {
  switch (e.kind) {
    case 'delete-lines':
    case 'duplicate-line':
    case 'swap-lines': {
      const lines = text.split('\n');
      if (e.kind === 'delete-lines') {
        lines.splice(e.at % lines.length, e.count);
      } else if (e.kind === 'duplicate-line') {
        const i = e.at % lines.length;
        lines.splice(i, 0, lines[i]!);
      } else {
        const a = e.a % lines.length;
        const b = e.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      return lines.join('\n');
    }
    case 'change-digit': {
      const digits: number[] = [];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) digits.push(i);
      }
      if (!digits.length) return text;
      const i = digits[e.nth % digits.length]!;
      return text.slice(0, i) + e.digit + text.slice(i + 1);
    }
    case 'insert': {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, e.at % (text.length + 1));
    case 'line-endings':
      return text.replace(/\r?\n/g, e.eol);
  }
}

export const applyEdits = (text: string, edits: readonly Edit[]): string => edits.reduce(applyEdit, text);

// ---- ranges -------------------------------------------------------------------------------------

/** Content lengths of the lines as LSP counts them (\r\n, \n and a lone \r each end a line). */
export function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

function positionProblem(p: Position, lines: number[]): string | null {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return 'not an integer position';
  if (p.line < 0 || p.line >= lines.length) return `line ${p.line} outside 0..${lines.length - 1}`;
  if (p.character < 0 || p.character > lines[p.line]!) return `character ${p.character} outside 0..${lines[p.line]} on line ${p.line}`;
  return null;
}

function rangeProblem(r: Range, lines: number[]): string | null {
  const a = positionProblem(r.start, lines) ?? positionProblem(r.end, lines);
  if (a) return a;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return 'start after end';
  return null;
}

/** Every range in a result: the finding's, its related locations', its data cells' and its fix edits'. */
export function* rangesOf(d: Diagnostic): Generator<[string, Range]> {
  yield ['range', d.range];
  for (const r of d.related ?? []) yield ['related', r.range];
  for (const c of (d.data?.cells as { range: Range }[] | undefined) ?? []) yield ['data.cells', c.range];
  for (const f of d.fixes ?? []) for (const e of f.edits) yield ['fix edit', e.range];
}

/** Problems with the ranges of `result` for `text` (empty when all are inside the document). */
export function rangeProblems(text: string, result: LintResult): string[] {
  const lines = lineLengths(text);
  const out: string[] = [];
  for (const d of result.diagnostics) {
    for (const [what, r] of rangesOf(d)) {
      const p = rangeProblem(r, lines);
      if (p) out.push(`${d.code} ${what}: ${p} (${JSON.stringify(r)})`);
    }
  }
  return out;
}

/** Offset of an LSP position (the inverse of the engine's LineIndex), for checking edits. */
export function offsetOf(text: string, p: Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text.charCodeAt(i);
    i++;
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i) === 10) i++;
      line++;
    }
  }
  return i + p.character;
}
