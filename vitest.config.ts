// Unit, engine, CLI and language-server tests. The VS Code integration suite (test/extension) runs
// inside a VS Code (test-electron or code-server) with Mocha, not here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/extension/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
