// Starting and stopping code-server (VS Code 1.139 in a browser) for the E2E runs, as shared
// docs/E2E.md describes: bound to 127.0.0.1 only, its own --config, fresh user-data and extensions
// folders, the smoke-test driver enabled (so the workbench honours extensionDevelopmentPath /
// extensionTestsPath in the URL payload). Every process it starts is killed at the end, even on failure.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, loadPlaywright } from './tools.mjs';

const cleanups = [];
let exiting = false;

/** Runs every registered cleanup once (also on SIGINT/SIGTERM and on an uncaught error). */
export async function cleanupAll() {
  while (cleanups.length) {
    const c = cleanups.pop();
    try {
      await c();
    } catch (err) {
      process.stderr.write(`[e2e] cleanup failed: ${err?.message ?? err}\n`);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (exiting) return;
    exiting = true;
    process.stderr.write(`[e2e] ${sig}: stopping code-server and chromium\n`);
    cleanupAll().finally(() => process.exit(130));
  });
}
process.on('exit', () => {
  // last resort, synchronous: kill whatever process groups are still registered
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
});

const liveGroups = new Set();
function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh temporary folder, removed at cleanup unless NIANBAO_E2E_KEEP is set. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.unshift(() => {
    if (!process.env.NIANBAO_E2E_KEEP) rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

function writeConfig(dir, port) {
  const config = join(dir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  return config;
}

/** `code-server --install-extension <vsix>` into extensionsDir. Throws with code-server's output on failure. */
export function installExtension(tools, { vsix, extensionsDir, userDataDir, configDir }) {
  const r = spawnSync(
    tools.node,
    [tools.codeServer, '--config', writeConfig(configDir, 0), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { encoding: 'utf8', env: { ...process.env, EXTENSIONS_GALLERY: '{}' }, timeout: 120_000 },
  );
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status ?? r.signal}):\n${out}`);
  }
  return out.trim();
}

/**
 * Starts code-server and waits for /healthz. Returns { url, port, dirs, logFile, stop }.
 * Options: extensionsDir (default: a fresh empty folder), userSettings (object written to the user
 * settings.json before start).
 */
export async function startCodeServer(tools, opts = {}) {
  const dir = tempDir('nianbao-e2e-cs-');
  const port = await freePort();
  const userDataDir = join(dir, 'udd');
  const extensionsDir = opts.extensionsDir ?? join(dir, 'exts');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  if (opts.userSettings) writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(opts.userSettings, null, 2));
  const config = writeConfig(dir, port);
  const logFile = join(dir, 'code-server.log');
  const logStream = createWriteStream(logFile);
  const args = [
    tools.codeServer,
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const child = spawn(tools.node, args, {
    detached: true, // its own process group: the extension host and the language server go with it
    env: { ...process.env, EXTENSIONS_GALLERY: '{}' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  liveGroups.add(child.pid);
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    }),
  );

  const stop = async () => {
    if (!liveGroups.has(child.pid)) return;
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(timer);
    killGroup(child.pid, 'SIGKILL'); // stragglers in the group (extension host, language server)
    liveGroups.delete(child.pid);
  };
  cleanups.push(stop);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}) before it was healthy:\n${readFileSync(logFile, 'utf8')}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer ${url}/healthz within 90 s:\n${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 200)); // poll interval of a readiness probe, not a test wait
  }
  return { url, port, dir, userDataDir, extensionsDir, logFile, stop, log: () => readFileSync(logFile, 'utf8') };
}

/** Launches Debian's Chromium through playwright-core; closed at cleanup. */
export async function launchChromium(tools) {
  const chromium = await loadPlaywright(tools);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  cleanups.push(() => browser.close());
  return browser;
}

/** The workbench URL that opens `folder` with a payload (extensionDevelopmentPath, extensionTestsPath …). */
export function workbenchUrl(server, { folder, payload = [] }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const entries = payload.map(([k, v]) => [k, k === 'extensionDevelopmentPath' || k === 'extensionTestsPath' ? remote(v) : v]);
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (entries.length) url += `&payload=${encodeURIComponent(JSON.stringify(entries))}`;
  return url;
}
