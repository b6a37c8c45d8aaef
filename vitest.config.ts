import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'vango' } },
  resolve: {
    alias: [
      { find: /^vango\/jsx-runtime$/, replacement: src('runtime/vdom/jsx-runtime.ts') },
      { find: /^vango\/jsx-dev-runtime$/, replacement: src('runtime/vdom/jsx-dev-runtime.ts') },
      { find: /^vango\/server$/, replacement: src('runtime/node/index.ts') },
      { find: /^vango\/router$/, replacement: src('runtime/router/index.ts') },
      { find: /^vango\/test$/, replacement: src('test-harness/index.ts') },
      { find: /^vango\/dev$/, replacement: src('runtime/dev/index.ts') },
      { find: /^vango$/, replacement: src('runtime/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Apps the tests scaffold there carry their own tests.
    exclude: ['test/.tmp/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
