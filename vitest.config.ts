import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^react-consent-policy\/core$/,
        replacement: fileURLToPath(new URL('./src/core/index.ts', import.meta.url)),
      },
      {
        find: /^react-consent-policy\/headless$/,
        replacement: fileURLToPath(new URL('./src/headless.ts', import.meta.url)),
      },
      { find: /^react-consent-policy$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    // The scanner's tests drive Chromium: `npm run test:scanner`, with their own configuration.
    exclude: ['test/scanner/**', '**/node_modules/**'],
    setupFiles: ['./test/setup.ts'],
    restoreMocks: true,
  },
});
