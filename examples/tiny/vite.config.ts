import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: [
      { find: /^react-consent-policy\/core$/, replacement: src('core/index.ts') },
      { find: /^react-consent-policy$/, replacement: src('index.ts') },
    ],
  },
  server: { host: '127.0.0.1', port: 5173 },
});
