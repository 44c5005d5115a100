import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

/** In development, the shop's consent log prints each record it receives (`createConsentLogger`). */
function consentLog(): Plugin {
  return {
    name: 'shop-consent-log',
    configureServer(server) {
      server.middlewares.use('/api/consent-log', (request, response) => {
        if (request.method !== 'POST') {
          response.statusCode = 405;
          response.end();
          return;
        }
        let body = '';
        request.on('data', (chunk) => {
          body += chunk;
        });
        request.on('end', () => {
          server.config.logger.info(`consent record: ${body}`, { timestamp: true });
          response.statusCode = 204;
          response.end();
        });
      });
    },
  };
}

/**
 * The demo shop imports the library by its package name, as a customer would; here the name points at
 * the library's source so that changes show up at once.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), consentLog()],
  resolve: {
    alias: [
      { find: /^react-consent-policy\/core$/, replacement: src('core/index.ts') },
      { find: /^react-consent-policy\/styles\.css$/, replacement: src('ui/styles.css') },
      { find: /^react-consent-policy\/embed\.css$/, replacement: src('ui/embed.css') },
      { find: /^react-consent-policy$/, replacement: src('index.ts') },
    ],
  },
  // The page's Content Security Policy nonce: a server that sends a strict policy puts a fresh value in place
  // of this one on every response; the shop hands it to the consent provider (see main.tsx).
  html: { cspNonce: 'CSP_NONCE' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: 'dist', emptyOutDir: true },
});
