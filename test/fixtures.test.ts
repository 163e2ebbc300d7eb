// Data-driven fixture tests: every `test/fixtures/**/<name>.expect.json` describes what the engine must
// (and must not) report for its sibling fixture `<name>.<ext>`. The expectation format:
//
//   description      one line: what the fixture is about
//   templateVersion  expected detection ("2019" | "2021" | null); omitted = not checked
//   year, yearSource expected report year and where it came from; omitted = not checked
//   isReport         false: the engine must return no diagnostics at all (default true)
//   findings         [{ code, line, severity?, count? }]: `line` is 1-based (the line of the range start).
//                    With a number line: exactly `count` (default 1) findings of that code on that line.
//                    `code` and/or `line` may be arrays ("any of"): then the findings of those codes on
//                    those lines number exactly `count` if given, at least one otherwise.
//   strict           true: every error/warning/info finding must match an expected finding or an
//                    `allowed` entry (hints are ignored unless listed in `findings`)
//   strictAtLeast    "error" | "warning" | "info": like strict, for findings at or above that severity
//                    (EXPECTED.md's “anything else at warning or error level is a false positive”)
//   allowed          [{ code?, line?, fromLine?, toLine?, maxSeverity? }]: findings tolerated by strictness
//   forbid           codes that must not appear at all (any severity)
//   fixAllClean      default true: after applyFixes the re-lint shows none of the fix-all codes
//
// For each fixture the runner also checks that every range (diagnostic, related information, fix edit)
// lies inside the document, that fix-all is idempotent, that a text without fix-all findings comes back
// byte-identical, and, where a `<name>.fixed.<ext>` file lies beside the fixture, that the fixed text
// equals it (vitest file snapshot: `vitest -u` rewrites it; review the diff before committing).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, lintText } from '../server/src/engine';
import type { Diagnostic, LintResult, Range, Severity } from '../server/src/core/types';

const ROOT = join(__dirname, 'fixtures');
const FIX_ALL_CODES = ['suspect-cell', 'total-blank', 'row-total', 'review-total', 'column-total'];
const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

type OneOrMany<T> = T | T[];
interface ExpectedFinding {
  code: OneOrMany<string>;
  line: OneOrMany<number>;
  severity?: Severity;
  count?: number;
}
interface Allowed {
  code?: OneOrMany<string>;
  line?: OneOrMany<number>;
  fromLine?: number;
  toLine?: number;
  maxSeverity?: Severity;
}
interface Expectation {
  description: string;
  templateVersion?: '2019' | '2021' | null;
  year?: number | null;
  yearSource?: 'title' | 'period' | 'body' | null;
  isReport?: boolean;
  findings?: ExpectedFinding[];
  strict?: boolean;
  strictAtLeast?: Exclude<Severity, 'hint'>;
  allowed?: Allowed[];
  forbid?: string[];
  fixAllClean?: boolean;
}
interface Fixture {
  /** Path relative to test/fixtures, e.g. `rules/row-total.txt`. */
  path: string;
  file: string;
  stem: string;
  ext: string;
  expectation: Expectation;
}

const KNOWN_KEYS = new Set([
  'description', 'templateVersion', 'year', 'yearSource', 'isReport', 'findings', 'strict', 'strictAtLeast', 'allowed', 'forbid', 'fixAllClean',
]);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out.sort();
}

function loadFixtures(): Fixture[] {
  const files = walk(ROOT);
  const fixtures: Fixture[] = [];
  for (const expectFile of files.filter((f) => f.endsWith('.expect.json'))) {
    const stem = expectFile.slice(0, -'.expect.json'.length);
    const siblings = files.filter(
      (f) => f.startsWith(stem + '.') && !f.endsWith('.expect.json') && !f.slice(stem.length + 1).startsWith('fixed.') && !f.slice(stem.length + 1).includes('.'),
    );
    if (siblings.length !== 1) throw new Error(`${relative(ROOT, expectFile)}: expected exactly one fixture beside it, found ${siblings.length}`);
    const file = siblings[0]!;
    const expectation = JSON.parse(readFileSync(expectFile, 'utf8')) as Expectation;
    for (const k of Object.keys(expectation)) {
      if (!KNOWN_KEYS.has(k)) throw new Error(`${relative(ROOT, expectFile)}: unknown key "${k}"`);
    }
    fixtures.push({ path: relative(ROOT, file), file, stem, ext: file.slice(stem.length + 1), expectation });
  }
  return fixtures;
}

const many = <T>(x: OneOrMany<T> | undefined): T[] | undefined => (x === undefined ? undefined : Array.isArray(x) ? x : [x]);
const lineOf = (d: Diagnostic) => d.range.start.line + 1;
const show = (d: Diagnostic) => `${d.code}@${lineOf(d)} (${d.severity}) ${d.message}`;

function matchesExpected(d: Diagnostic, f: ExpectedFinding): boolean {
  return many(f.code)!.includes(d.code) && many(f.line)!.includes(lineOf(d));
}

function matchesAllowed(d: Diagnostic, a: Allowed): boolean {
  const codes = many(a.code);
  const lines = many(a.line);
  if (codes && !codes.includes(d.code)) return false;
  if (lines && !lines.includes(lineOf(d))) return false;
  if (a.fromLine !== undefined && lineOf(d) < a.fromLine) return false;
  if (a.toLine !== undefined && lineOf(d) > a.toLine) return false;
  if (a.maxSeverity !== undefined && RANK[d.severity] > RANK[a.maxSeverity]) return false;
  return true;
}

