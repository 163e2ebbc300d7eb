// Units of the server that the LSP tests exercise only indirectly: the worker pool's cancellation
// and recovery, the minimal-edit diff used by fix-all, and the settings layer's validation.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdits, minimalEdits } from '../../server/src/lsp/diff';
import { CancelledError, WorkerPool, type RuleErrorReport } from '../../server/src/lsp/pool';
import { editorLayer } from '../../server/src/lsp/settings';
import { seedText } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A stand-in for worker.js that can hang, crash or fail on request.
const script = join(dir, 'worker.js');
writeFileSync(
  script,
  `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (req) => {
  if (req.text === 'hang') for (;;) {}
  if (req.text === 'crash') process.exit(3);
  if (req.text === 'fail') return parentPort.postMessage({ id: req.id, ok: false, error: 'boom', ruleErrors: [{ code: 'row-total', message: 'm' }] });
  parentPort.postMessage({ id: req.id, ok: true, kind: 'fixAll', fixed: req.text.toUpperCase(), ruleErrors: [] });
});
`,
);

describe('WorkerPool', () => {
  const run = (pool: WorkerPool, key: string, text: string) => pool.run(key, { kind: 'fixAll', text, options: {} });

  it('answers, and recovers after a cancelled (hung) job by starting a fresh worker', async () => {
    const pool = new WorkerPool(script, 1, () => undefined);
    try {
      expect(await run(pool, 'a', 'abc')).toMatchObject({ ok: true, fixed: 'ABC' });
      const hung = run(pool, 'a', 'hang');
      const queued = run(pool, 'b', 'next');
      pool.cancel('a');
      await expect(hung).rejects.toBeInstanceOf(CancelledError);
      expect(await queued).toMatchObject({ fixed: 'NEXT' });
      expect(pool.busy).toBe(0);
    } finally {
      pool.dispose();
    }
  });

  it('cancels queued jobs of a document without touching the others', async () => {
    const pool = new WorkerPool(script, 1, () => undefined);
    try {
      const first = run(pool, 'x', 'one');
      const stale = run(pool, 'y', 'two');
      const other = run(pool, 'z', 'three');
      pool.cancel('y');
      await expect(stale).rejects.toBeInstanceOf(CancelledError);
      expect((await first).ok).toBe(true);
      expect(await other).toMatchObject({ fixed: 'THREE' });
    } finally {
      pool.dispose();
    }
  });

  it('a crashed worker fails its job only; a failing job reports its rule errors', async () => {
    const errors: RuleErrorReport[] = [];
    const pool = new WorkerPool(script, 1, (e) => errors.push(...e));
    try {
      await expect(run(pool, 'a', 'crash')).rejects.toThrow(/exited/);
      await expect(run(pool, 'a', 'fail')).rejects.toThrow('boom');
      expect(errors.map((e) => e.code)).toEqual(['row-total']);
      expect(await run(pool, 'a', 'ok')).toMatchObject({ fixed: 'OK' });
    } finally {
      pool.dispose();
    }
  });
});

describe('minimalEdits', () => {
  const text = seedText('000_27ba472c7186d65d.txt');

  it('same line count: one small edit per changed line, never the whole document', () => {
    const lines = text.split('\n');
    lines[63] = lines[63]!.replace(/\t+$/, '') + '\t\t1\t0\t0\t0\t0\t11\t12';
    lines[10] = lines[10]!.replace('2019', '2020');
    const target = lines.join('\n');
    const edits = minimalEdits(text, target);
    expect(applyEdits(text, edits)).toBe(target);
    expect(edits.map((e) => e.range.start.line)).toEqual([10, 63]);
    for (const e of edits) expect(e.range.end.line).toBe(e.range.start.line);
    expect(edits[0]!.newText).toBe('20');
  });

  it('lines inserted and removed, CRLF, surrogate pairs, identical texts', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const lines = crlf.split('\r\n');
    lines.splice(20, 0, '新增一行', '再加一行𠮷');
    lines.splice(70, 2);
    lines[80] = `${lines[80]}𠮷`;
    const target = lines.join('\r\n');
    const edits = minimalEdits(crlf, target);
    expect(applyEdits(crlf, edits)).toBe(target);
    expect(edits.length).toBeGreaterThanOrEqual(3);
    const changed = edits.reduce((n, e) => n + e.newText.length, 0);
    expect(changed).toBeLessThan(100);
    expect(minimalEdits(text, text)).toEqual([]);
    expect(applyEdits('', minimalEdits('', 'abc'))).toBe('abc');
    expect(applyEdits('abc', minimalEdits('abc', ''))).toBe('');
  });

  it('random edits round-trip', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 50; round++) {
      const lines = text.split('\n');
      for (let k = 0; k < 5; k++) {
        const i = rnd(lines.length);
        const op = rnd(3);
        if (op === 0) lines.splice(i, 1);
        else if (op === 1) lines.splice(i, 0, `行${rnd(100)}`);
        else lines[i] = `${lines[i]}\t${rnd(10)}`;
      }
      const target = lines.join('\n');
      expect(applyEdits(text, minimalEdits(text, target))).toBe(target);
    }
  });
});

describe('editor settings layer', () => {
  it('editor-only keys apart, language auto dropped, the rest validated', () => {
    expect(editorLayer({ rules: { 'cell-unit': 'off' }, template: 'auto', language: 'auto', detectReports: false, trace: { server: 'off' } })).toEqual({
      config: { rules: { 'cell-unit': 'off' }, template: 'auto' },
      detectReports: false,
      error: null,
    });
    expect(editorLayer(undefined)).toEqual({ config: {}, detectReports: true, error: null });
    const bad = editorLayer({ rules: { 'cell-unit': 'loud' } });
    expect(bad.config).toEqual({});
    expect(bad.error?.message).toContain('rules.cell-unit');
    expect(editorLayer({ colour: 'red' }).error?.message).toContain('colour');
    expect(editorLayer({ language: 'fr' }).error?.message).toContain('language');
  });
});
