import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function fileAt(root: string, pathname: string): string | null {
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const stat = statSync(path);
    if (stat.isFile()) return path;
    if (stat.isDirectory()) return fileAt(root, join(pathname, 'index.html'));
  } catch {
    // Not there.
  }
  return null;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site from 127.0.0.1 on a free port, as any static host would: files as they are, and
 * index.html for every other path so that client-side routes load directly.
 */
/** A consent record as the shop's consent log received it, with the headers that came along. */
export interface LoggedRecord {
  body: unknown;
  cookie: string | null;
  referer: string | null;
}

/** The demo shop posts its consent records here (`createConsentLogger`); GET lists what arrived. */
export const CONSENT_LOG_PATH = '/api/consent-log';

export async function serveStatic(
  root: string,
  options: { spaFallback?: boolean; consentLog?: boolean } = {},
): Promise<StaticServer> {
  const base = normalize(root);
  const logged: LoggedRecord[] = [];
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (options.consentLog && pathname === CONSENT_LOG_PATH) {
      if (request.method === 'POST') {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          try {
            logged.push({
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
              cookie: request.headers.cookie ?? null,
              referer: request.headers.referer ?? null,
            });
            response.writeHead(204).end();
          } catch {
            response.writeHead(400).end();
          }
        });
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(logged));
      return;
    }
    let file = fileAt(base, pathname);
    let status = 200;
    if (!file && options.spaFallback !== false && !extname(pathname)) file = fileAt(base, '/index.html');
    if (!file) {
      status = 404;
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end('Not found');
      return;
    }
    response.writeHead(status, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
