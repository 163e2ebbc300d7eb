// `--format sarif`: checked structurally against the SARIF 2.1.0 rules the output relies on. The
// official JSON schema cannot be fetched offline and no installed package ships it, so this checks
// the required properties, enums and 1-based regions by hand, and cross-checks against the JSON output.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rules } from '../../server/src/engine';
import { buildCli, cleanTemps, copySeeds, parseJson, REPO, runCli, SEED0, SEED1, SEED_FILES, SEEDS, tempDir } from './helpers';

// Each test spawns the CLI a few times; leave room for a loaded CI machine.
vi.setConfig({ testTimeout: 60_000 });

let cli: string;
beforeAll(async () => {
  cli = await buildCli();
}, 120_000);
afterAll(cleanTemps);

const LEVELS = ['none', 'note', 'warning', 'error'];

function isPositiveInt(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

/** Collects every violation instead of stopping at the first, so a failure shows them all. */
function validate(log: Sarif.Log): string[] {
  const errors: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) errors.push(what);
  };
  const message = (m: Sarif.Message | undefined, where: string) =>
    check(!!m && (typeof m.text === 'string' || typeof m.id === 'string'), `${where}: message needs text or id`);
  const region = (r: Sarif.Region | undefined, where: string) => {
    if (!r) return errors.push(`${where}: region missing`);
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) check(isPositiveInt(r[k]), `${where}.${k} must be an integer ≥ 1 (got ${r[k]})`);
    check(r.endLine! >= r.startLine!, `${where}: endLine < startLine`);
    if (r.endLine === r.startLine) check(r.endColumn! >= r.startColumn!, `${where}: endColumn < startColumn on one line`);
  };
  const artifact = (a: Sarif.ArtifactLocation | undefined, where: string) => {
    check(!!a && typeof a.uri === 'string' && a.uri.length > 0, `${where}: artifactLocation.uri missing`);
    if (a?.uri) {
      check(!a.uri.includes('\\'), `${where}: uri has a backslash`);
      check(!/\s/.test(a.uri), `${where}: uri has whitespace (not percent-encoded)`);
      if (a.uriBaseId) check(!!log.runs[0]?.originalUriBaseIds?.[a.uriBaseId], `${where}: uriBaseId ${a.uriBaseId} not declared`);
    }
  };

  check(log.version === '2.1.0', 'version must be "2.1.0"');
  check(log.$schema === 'https://json.schemastore.org/sarif-2.1.0.json', '$schema');
  check(Array.isArray(log.runs) && log.runs.length === 1, 'exactly one run');
  const run = log.runs[0]!;
  const driver = run.tool?.driver;
  check(typeof driver?.name === 'string' && driver.name.length > 0, 'tool.driver.name required');
  const ids = new Set<string>();
  (driver?.rules ?? []).forEach((r, i) => {
    const w = `rules[${i}]`;
    check(typeof r.id === 'string' && r.id.length > 0, `${w}.id required`);
    check(!ids.has(r.id), `${w}.id duplicate`);
    ids.add(r.id);
    message(r.shortDescription as Sarif.Message, `${w}.shortDescription`);
    check(LEVELS.includes(r.defaultConfiguration?.level ?? ''), `${w}.defaultConfiguration.level`);
  });
  for (const [k, v] of Object.entries(run.originalUriBaseIds ?? {})) check(typeof v.uri === 'string' && v.uri.endsWith('/'), `originalUriBaseIds.${k}.uri must end with /`);
  check(Array.isArray(run.results), 'run.results must be an array');
  (run.results ?? []).forEach((res, i) => {
    const w = `results[${i}]`;
    message(res.message, w);
    check(typeof res.ruleId === 'string' && ids.has(res.ruleId), `${w}.ruleId must name a driver rule`);
    if (res.ruleIndex !== undefined) check(driver?.rules?.[res.ruleIndex]?.id === res.ruleId, `${w}.ruleIndex must point at ruleId`);
    check(LEVELS.includes(res.level ?? ''), `${w}.level`);
    check((res.locations ?? []).length === 1, `${w}: one location`);
    for (const loc of res.locations ?? []) {
      artifact(loc.physicalLocation?.artifactLocation, `${w}.location`);
      region(loc.physicalLocation?.region, `${w}.location.region`);
    }
    (res.relatedLocations ?? []).forEach((loc, j) => {
      check(Number.isInteger(loc.id) && loc.id! >= 0, `${w}.relatedLocations[${j}].id`);
      artifact(loc.physicalLocation?.artifactLocation, `${w}.relatedLocations[${j}]`);
      region(loc.physicalLocation?.region, `${w}.relatedLocations[${j}].region`);
    });
    (res.fixes ?? []).forEach((fix, j) => {
      check(fix.artifactChanges.length > 0, `${w}.fixes[${j}].artifactChanges must not be empty`);
      for (const change of fix.artifactChanges) {
        artifact(change.artifactLocation, `${w}.fixes[${j}]`);
        check(change.replacements.length > 0, `${w}.fixes[${j}].replacements must not be empty`);
        for (const rep of change.replacements) {
          region(rep.deletedRegion, `${w}.fixes[${j}].deletedRegion`);
          check(rep.insertedContent === undefined || typeof rep.insertedContent.text === 'string', `${w}.fixes[${j}].insertedContent.text`);
        }
      }
    });
  });
  for (const inv of run.invocations ?? []) check(typeof inv.executionSuccessful === 'boolean', 'invocation.executionSuccessful required');
  return errors;
}

