// The `nianbao-lint` command end to end: output formats, exit codes, rule overrides, configuration.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli, cleanTemps, copySeeds, parseJson, REPO, runCli, SEED0, SEED1, SEED2, SEED3, SEED4, SEED_FILES, SEEDS, tempDir } from './helpers';

// Each test spawns the CLI a few times; leave room for a loaded CI machine.
vi.setConfig({ testTimeout: 60_000 });

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
}, 120_000);
afterAll(cleanTemps);

describe('text output', () => {
  it('lists findings ESLint-style with 1-based positions and a summary', () => {
    const r = runCli(cli, [SEED0], SEEDS);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(SEED0);
    const blank = lines.find((l) => l.endsWith('total-blank'));
    expect(blank).toMatch(/^ {2}64:1 +error {2}.+ {2}total-blank$/);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(1 error, 0 warnings, \d+ info, 0 hints\)\n$/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stderr).toBe('');
  });

  it('says so when there is nothing at warning level or above, and exits 0', () => {
    const r = runCli(cli, ['--quiet', SEED2], SEEDS);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('✔ no problems (1 file checked)\n');
  });

  it('is deterministic and uncoloured for a pipe, even without NO_COLOR', () => {
    const a = runCli(cli, ['.'], SEEDS, { NO_COLOR: undefined });
    const b = runCli(cli, ['.'], SEEDS, { NO_COLOR: undefined });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toMatch(/\u001b\[/);
    expect(runCli(cli, ['--color', SEED0], SEEDS).stdout).toMatch(/\u001b\[31merror/);
  });

  it('prints messages in English with --lang en', () => {
    const r = runCli(cli, ['--lang', 'en', SEED1], SEEDS);
    const missing = r.stdout.split('\n').filter((l) => l.endsWith('section-missing'));
    expect(missing).toHaveLength(3);
    for (const l of missing) {
      expect(l).not.toContain('缺少');
      expect(l).toMatch(/[A-Za-z]{4}/);
    }
  });
});

describe('json output', () => {
  it('gives one entry per file in input order with the engine diagnostics (0-based ranges)', () => {
    const r = runCli(cli, ['--format', 'json', SEED2, SEED0, SEED1], SEEDS);
    expect(r.status).toBe(1);
    const out = parseJson(r.stdout);
    expect(out.map((e) => e.file)).toEqual([SEED2, SEED0, SEED1]);
    for (const e of out) expect(Object.keys(e)).toEqual(['file', 'templateVersion', 'year', 'yearSource', 'diagnostics']);

    const [s2, s0, s1] = out;
    expect(s2).toMatchObject({ templateVersion: '2021', year: 2021, yearSource: 'title' });
    expect(s2!.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);

    expect(s0).toMatchObject({ templateVersion: '2019', year: 2019, yearSource: 'title' });
    const blank = s0!.diagnostics.filter((d) => d.code === 'total-blank');
    expect(blank.length).toBeGreaterThan(0);
    expect(blank.every((d) => d.severity === 'error' && d.range.start.line === 63)).toBe(true);
    expect(s0!.diagnostics.some((d) => ['balance', 'column-total', 'row-total'].includes(d.code))).toBe(false);

    const missing = s1!.diagnostics.filter((d) => d.code === 'section-missing');
    expect(missing).toHaveLength(3);
    expect(missing.every((d) => d.severity === 'error')).toBe(true);
  });

  it('keeps diagnostics sorted by position', () => {
    const out = parseJson(runCli(cli, ['-f', 'json', SEED4], SEEDS).stdout);
    const d = out[0]!.diagnostics;
    expect(d.length).toBeGreaterThan(1);
    for (let i = 1; i < d.length; i++) {
      const a = d[i - 1]!.range.start;
      const b = d[i]!.range.start;
      expect(a.line < b.line || (a.line === b.line && a.character <= b.character)).toBe(true);
    }
  });

  it('reports a non-report file with nulls and no findings', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), '这是一个普通的文本文件，不是年度报告。\n');
    const r = runCli(cli, ['-f', 'json', 'notes.txt'], dir);
    expect(r.status).toBe(0);
    expect(parseJson(r.stdout)).toEqual([{ file: 'notes.txt', templateVersion: null, year: null, yearSource: null, diagnostics: [] }]);
  });
});

