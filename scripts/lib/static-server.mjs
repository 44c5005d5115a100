// The one static server of the project's tools: the browser tests serve the demo shop and the Storybook with
// it, the benchmark its pages and the shop for Lighthouse. It answers as a static host would, from
// 127.0.0.1 only, so that nothing a test or a measurement loads comes from elsewhere.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The demo shop posts its consent records here (`createConsentLogger`); GET lists what arrived. */
export const CONSENT_LOG_PATH = '/api/consent-log';

/** The file at `pathname` under `base`, index.html for a directory; null when there is none. */
function fileAt(base, pathname) {
  const path = normalize(join(base, pathname));
  try {
    const stat = statSync(path);
    if (stat.isFile()) return path;
    if (stat.isDirectory()) return fileAt(base, join(pathname, 'index.html'));
  } catch {
    // Not there.
  }
  return null;
}

/** Whether `pathname` stays inside `base` once decoded and resolved (`..`, `%2e%2e`, `..%2f` included). */
function inside(base, pathname) {
  const path = normalize(join(base, pathname));
  return path === base || path.startsWith(base + sep);
}

function recordConsent(request, response, logged) {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    try {
      logged.push({
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        cookie: request.headers.cookie ?? null,
        referer: request.headers.referer ?? null,
        origin: request.headers.origin ?? null,
      });
      response.writeHead(204).end();
    } catch {
      response.writeHead(400).end();
    }
  });
}

/**
 * Serves the directory `root` from 127.0.0.1 on a free port. Options:
 * - `spaFallback`: index.html for any other path without an extension, so that a single-page app's
 *   client-side routes load directly, as its static host is configured to do;
 * - `consentLog`: the consent log at `CONSENT_LOG_PATH` (POST records, GET lists them); or a node:http
 *   listener that answers there instead (the real one of `react-consent-policy/server`, `nodeListener`);
 * - `routes`: URL paths served from files elsewhere (`{ '/analytics.js': '/abs/path/analytics.js' }`);
 * - `noStore` (default true): `cache-control: no-store`, so that a browser that comes back refetches.
 * A path that leaves `root` is refused (403).
 */
export async function serveStatic(root, { spaFallback = false, consentLog = false, routes = {}, noStore = true } = {}) {
  const base = resolve(root);
  const logged = [];
  const server = createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    if (typeof consentLog === 'function' && pathname === CONSENT_LOG_PATH) {
      consentLog(request, response);
      return;
    }
    if (consentLog && pathname === CONSENT_LOG_PATH) {
      if (request.method === 'POST') {
        recordConsent(request, response, logged);
        return;
      }
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.json'], 'cache-control': 'no-store' });
      response.end(JSON.stringify(logged));
      return;
    }
    let file = Object.hasOwn(routes, pathname) ? routes[pathname] : null;
    if (!file) {
      if (!inside(base, pathname)) {
        response.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
        return;
      }
      file = fileAt(base, pathname);
      if (!file && spaFallback && !extname(pathname)) file = fileAt(base, '/index.html');
    }
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      ...(noStore ? { 'cache-control': 'no-store' } : {}),
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    logged,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
