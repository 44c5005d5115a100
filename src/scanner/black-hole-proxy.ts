import { createServer } from 'node:http';

/** A local proxy that forwards nothing, and how to stop it. */
export interface BlackHole {
  /** `http://127.0.0.1:<port>`, for a browser context's `proxy.server`. */
  readonly server: string;
  close(): Promise<void>;
}

/**
 * A proxy on 127.0.0.1 that refuses every request and tunnel. The scan's contexts send everything but the scanned
 * host through it, so that nothing leaves the machine even where Playwright's routing does not reach: it routes
 * only the first address of a redirect, and a same-origin page that redirects elsewhere would otherwise go out.
 */
export async function startBlackHole(): Promise<BlackHole> {
  // No answer at all, not an error page: a browser would show a page answered by the proxy as the page itself.
  const server = createServer((request) => request.socket.destroy());
  server.on('connect', (_request, socket) => {
    socket.on('error', () => undefined);
    socket.destroy();
  });
  server.on('upgrade', (_request, socket) => socket.destroy());
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as { port: number };
  return {
    server: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
