// @vitest-environment node
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { canonicalJson } from '../../src/server/canonical-json';
import { createConsentLog } from '../../src/server/consent-log';
import type { ConsentLog } from '../../src/server/consent-log-types';
import { nodeListener } from '../../src/server/node-listener';
import { optionalModule } from '../../src/server/optional-module';
import { createRateLimit, defaultClientKey } from '../../src/server/rate-limit';
import { aRecord, post } from './records';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: false } })).toBe(
      '{"a":{"c":false,"d":[true,null,"x"]},"b":1}',
    );
  });

  it('sorts by UTF-16 code units and leaves out undefined values, as RFC 8785', () => {
    // U+1F600 is written as two UTF-16 units starting 0xD83D: before U+FF61, though its code point is larger.
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '\uFF61': 5, '\u{1F600}': 4, gone: undefined })).toBe(
      '{"Z":3,"z":2,"é":1,"\u{1F600}":4,"\uFF61":5}',
    );
  });

  it('refuses what JSON cannot hold exactly', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('the rate limit', () => {
  it('lets a client post its burst, then one record per refill, and says when to retry', () => {
    let clock = 0;
    const limit = createRateLimit({ perMinute: 6, burst: 2 }, () => clock);
    expect(limit('a')).toEqual({ allowed: true });
    expect(limit('a')).toEqual({ allowed: true });
    expect(limit('a')).toEqual({ allowed: false, retryAfter: 10 });
    expect(limit('b')).toEqual({ allowed: true });
    clock += 10_000;
    expect(limit('a')).toEqual({ allowed: true });
    expect(limit('a')).toMatchObject({ allowed: false });
  });

  it('keeps at most maxClients buckets: the least recently seen is forgotten', () => {
    const limit = createRateLimit({ perMinute: 1, maxClients: 2 }, () => 0);
    expect(limit('a')).toEqual({ allowed: true });
    expect(limit('a')).toMatchObject({ allowed: false });
    limit('b');
    limit('c');
    // 'a' was dropped to make room: it starts again with a full bucket.
    expect(limit('a')).toEqual({ allowed: true });
  });

  it('counts a client by the first X-Forwarded-For address, else X-Real-IP, else one shared key', () => {
    const key = (headers: Record<string, string>) => defaultClientKey(new Request('http://x/', { headers }));
    expect(key({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'x-real-ip': '10.0.0.2' })).toBe('203.0.113.7');
    expect(key({ 'x-real-ip': '10.0.0.2' })).toBe('10.0.0.2');
    expect(key({})).toBe('shared');
  });
});

describe('a missing optional database package', () => {
  it('is named with the command that installs it', async () => {
    const missing = Object.assign(new Error("Cannot find package 'pg'"), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(optionalModule('pg', () => Promise.reject(missing), 'PostgreSQL')).rejects.toThrow(/npm install pg/);
    const other = new Error('broken');
    await expect(optionalModule('pg', () => Promise.reject(other), 'PostgreSQL')).rejects.toBe(other);
  });
});

describe('the consent log behind a node:http server, rate limited', () => {
  let log: ConsentLog;
  let clock = Date.now();
  let url: string;
  const server = createServer();

  beforeAll(async () => {
    log = await createConsentLog({
      policy: shopPolicy,
      dataDir: 'memory://',
      rateLimit: { perMinute: 3 },
      now: () => clock,
    });
    server.on('request', nodeListener(log.handler));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/consent-log`;
  }, 60_000);
  afterAll(async () => {
    server.close();
    await log?.close();
  });

  const send = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('answers 429 with Retry-After past a client limit, while other clients still post', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < 3; i++) expect((await send(aRecord(), from('198.51.100.1'))).status).toBe(201);
    const refused = await send(aRecord(), from('198.51.100.1'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('20');
    expect((await send(aRecord(), from('198.51.100.2'))).status).toBe(201);
    clock += 20_000;
    expect((await send(aRecord(), from('198.51.100.1'))).status).toBe(201);
  });

  it('answers 413 to a large body over real HTTP, and the connection still answers', async () => {
    const response = await send(`{"pad":"${'x'.repeat(200_000)}"}`, { 'x-forwarded-for': '198.51.100.3' });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/4096 bytes/) });
    expect((await send(aRecord(), { 'x-forwarded-for': '198.51.100.4' })).status).toBe(201);
  });
});

describe('a clientKey option', () => {
  it('decides who a request comes from', async () => {
    const log = await createConsentLog({
      policy: shopPolicy,
      dataDir: 'memory://',
      rateLimit: { perMinute: 1 },
      clientKey: (request) => request.headers.get('x-shop-client') ?? 'anonymous',
    });
    try {
      expect((await log.handler(post(aRecord(), { 'x-shop-client': 'a' }))).status).toBe(201);
      expect((await log.handler(post(aRecord(), { 'x-shop-client': 'a', 'x-forwarded-for': '1.2.3.4' }))).status).toBe(
        429,
      );
      expect((await log.handler(post(aRecord(), { 'x-shop-client': 'b' }))).status).toBe(201);
    } finally {
      await log.close();
    }
  }, 60_000);
});

describe('a log that cannot store', () => {
  it('answers 503 with Retry-After, so that the logger keeps the record and tries again later', async () => {
    const log = await createConsentLog({ policy: shopPolicy, dataDir: 'memory://' });
    await log.close();
    const response = await log.handler(post(aRecord()));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
  }, 60_000);
});