function sarif(args: string[], cwd: string): { log: Sarif.Log; status: number | null } {
  const r = runCli(cli, ['--format', 'sarif', ...args], cwd);
  return { log: JSON.parse(r.stdout) as Sarif.Log, status: r.status };
}

describe('SARIF output', () => {
  it('is valid SARIF 2.1.0 for all seeds', () => {
    const { log, status } = sarif(['.'], SEEDS);
    expect(status).toBe(1);
    expect(validate(log)).toEqual([]);
    expect(log.runs[0]!.results!.length).toBeGreaterThan(0);
  });

  it('describes every engine rule, with docs that exist', () => {
    const { log } = sarif([SEED0], SEEDS);
    const driver = log.runs[0]!.tool.driver;
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(driver.name).toBe('nianbao-lint');
    expect(driver.version).toBe(pkg.version);
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules!.map((r) => r.id)).toEqual(rules.map((r) => r.code));
    for (const [i, r] of driver.rules!.entries()) {
      const meta = rules[i]!;
      expect(r.shortDescription!.text).toBe(meta.description['zh-CN']);
      expect(r.defaultConfiguration!.level).toBe(meta.defaultSeverity === 'error' ? 'error' : meta.defaultSeverity === 'warning' ? 'warning' : 'note');
      // no relative helpUri (SARIF requires an absolute URI); the docs page is named in properties
      expect(r.helpUri).toBeUndefined();
      expect(r.help!.text).toContain(meta.description['zh-CN']);
      const docs = (r.properties as { docs: string }).docs;
      expect(docs).toBe(`docs/rules/${r.id}.md`);
      expect(existsSync(join(REPO, docs))).toBe(true);
    }
    const en = sarif(['--lang', 'en', SEED0], SEEDS).log.runs[0]!.tool.driver.rules!;
    expect(en.map((r) => r.shortDescription!.text)).toEqual(rules.map((r) => r.description.en));
  });

  it('matches the JSON output: 1-based regions, levels, related locations and fixes', () => {
    const dir = tempDir();
    copySeeds(dir);
    const json = parseJson(runCli(cli, ['-f', 'json', '.'], dir).stdout);
    const { log } = sarif(['.'], dir);
    const results = log.runs[0]!.results!;
    const diags = json.flatMap((e) => e.diagnostics.map((d) => ({ file: e.file, d })));
    expect(results.length).toBe(diags.length);
    results.forEach((res, i) => {
      const { file, d } = diags[i]!;
      expect(res.ruleId).toBe(d.code);
      expect(res.level).toBe(d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note');
      expect(res.message.text).toBe(d.message);
      const loc = res.locations![0]!.physicalLocation!;
      expect(loc.artifactLocation!.uri).toBe(file);
      expect(loc.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
      expect(loc.region).toEqual({
        startLine: d.range.start.line + 1,
        startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      });
      expect(res.relatedLocations?.length ?? 0).toBe(d.related?.length ?? 0);
      expect(res.fixes?.length ?? 0).toBe(d.fixes?.length ?? 0);
      d.fixes?.forEach((fix, j) => {
        const change = res.fixes![j]!.artifactChanges[0]!;
        expect(res.fixes![j]!.description!.text).toBe(fix.title);
        expect(change.replacements.map((r) => r.insertedContent?.text)).toEqual(fix.edits.map((e) => e.newText));
      });
    });
    const blank = results.find((r) => r.ruleId === 'total-blank')!;
    expect(blank.locations![0]!.physicalLocation!.region!.startLine).toBe(64);
    expect(blank.fixes!.length).toBeGreaterThan(0);
    expect(blank.relatedLocations!.length).toBeGreaterThan(0);
  });

  it('uses relative, forward-slash, percent-encoded URIs', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '年报 2019'));
    writeFileSync(join(dir, '年报 2019', SEED1), readFileSync(join(SEEDS, SEED1)));
    const { log } = sarif(['.'], dir);
    expect(validate(log)).toEqual([]);
    const uri = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri!;
    expect(uri).toBe(`${encodeURIComponent('年报 2019')}/${SEED1}`);
    expect(decodeURIComponent(uri)).toBe(`年报 2019/${SEED1}`);
  });

  it('records unreadable files as tool execution notifications', () => {
    const { log, status } = sarif(['missing.txt', SEED_FILES[2]!], SEEDS);
    expect(status).toBe(2);
    expect(validate(log)).toEqual([]);
    const inv = log.runs[0]!.invocations![0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications![0]!.level).toBe('error');
    expect(inv.toolExecutionNotifications![0]!.message.text).toContain('missing.txt');
  });
});
