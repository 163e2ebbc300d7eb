// Bundles the VS Code integration suite (test/extension) to test/extension/out/: suite/index.js
// (the extensionTestsPath module, exporting run()), one bundle per suite/*.test.ts, and runTest.js
// (the @vscode/test-electron launcher). `vscode` and `mocha` stay external: the extension host
// provides the first, the repository's node_modules the second. The extension itself is built by
// scripts/build.mjs.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const suite = readdirSync('test/extension/suite')
  .filter((f) => f.endsWith('.ts') && (f === 'index.ts' || f.endsWith('.test.ts')))
  .map((f) => join('test/extension/suite', f));

await esbuild.build({
  entryPoints: [...suite, 'test/extension/runTest.ts'],
  outdir: 'test/extension/out',
  outbase: 'test/extension',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['vscode', 'mocha', '@vscode/test-electron'],
  logLevel: 'warning',
});
