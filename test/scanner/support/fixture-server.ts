import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES } from '../../../scripts/lib/static-server.mjs';

/** The fixture sites' directory. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Answers a request itself (true), or leaves it to the files (false). */
export type Handler = (request: IncomingMessage, response: ServerResponse, pathname: string) => boolean;

export interface FixtureServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves one fixture site from 127.0.0.1 on a free port: its files (`/x` is `x.html` too, `/dir/` its index.html),
 * `/common.js` shared by every site, and whatever `handle` answers first (redirects, generated pages).
 */
export async function serveFixture(site: string, handle?: Handler): Promise<FixtureServer> {
  const root = join(FIXTURES, site);
  const fileFor = (pathname: string): string | null => {
    if (pathname === '/common.js') return join(FIXTURES, 'common.js');
    const path = normalize(join(root, pathname));
    if (!path.startsWith(root + sep) && path !== root) return null;
    for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // Not this one.
      }
    }
    return null;
  };
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (handle?.(request, response, pathname)) return;
    const file = fileFor(pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not found</title>');
      return;
    }
    response.writeHead(200, {
      'content-type':
        extname(file) === '.xml'
          ? 'application/xml'
          : ((CONTENT_TYPES as Record<string, string>)[extname(file)] ?? 'application/octet-stream'),
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
