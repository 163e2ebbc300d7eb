// Runs the integration suite in a desktop VS Code downloaded by @vscode/test-electron (for
// contributors with network access to VS Code's download servers; it cannot run on the project's
// build machines, where the same suite runs inside code-server instead — see README.md, “Development”).
// Build first: npm run build && node scripts/build-extension-tests.mjs; then node test/extension/out/runTest.js
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // This file is bundled to test/extension/out/runTest.js.
  const extensionDevelopmentPath = resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = resolve(__dirname, 'suite', 'index');
  const userDataDir = mkdtempSync(join(tmpdir(), 'nianbao-vscode-'));
  await runTests({
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: ['--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userDataDir}`],
  });
}

main().catch((err: unknown) => {
  console.error('integration tests failed:', err);
  process.exit(1);
});
