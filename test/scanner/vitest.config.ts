import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

/**
 * The policy scanner's tests (`npm run test:scanner`): Chromium against small fixture sites and the demo shop,
 * and the built command line. Apart from `npm test` (they need a browser) and from the shop's browser tests
 * (they build the command line, not Storybook).
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^react-consent-policy\/core$/, replacement: src('core/index.ts') },
      { find: /^react-consent-policy$/, replacement: src('index.ts') },
    ],
  },
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/scanner/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/scanner/global-setup.ts'],
    // Each file drives its own Chromium with a pool of contexts; two files at a time fit a two-core machine.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    restoreMocks: true,
  },
});
