// Diagnostics over real LSP for each seed (test/fixtures/seeds/EXPECTED.md), their shape (code,
// codeDescription, source, relatedInformation, data), and their lifecycle: no stale results after a
// burst of edits, cleared on close, checked only when the document is a report.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TestClient, useSuiteClient, codes, linesOf, seedText, seedUri } from './harness';

const S000 = '000_27ba472c7186d65d.txt';
const S001 = '001_b2d2c71bcc05c0a2.txt';
const S002 = '002_1c75c2c4e67cd3d7.txt';
const S003 = '003_d11106ab72934bbf.txt';
const S004 = '004_cbd4f0ffc4ed64f1.txt';

let client: TestClient;
useSuiteClient((c) => (client = c));

const ARITHMETIC = ['row-total', 'column-total', 'balance', 'review-total', 'total-blank', 'suspect-cell'];

async function check(name: string) {
  const uri = seedUri(name);
  client.open(uri, seedText(name));
  const diags = await client.diagnosticsForCurrent(uri);
  return { uri, diags };
}

describe('seed diagnostics', () => {
  it('000: total-blank on line 64 and cell-unit on line 33, no other arithmetic', async () => {
    const { diags } = await check(S000);
    expect(linesOf(diags, 'total-blank')).toEqual([64]);
    expect(linesOf(diags, 'cell-unit')).toEqual([33]);
    expect(codes(diags).filter((c) => ['balance', 'column-total', 'row-total'].includes(c))).toEqual([]);
    const tb = diags.find((d) => d.code === 'total-blank')!;
    expect(tb.severity).toBe(1);
    expect(tb.source).toBe('nianbao');
    const href = tb.codeDescription!.href;
    expect(href).toMatch(/^file:\/\/.*\/docs\/rules\/total-blank\.md$/);
    expect(existsSync(fileURLToPath(href))).toBe(true);
    expect(tb.relatedInformation?.length).toBeGreaterThan(0);
    expect(tb.relatedInformation![0]!.location.uri).toBe(seedUri(S000));
    const data = tb.data as { computed?: string; relation?: string; cells?: unknown[]; fixes?: unknown[]; version: number };
    expect(data.version).toBe(1);
    expect(data.fixes?.length).toBeGreaterThan(0);
    expect(data.cells?.length).toBeGreaterThan(0);
    const unit = diags.find((d) => d.code === 'cell-unit')!;
    expect(unit.severity).toBe(3);
  });

  it('001: three section-missing and three placeholders on line 7, no arithmetic error', async () => {
    const { diags } = await check(S001);
    expect(linesOf(diags, 'section-missing').length).toBe(3);
    expect(linesOf(diags, 'placeholder').filter((l) => l === 7).length).toBe(3);
    expect(codes(diags).filter((c) => ARITHMETIC.includes(c))).toEqual([]);
    expect(codes(diags)).not.toContain('table-missing');
  });

  it('002: nothing at warning or error level', async () => {
    const { diags } = await check(S002);
    expect(diags.filter((d) => d.severity! <= 2).map((d) => `${d.code}@${d.range.start.line + 1}`)).toEqual([]);
    const residue = diags.find((d) => d.code === 'web-residue');
    if (residue) expect(residue.tags).toEqual([1]);
  });

  it('003: cell-blank line 53, section-empty line 99, custom rows on 34–35', async () => {
    const { diags } = await check(S003);
    expect(linesOf(diags, 'cell-blank')).toContain(53);
    expect(linesOf(diags, 'section-empty')).toEqual([99]);
    const custom = [...linesOf(diags, 'cell-count'), ...linesOf(diags, 'row-unknown')];
    expect(custom.some((l) => l === 34 || l === 35)).toBe(true);
    expect(codes(diags).filter((c) => ARITHMETIC.includes(c))).toEqual([]);
  });

  it('004: year-missing on line 1 and the 20 blank cells of table 二', async () => {
    const { diags } = await check(S004);
    expect(linesOf(diags, 'year-missing')).toEqual([1]);
    const blanks = diags.filter((d) => d.code === 'cell-blank');
    expect(blanks.length).toBeGreaterThanOrEqual(1);
    const cells = blanks.reduce((n, d) => n + Math.max(1, ((d.data as { cells?: unknown[] } | undefined)?.cells?.length ?? 1)), 0);
    expect(cells).toBeGreaterThanOrEqual(20);
    expect(codes(diags).filter((c) => ARITHMETIC.includes(c))).toEqual([]);
  });

  it('reports a nianbao/status notification with the detected template and year', async () => {
    const uri = seedUri(S002);
    const status = (await client.waitForNotification('nianbao/status', (p) => (p as { uri: string }).uri === uri)) as {
      templateVersion: string;
      year: number;
      isReport: boolean;
    };
    expect(status).toMatchObject({ templateVersion: '2021', year: 2021, isReport: true });
  });
});

