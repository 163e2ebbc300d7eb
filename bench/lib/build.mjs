// Builds the bundles the benchmarks measure into a private folder, with the options of
// scripts/build.mjs (bundle, node20, CommonJS; `production` adds minify like `--production`). The
// shared server/out is rebuilt by every concurrent `npm test`, so timing it would time a moving target.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Builds into `<root>/server/out/{engine,cli,server,worker}.js` and `<root>/client/out/extension.js`. */
export async function buildInto(root, { production = false, sourcemap = false } = {}) {
  const common = { absWorkingDir: REPO, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap, minify: production, logLevel: 'warning' };
  const server = join(root, 'server', 'out');
  const client = join(root, 'client', 'out');
  mkdirSync(server, { recursive: true });
  mkdirSync(client, { recursive: true });
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['server/src/engine.ts'], outfile: join(server, 'engine.js') }),
    esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: join(server, 'cli.js'), banner: { js: '#!/usr/bin/env node' } }),
    esbuild.build({ ...common, entryPoints: { server: 'server/src/lsp/server.ts', worker: 'server/src/lsp/worker.ts' }, outdir: server }),
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: join(client, 'extension.js'), external: ['vscode'] }),
  ]);
  return { engine: join(server, 'engine.js'), cli: join(server, 'cli.js'), server: join(server, 'server.js'), worker: join(server, 'worker.js'), extension: join(client, 'extension.js') };
}