describe('exit codes', () => {
  it('0 without errors, 1 with errors, 2 for usage problems', () => {
    expect(runCli(cli, [SEED2], SEEDS).status).toBe(0);
    expect(runCli(cli, [SEED3], SEEDS).status).toBe(0); // warnings only
    expect(runCli(cli, [SEED0], SEEDS).status).toBe(1);
    const usage = runCli(cli, ['--format', 'xml', SEED0], SEEDS);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--format');
    expect(runCli(cli, [], SEEDS).status).toBe(2);
    expect(runCli(cli, ['--no-such-flag', SEED0], SEEDS).status).toBe(2);
  });

  it('--exit-zero turns 1 into 0 but keeps 2', () => {
    expect(runCli(cli, ['--exit-zero', SEED0], SEEDS).status).toBe(0);
    expect(runCli(cli, ['--exit-zero', SEED0, 'missing.txt'], SEEDS).status).toBe(2);
  });

  it('--max-warnings fails a run with too many warnings', () => {
    expect(runCli(cli, ['--max-warnings', '100', SEED4], SEEDS).status).toBe(0);
    const r = runCli(cli, ['--max-warnings', '3', SEED4], SEEDS);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('too many warnings');
    expect(runCli(cli, ['--max-warnings', 'lots', SEED4], SEEDS).status).toBe(2);
  });

  it('--quiet keeps errors only, in every format', () => {
    const out = parseJson(runCli(cli, ['-q', '-f', 'json', SEED0, SEED4], SEEDS).stdout);
    expect(out[0]!.diagnostics.map((d) => d.code)).toEqual(['total-blank']);
    expect(out[1]!.diagnostics).toEqual([]);
  });

  it('--help and --version exit 0', () => {
    const help = runCli(cli, ['--help'], SEEDS);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: nianbao-lint');
    const version = runCli(cli, ['--version'], SEEDS);
    expect(version.status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('an unreadable file is reported (exit 2) while the others are still checked', () => {
    const dir = tempDir();
    copySeeds(dir, [SEED2]);
    const text = runCli(cli, ['missing.txt', SEED2], dir);
    expect(text.status).toBe(2);
    expect(text.stderr).toContain('missing.txt');
    expect(text.stderr).toContain('no such file or directory');
    expect(text.stdout).toContain('1 file could not be checked');

    // A file used as a folder (ENOTDIR) is unreadable too.
    const notDir = runCli(cli, ['-f', 'json', `${SEED2}/`, SEED2], dir);
    expect(notDir.status).toBe(2);
    expect(parseJson(notDir.stdout)[0]!.error).toMatch(/not a directory/);

    const json = runCli(cli, ['-f', 'json', 'missing.txt', SEED2], dir);
    expect(json.status).toBe(2);
    const out = parseJson(json.stdout);
    expect(out[0]).toMatchObject({ file: 'missing.txt', error: expect.stringContaining('no such file') as unknown, diagnostics: [] });
    expect(out[1]).toMatchObject({ file: SEED2, templateVersion: '2021' });
    expect(out[1]!.error).toBeUndefined();
  });
});

describe('--rule overrides', () => {
  it('turns a rule off or changes its severity', () => {
    const off = parseJson(runCli(cli, ['-f', 'json', '--rule', 'total-blank=off', SEED0], SEEDS).stdout);
    expect(off[0]!.diagnostics.some((d) => d.code === 'total-blank')).toBe(false);
    expect(runCli(cli, ['--rule', 'total-blank=off', SEED0], SEEDS).status).toBe(0);

    const warn = runCli(cli, ['-f', 'json', '--rule', 'total-blank=warning', '--rule', 'cell-unit=error', SEED0], SEEDS);
    const d = parseJson(warn.stdout)[0]!.diagnostics;
    expect(d.find((x) => x.code === 'total-blank')!.severity).toBe('warning');
    expect(d.find((x) => x.code === 'cell-unit')!.severity).toBe('error');
    expect(warn.status).toBe(1);
  });

  it('rejects an unknown rule code or severity, naming it', () => {
    const r = runCli(cli, ['--rule', 'row-totl=off', SEED0], SEEDS);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('row-totl');
    expect(r.stdout).toBe('');
    const s = runCli(cli, ['--rule', 'row-total=fatal', SEED0], SEEDS);
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('fatal');
  });
});

describe('configuration', () => {
  function project(): string {
    const root = tempDir();
    mkdirSync(join(root, 'a/b/c'), { recursive: true });
    copySeeds(join(root, 'a/b/c'), [SEED0]);
    copySeeds(join(root, 'a'), [SEED0]);
    return root;
  }
  const codes = (stdout: string) => parseJson(stdout).map((e) => e.diagnostics.map((d) => `${d.code}:${d.severity}`).sort());

  it('finds the nearest .nianbaorc.json walking up from each file', () => {
    const root = project();
    writeFileSync(join(root, '.nianbaorc.json'), JSON.stringify({ rules: { 'cell-unit': 'off' } }));
    writeFileSync(join(root, 'a/b/.nianbaorc.json'), JSON.stringify({ rules: { 'total-blank': 'warning' } }));
    const r = runCli(cli, ['-f', 'json', 'a'], root);
    const out = parseJson(r.stdout);
    expect(out.map((e) => e.file)).toEqual([join('a', SEED0), join('a/b/c', SEED0)]);
    const [top, deep] = codes(r.stdout);
    // a/ uses the root config: cell-unit off, total-blank still an error.
    expect(top).toEqual(['total-blank:error']);
    // a/b/c uses a/b's config only (nearest wins, no merging): cell-unit back on, total-blank a warning.
    expect(deep).toEqual(['cell-unit:info', 'total-blank:warning']);
    expect(r.status).toBe(1);
  });

  it('--config replaces discovery for every file; --rule and --lang flags win over it', () => {
    const root = project();
    writeFileSync(join(root, 'a/b/.nianbaorc.json'), JSON.stringify({ rules: { 'total-blank': 'off' } }));
    writeFileSync(join(root, 'custom.json'), JSON.stringify({ rules: { 'cell-unit': 'warning' }, language: 'en' }));
    const r = runCli(cli, ['-f', 'json', '--config', 'custom.json', 'a'], root);
    expect(codes(r.stdout)).toEqual([
      ['cell-unit:warning', 'total-blank:error'],
      ['cell-unit:warning', 'total-blank:error'],
    ]);
    const en = parseJson(r.stdout)[0]!.diagnostics[0]!.message;
    expect(en).toMatch(/[A-Za-z]{4}/);
    expect(en).not.toContain('单位');

    const flags = runCli(cli, ['-f', 'json', '--config', 'custom.json', '--rule', 'cell-unit=hint', '--lang', 'zh-CN', 'a'], root);
    expect(codes(flags.stdout)[0]).toEqual(['cell-unit:hint', 'total-blank:error']);
    expect(parseJson(flags.stdout)[0]!.diagnostics[0]!.message).toMatch(/单位/);
  });

  it('the config language applies to messages; --lang overrides it', () => {
    const root = project();
    writeFileSync(join(root, 'a/.nianbaorc.json'), JSON.stringify({ language: 'en' }));
    const en = parseJson(runCli(cli, ['-f', 'json', join('a', SEED0)], root).stdout)[0]!;
    const zh = parseJson(runCli(cli, ['-f', 'json', '--lang', 'zh-CN', join('a', SEED0)], root).stdout)[0]!;
    const msg = (e: typeof en) => e.diagnostics.find((d) => d.code === 'total-blank')!.message;
    expect(msg(en)).not.toBe(msg(zh));
    expect(msg(zh)).toMatch(/总计/);
  });

  it('an invalid config names the key and exits 2', () => {
    const root = project();
    writeFileSync(join(root, 'bad-rule.json'), JSON.stringify({ rules: { 'row-totl': 'off' } }));
    const a = runCli(cli, ['--config', 'bad-rule.json', 'a'], root);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain('rules.row-totl');
    expect(a.stderr).toContain('bad-rule.json');

    writeFileSync(join(root, 'bad-template.json'), JSON.stringify({ template: '2020' }));
    const b = runCli(cli, ['--config', 'bad-template.json', 'a'], root);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('template');

    writeFileSync(join(root, 'bad-key.json'), JSON.stringify({ rulez: {} }));
    expect(runCli(cli, ['--config', 'bad-key.json', 'a'], root).stderr).toContain('rulez');

    writeFileSync(join(root, 'syntax.json'), '{ "rules": { ');
    const c = runCli(cli, ['--config', 'syntax.json', 'a'], root);
    expect(c.status).toBe(2);
    expect(c.stderr).toContain('syntax.json');
    expect(c.stderr).toMatch(/invalid JSON/);

    expect(runCli(cli, ['--config', 'nope.json', 'a'], root).status).toBe(2);
  });

  it('a broken discovered config fails its own files only, reported once', () => {
    const root = project();
    writeFileSync(join(root, 'a/b/.nianbaorc.json'), JSON.stringify({ rules: { 'row-totl': 'off' } }));
    copySeeds(join(root, 'a/b/c'), [SEED2]);
    const r = runCli(cli, ['-f', 'json', 'a'], root);
    expect(r.status).toBe(2);
    const out = parseJson(r.stdout);
    expect(out.map((e) => [e.file, e.error === undefined])).toEqual([
      [join('a', SEED0), true],
      [join('a/b/c', SEED0), false],
      [join('a/b/c', SEED2), false],
    ]);
    expect(out[1]!.error).toContain('rules.row-totl');
    expect(r.stderr.match(/rules\.row-totl/g)).toHaveLength(1);
  });

  it('--template forces a version', () => {
    const forced = parseJson(runCli(cli, ['-f', 'json', '--template', '2021', SEED0], SEEDS).stdout)[0]!;
    const auto = parseJson(runCli(cli, ['-f', 'json', SEED0], SEEDS).stdout)[0]!;
    expect(auto.templateVersion).toBe('2019');
    expect(forced.diagnostics).not.toEqual(auto.diagnostics);
    expect(runCli(cli, ['--template', '2020', SEED0], SEEDS).status).toBe(2);
  });
});

describe('the demo', () => {
  it('runs over samples/ and exits 0 with --exit-zero', () => {
    const r = runCli(cli, ['--exit-zero', 'samples'], REPO);
    expect(r.status).toBe(0);
    for (const name of SEED_FILES) if (name !== SEED2) expect(r.stdout).toContain(join('samples', name));
  });
});