describe('lifecycle', () => {
  it('publishes nothing for a text that is not a report', async () => {
    const uri = 'untitled:notes-1';
    client.open(uri, '会议纪要\n\n今天讨论了三件事。\n');
    const diags = await client.diagnosticsForCurrent(uri);
    expect(diags).toEqual([]);
  });

  it('after a burst of 20 quick edits, the diagnostics are those of the final version', async () => {
    const uri = 'untitled:burst-000';
    const text = seedText(S000);
    client.open(uri, text);
    await client.diagnosticsForCurrent(uri);
    const lines = text.split('\n');
    const row = lines.findIndex((l) => /^[（(]七[）)]\s*总计/.test(l));
    expect(row).toBeGreaterThan(0);
    // Type “1 0 0 0 0 11 12” into the blank total row, one character per change, then break it again.
    const before = client.published.length;
    const typed = '\t\t1\t0\t0\t0\t0\t11\t12';
    const rowText = lines[row]!;
    const base = rowText.replace(/\t+$/, '');
    client.edit(uri, [{ range: { start: { line: row, character: 0 }, end: { line: row, character: rowText.length } }, newText: base }]);
    for (let i = 0; i < typed.length; i++) {
      client.edit(uri, [{ range: { start: { line: row, character: base.length + i }, end: { line: row, character: base.length + i } }, newText: typed[i]! }]);
    }
    // And fiddle with the title: add and remove a character, twice.
    const title = lines[0]!.length;
    for (let i = 0; i < 2; i++) {
      client.edit(uri, [{ range: { start: { line: 0, character: title }, end: { line: 0, character: title } }, newText: '。' }]);
      client.edit(uri, [{ range: { start: { line: 0, character: title }, end: { line: 0, character: title + 1 } }, newText: '' }]);
    }
    const doc = client.docs.get(uri)!;
    expect(doc.version - 1).toBeGreaterThanOrEqual(20);
    const final = await client.waitForDiagnostics(uri, (p) => p.version === doc.version, 10_000, false);
    expect(final.diagnostics.map((d) => d.code)).not.toContain('total-blank');
    // Nothing older than the final version was published after it, and no stale version came in between at the end.
    const after = client.published.slice(before).filter((p) => p.uri === uri);
    expect(after[after.length - 1]!.version).toBe(doc.version);
    // The debounce coalesced the burst.
    expect(after.length).toBeLessThan(typed.length);
    for (let i = 1; i < after.length; i++) expect(after[i]!.version!).toBeGreaterThanOrEqual(after[i - 1]!.version!);
  });

  it('clears the diagnostics when the document is closed', async () => {
    const uri = 'untitled:close-000';
    client.open(uri, seedText(S000));
    const diags = await client.diagnosticsForCurrent(uri);
    expect(diags.length).toBeGreaterThan(0);
    client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 10_000, false);
    expect(cleared.diagnostics).toEqual([]);
    // Reopened, closed and reopened at once with other texts: nothing about an earlier text is
    // published after it was closed, and the last text's findings arrive.
    const since = client.published.length;
    client.open(uri, seedText(S002));
    client.close(uri);
    client.open(uri, seedText(S003));
    await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('section-empty'), 10_000, false);
    const after = client.published.slice(since).filter((p) => p.uri === uri);
    expect(after.some((p) => codes(p.diagnostics).includes('total-blank'))).toBe(false);
    expect(codes(after[after.length - 1]!.diagnostics)).toContain('section-empty');
  });
});
