// Shared by the CLI tests: bundle the CLI once per test file, run it as a child process, temp folders.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS = join(REPO, 'test/fixtures/seeds');
/** The five seed reports (not the fix-all snapshots `*.fixed.txt` the fixture runner keeps beside them). */
export const SEED_FILES = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt') && !f.endsWith('.fixed.txt'))
  .sort();

const temps: string[] = [];

export function tempDir(prefix = 'nianbao-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function cleanTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Bundles server/src/cli/main.ts exactly as scripts/build.mjs does (same esbuild options and banner),
 * but into a private temp folder: test files run in parallel, and a shared server/out/cli.js being
 * rewritten by one while another spawns it would make the suite flaky. It also keeps these tests
 * independent of the other bundles that scripts/build.mjs builds.
 */
export async function buildCli(): Promise<string> {
  const dir = tempDir('nianbao-cli-build-');
  const outfile = join(dir, 'cli.js');
  await build({
    absWorkingDir: REPO,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    entryPoints: ['server/src/cli/main.ts'],
    outfile,
    banner: { js: '#!/usr/bin/env node' },
  });
  return outfile;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Copies the seed reports into `dir` (writable copies; the fixtures themselves are read-only). */
export function copySeeds(dir: string, names: readonly string[] = SEED_FILES): void {
  for (const name of names) writeFileSync(join(dir, name), readFileSync(join(SEEDS, name)));
}

export function seedText(name: string): string {
  return readFileSync(join(SEEDS, name), 'utf8');
}

export const SEED0 = '000_27ba472c7186d65d.txt';
export const SEED1 = '001_b2d2c71bcc05c0a2.txt';
export const SEED2 = '002_1c75c2c4e67cd3d7.txt';
export const SEED3 = '003_d11106ab72934bbf.txt';
export const SEED4 = '004_cbd4f0ffc4ed64f1.txt';

/** The JSON output's entry, as the tests read it. */
export interface JsonEntry {
  file: string;
  templateVersion: '2019' | '2021' | null;
  year: number | null;
  yearSource: 'title' | 'period' | 'body' | null;
  error?: string;
  fixed?: boolean;
  diagnostics: {
    code: string;
    severity: 'error' | 'warning' | 'info' | 'hint';
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    related?: { range: unknown; message: string }[];
    fixes?: { title: string; edits: { range: unknown; newText: string }[] }[];
  }[];
}

export function parseJson(stdout: string): JsonEntry[] {
  return JSON.parse(stdout) as JsonEntry[];
}
