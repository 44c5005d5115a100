import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

/** The browser tests: real Chromium against the built demo shop and Storybook. Run with `npm run test:e2e`. */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^react-consent-policy\/core$/, replacement: src('core/index.ts') },
      { find: /^react-consent-policy$/, replacement: src('index.ts') },
    ],
  },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    // Each file drives its own Chromium; two at a time fit a two-core machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    restoreMocks: true,
  },
});