/** Everything wrong with `result` for `e`, as readable lines (empty = pass). */
function findingProblems(result: LintResult, e: Expectation): string[] {
  const problems: string[] = [];
  const diags = result.diagnostics;
  if (e.isReport === false) {
    for (const d of diags) problems.push(`not a report, yet: ${show(d)}`);
    return problems;
  }
  if (e.templateVersion !== undefined && result.templateVersion !== e.templateVersion)
    problems.push(`templateVersion: expected ${e.templateVersion}, got ${result.templateVersion}`);
  if (e.year !== undefined && result.year !== e.year) problems.push(`year: expected ${e.year}, got ${result.year}`);
  if (e.yearSource !== undefined && result.yearSource !== e.yearSource)
    problems.push(`yearSource: expected ${e.yearSource}, got ${result.yearSource}`);

  const findings = e.findings ?? [];
  for (const f of findings) {
    const hits = diags.filter((d) => matchesExpected(d, f));
    const where = `${many(f.code)!.join('|')}@${many(f.line)!.join('|')}`;
    const exact = !Array.isArray(f.code) && !Array.isArray(f.line);
    if (exact || f.count !== undefined) {
      const want = f.count ?? 1;
      if (hits.length !== want) problems.push(`${where}: expected ${want} finding(s), got ${hits.length}`);
    } else if (hits.length === 0) {
      problems.push(`${where}: expected at least one finding, got none`);
    }
    if (f.severity) for (const d of hits) if (d.severity !== f.severity) problems.push(`${where}: expected severity ${f.severity}, got ${d.severity}`);
  }

  const levels: number[] = [];
  if (e.strict) levels.push(RANK.info);
  if (e.strictAtLeast) levels.push(RANK[e.strictAtLeast]);
  if (levels.length) {
    const min = Math.min(...levels);
    for (const d of diags) {
      if (RANK[d.severity] < min) continue;
      if (findings.some((f) => matchesExpected(d, f))) continue;
      if ((e.allowed ?? []).some((a) => matchesAllowed(d, a))) continue;
      problems.push(`unexpected: ${show(d)}`);
    }
  }
  for (const code of e.forbid ?? []) for (const d of diags) if (d.code === code) problems.push(`forbidden: ${show(d)}`);
  return problems;
}

function rangeProblems(text: string, diags: Diagnostic[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const problems: string[] = [];
  const check = (r: Range, what: string) => {
    for (const p of [r.start, r.end]) {
      if (p.line < 0 || p.line >= lines.length) problems.push(`${what}: line ${p.line} outside 0..${lines.length - 1}`);
      else if (p.character < 0 || p.character > lines[p.line]!.length)
        problems.push(`${what}: character ${p.character} outside line ${p.line} (length ${lines[p.line]!.length})`);
    }
    if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character))
      problems.push(`${what}: start after end`);
  };
  for (const d of diags) {
    const what = `${d.code}@${lineOf(d)}`;
    check(d.range, what);
    for (const rel of d.related ?? []) check(rel.range, `${what} related`);
    for (const fix of d.fixes ?? []) for (const edit of fix.edits) check(edit.range, `${what} fix “${fix.title}”`);
  }
  return problems;
}

const fixtures = loadFixtures();

describe('fixtures', () => {
  it('are present and well-formed', () => {
    expect(fixtures.length).toBeGreaterThan(100);
    for (const f of fixtures) expect(f.expectation.description, f.path).toBeTruthy();
  });

  for (const fx of fixtures) {
    describe(fx.path, () => {
      const text = readFileSync(fx.file, 'utf8');
      const e = fx.expectation;

      it('findings', () => {
        const result = lintText(text);
        const problems = findingProblems(result, e);
        const actual = result.diagnostics.map(show);
        expect(problems, `${fx.path} — ${e.description}\nactual:\n  ${actual.join('\n  ') || '(none)'}`).toEqual([]);
      });

      it('ranges lie inside the document', () => {
        const result = lintText(text);
        expect(rangeProblems(text, result.diagnostics)).toEqual([]);
      });

      it('fix-all', async () => {
        const result = lintText(text);
        const fixed = applyFixes(text, result);
        const hadFixAll = result.diagnostics.some((d) => FIX_ALL_CODES.includes(d.code));
        if (!hadFixAll) expect(fixed === text, 'a text without fix-all findings comes back byte-identical').toBe(true);
        expect(applyFixes(fixed) === fixed, 'applyFixes is idempotent').toBe(true);
        if (e.isReport !== false && e.fixAllClean !== false) {
          const left = lintText(fixed).diagnostics.filter((d) => FIX_ALL_CODES.includes(d.code)).map(show);
          expect(left, 'fix-all codes left after applyFixes').toEqual([]);
        }
        // The expected fixed text, where it is unambiguous (a number replacing a number, or filling an
        // empty tab field / <td>); fixtures whose blank cells hold spaces leave the exact insertion point
        // to the engine and are checked by the re-lint above only.
        const snapshot = `${fx.stem}.fixed.${fx.ext}`;
        if (existsSync(snapshot)) await expect(fixed).toMatchFileSnapshot(relative(__dirname, snapshot));
      });
    });
  }
});

describe('layouts: the same report in every layout gives the same findings', () => {
  const names = ['tab.txt', 'word.txt', 'pipe.txt', 'markdown.md', 'html.html', 'html-oneline.html', 'blankline.txt', 'pdftext.txt'];
  const codesOf = (name: string) =>
    lintText(readFileSync(join(ROOT, 'layouts', name), 'utf8'))
      .diagnostics.filter((d) => d.severity !== 'hint')
      .map((d) => d.code)
      .sort();
  const reference = codesOf('tab.txt');
  for (const name of names.slice(1)) {
    it(`layouts/${name} ≡ layouts/tab.txt`, () => {
      expect(codesOf(name)).toEqual(reference);
    });
  }
});
