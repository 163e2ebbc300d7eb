// Bundles the engine library, the CLI, the language server and the VS Code client with esbuild.
// `--if-needed` skips the build when every output is newer than every source file.
import * as esbuild from 'esbuild';
import { chmodSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const ifNeeded = process.argv.includes('--if-needed');

const outputs = ['server/out/engine.js', 'server/out/cli.js', 'server/out/server.js', 'client/out/extension.js'];

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (ifNeeded && outputs.every(existsSync)) {
  const src = Math.max(newest('server/src'), newest('client/src'), statSync('package.json').mtimeMs);
  const out = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  if (out > src) process.exit(0);
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/engine.ts'], outfile: 'server/out/engine.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    ...common,
    entryPoints: { server: 'server/src/lsp/server.ts', worker: 'server/src/lsp/worker.ts' },
    outdir: 'server/out',
  }),
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'client/out/extension.js',
    external: ['vscode'],
  }),
]);

// the CLI is run directly (`./server/out/cli.js`), not only through npm's bin link
chmodSync('server/out/cli.js', 0o755);
