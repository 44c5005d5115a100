// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_LOG_PATH, type StaticServer, serveStatic } from '../../scripts/lib/static-server.mjs';

/** A GET as sent on the wire: `path` unchanged, so that `..` and `%2f` reach the server as written. */
function get(server: StaticServer, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, fail) => {
    const sent = request({ host: '127.0.0.1', port: server.port, path }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () =>
        done({ status: response.statusCode ?? 0, type: `${response.headers['content-type']}`, body }),
      );
    });
    sent.on('error', fail);
    sent.end();
  });
}

describe('the static server of the browser tests and the benchmark', () => {
  let outside: string;
  let site: string;
  let app: StaticServer;
  let plain: StaticServer;

  beforeAll(async () => {
    outside = mkdtempSync(join(tmpdir(), 'static-server-test-'));
    site = join(outside, 'site');
    mkdirSync(join(site, 'assets'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>shop</title>');
    writeFileSync(join(site, 'assets', 'main.js'), 'console.log(1);');
    writeFileSync(join(site, 'assets', 'main.css'), 'body{}');
    writeFileSync(join(outside, 'secret.txt'), 'not to be served');
    writeFileSync(join(outside, 'analytics.js'), 'window.analytics = true;');
    app = await serveStatic(site, {
      spaFallback: true,
      consentLog: true,
      routes: { '/analytics.js': join(outside, 'analytics.js') },
    });
    plain = await serveStatic(site);
  });

  afterAll(async () => {
    await Promise.all([app.close(), plain.close()]);
    rmSync(outside, { recursive: true, force: true });
  });

  it('serves files with their content type, index.html for a directory', async () => {
    expect(await get(app, '/assets/main.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get(app, '/assets/main.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(await get(plain, '/')).toMatchObject({ status: 200, body: '<!doctype html><title>shop</title>' });
  });

  it('answers a client-side route with index.html only when asked to, and a missing file with 404', async () => {
    expect(await get(app, '/en/products/1')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect((await get(plain, '/en/products/1')).status).toBe(404);
    expect((await get(app, '/assets/missing.js')).status).toBe(404);
  });

  it('refuses every path that leaves the served directory', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      const response = await get(app, path);
      expect(response.body, path).not.toContain('not to be served');
      expect([403, 404], path).toContain(response.status);
    }
    expect((await get(app, '/..%2fsecret.txt')).status).toBe(403);
  });

  it('serves extra routes from files elsewhere', async () => {
    expect(await get(app, '/analytics.js')).toMatchObject({ status: 200, body: 'window.analytics = true;' });
    expect((await get(plain, '/analytics.js')).status).toBe(404);
  });

  it('keeps the consent records posted to its log and lists them', async () => {
    const posted = await fetch(`${app.url}${CONSENT_LOG_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'a=1', origin: 'null' },
      body: JSON.stringify({ action: 'accept-all' }),
    });
    expect(posted.status).toBe(204);
    const broken = await fetch(`${app.url}${CONSENT_LOG_PATH}`, { method: 'POST', body: '{' });
    expect(broken.status).toBe(400);
    const listed = await (await fetch(`${app.url}${CONSENT_LOG_PATH}`)).json();
    expect(listed).toEqual([{ body: { action: 'accept-all' }, cookie: 'a=1', referer: null, origin: 'null' }]);
    expect(app.logged).toEqual(listed);
    expect((await get(plain, CONSENT_LOG_PATH)).status).toBe(404);
  });
});
