import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { type ConsentLog, createConsentLog, nodeListener } from '../../src/server/index';

const src = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));
const shopPolicyFile = fileURLToPath(new URL('../shop-policy.ts', import.meta.url));
const consentLogDir = fileURLToPath(new URL('../../.consent-log', import.meta.url));

/**
 * In development, the shop's consent log (`react-consent-policy/server`) receives what `createConsentLogger`
 * posts, as a shop's server would: checked against the shop's policy and kept in an embedded database in
 * `.consent-log/` at the project's root (git-ignored), opened on the first record. Read it with
 * `npx react-consent-policy consent-log export --policy examples/shop-policy.ts`.
 */
function consentLog(): Plugin {
  return {
    name: 'shop-consent-log',
    configureServer(server) {
      let log: Promise<ConsentLog> | undefined;
      const open = async () => {
        // The policy is loaded through Vite, where `react-consent-policy` names the library's source.
        const { shopPolicy } = (await server.ssrLoadModule(shopPolicyFile)) as typeof import('../shop-policy');
        return createConsentLog({ policy: shopPolicy, dataDir: consentLogDir });
      };
      const handle = async (request: Request) => {
        log ??= open();
        try {
          return await (await log).handler(request);
        } catch (error) {
          log = undefined;
          server.config.logger.error(`consent log: ${error instanceof Error ? error.message : String(error)}`);
          return new Response(null, { status: 503 });
        }
      };
      server.middlewares.use('/api/consent-log', nodeListener(handle));
      // The shop owner's statistics for the admin page: the last 30 days, to this machine only.
      server.middlewares.use('/api/consent-stats', async (request, response) => {
        const local = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.socket.remoteAddress ?? '');
        if (!local || request.method !== 'GET') {
          response.writeHead(local ? 405 : 403).end();
          return;
        }
        try {
          log ??= open();
          const day = 24 * 60 * 60 * 1000;
          const to = new Date().toISOString().slice(0, 10);
          const from = new Date(Date.now() - 29 * day).toISOString().slice(0, 10);
          const stats = await (await log).stats({ from, to });
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
        } catch (error) {
          log = undefined;
          server.config.logger.error(`consent log: ${error instanceof Error ? error.message : String(error)}`);
          response.writeHead(503).end();
        }
      });
      server.httpServer?.once('close', () => {
        void log?.then((opened) => opened.close()).catch(() => {});
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
      { find: /^react-consent-policy\/admin$/, replacement: src('admin/index.ts') },
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
