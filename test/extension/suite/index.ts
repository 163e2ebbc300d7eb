// Entry point of the integration suite in the @vscode/test-electron contract: VS Code (desktop via
// runTest.ts, or code-server with the extensionTestsPath payload) loads this module in the extension
// host and awaits run(). Bundled by scripts/build-extension-tests.mjs to test/extension/out/suite/.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60_000, slow: 5_000 });
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
