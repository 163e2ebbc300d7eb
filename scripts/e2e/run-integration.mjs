// Runs the extension's Mocha integration suite (test/extension, the @vscode/test-electron contract)
// inside a real VS Code: code-server 4.139.1 with headless Chromium. The tests run in the Node
// extension host, so the real language client starts the real language server.
//
//   node scripts/e2e/run-integration.mjs [--no-build]
//
// Prints the suite's own output, then `N passed, N failed` alone on a line; exits 1 when a test
// fails or the suite does not run to the end.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { cleanupAll, launchChromium, startCodeServer, tempDir, workbenchUrl } from './code-server.mjs';
import { ensureTools, VERSIONS } from './tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TESTS = join(root, 'test', 'extension', 'out', 'suite', 'index.js');
const RUN_TIMEOUT_MS = Number(process.env.NIANBAO_E2E_TIMEOUT_MS || 10 * 60_000);

function step(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** The workbench's own log lines (not the suite's): shown only with NIANBAO_E2E_DEBUG=1. */
const WORKBENCH_NOISE =
  /^\[[\w:. -]+\] |^(Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin|Ignoring fetching additional builtin)/;

const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

async function main() {
  const t0 = Date.now();
  if (!process.argv.includes('--no-build')) {
    step(process.execPath, ['scripts/build.mjs']);
    step(process.execPath, ['scripts/build-extension-tests.mjs']);
  }
  if (!existsSync(TESTS)) throw new Error(`${TESTS} is missing: build it with node scripts/build-extension-tests.mjs`);

  const tools = ensureTools();
  const tTools = Date.now();
  const server = await startCodeServer(tools);
  const folder = tempDir('nianbao-e2e-ws-');
  const browser = await launchChromium(tools);
  const page = await browser.newPage();

  const output = [];
  let resolveExit;
  const exitCode = new Promise((r) => (resolveExit = r));
  // Both the extension host's console (Mocha's reporter) and the workbench's own log messages arrive
  // here, as console arguments (a printf-style format and its values).
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = stripAnsi(format(...(Array.isArray(args) ? args : [args])));
    for (const line of text.split('\n')) {
      output.push(line);
      if (process.env.NIANBAO_E2E_DEBUG || !WORKBENCH_NOISE.test(line)) process.stdout.write(`${line}\n`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  page.on('crash', () => resolveExit(-1));
  if (process.env.NIANBAO_E2E_DEBUG) page.on('console', (m) => process.stderr.write(`[browser] ${m.text()}\n`));

  const url = workbenchUrl(server, {
    folder,
    payload: [
      ['extensionDevelopmentPath', root],
      ['extensionTestsPath', TESTS],
      ['skipWelcome', 'true'],
    ],
  });
  await page.goto(url);
  let timer;
  const code = await Promise.race([
    exitCode,
    new Promise((r) => (timer = setTimeout(() => r('timeout'), RUN_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);

  const text = output.join('\n');
  const num = (re) => Number(text.match(re)?.[1] ?? 0);
  const passed = num(/^\s*(\d+) passing\b/m);
  let failed = num(/^\s*(\d+) failing\b/m);
  const pending = num(/^\s*(\d+) pending\b/m);
  if (code === 'timeout') process.stdout.write(`the suite did not finish within ${RUN_TIMEOUT_MS / 1000} s\n`);
  if (code === -1) process.stdout.write('the workbench page crashed\n');
  if (code !== 0 && failed === 0) {
    // the suite did not load or did not run to the end: count that as a failure
    failed = 1;
    process.stdout.write(`--- code-server log ---\n${server.log()}\n`);
  }
  if (code === 0 && passed === 0) {
    process.stdout.write('the suite ran no test\n');
    failed = Math.max(failed, 1);
  }
  await cleanupAll();
  process.stdout.write(
    `integration suite in code-server ${VERSIONS.codeServer} (tools ${((tTools - t0) / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s)${pending ? `, ${pending} pending` : ''}:\n`,
  );
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch(async (err) => {
  process.stdout.write(`integration suite could not run: ${err?.stack ?? err}\n`);
  await cleanupAll();
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
});
