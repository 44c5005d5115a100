// @vitest-environment node
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { shopPolicy } from '../../examples/shop-policy';
import { declaredCookie } from '../../src/core/declared-cookie';
import type { Duration } from '../../src/core/duration';

/** The shop's server, as a shop writes it: a login and a returning customer's cookie, through the policy. */
async function shopServer(handler: (url: URL) => string[]) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://shop.example');
    try {
      response.setHeader('Set-Cookie', handler(url));
      response.end('ok');
    } catch (error) {
      response.statusCode = 500;
      response.end(String((error as Error).message));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    get: (path: string) => fetch(`http://127.0.0.1:${port}${path}`),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('given the shop’s server setting its own cookies through the policy', () => {
  it('writes them no longer than the cookie policy page promises, first-party and Secure', async () => {
    const server = await shopServer((url) => [
      declaredCookie(shopPolicy, 'session_id').setCookie('s-123'),
      // The server asks for more than the policy allows: it gets what the policy allows.
      declaredCookie(shopPolicy, 'customer_id', {
        lifetime: (url.searchParams.get('asked') ?? undefined) as Duration,
      }).setCookie('c-9'),
    ]);
    try {
      const response = await server.get('/login?asked=10y');
      const cookies = response.headers.getSetCookie();
      expect(cookies).toEqual([
        'session_id=s-123; Max-Age=900; Path=/; SameSite=Lax; Secure; HttpOnly',
        // 26 months of 365.2425 / 12 days, in whole seconds.
        'customer_id=c-9; Max-Age=68373396; Path=/; SameSite=Lax; Secure; HttpOnly',
      ]);
    } finally {
      await server.close();
    }
  });

  it('keeps a shorter lifetime the server asks for', () => {
    expect(declaredCookie(shopPolicy, 'customer_id', { lifetime: '7d' }).maxAge).toBe(7 * 86_400);
  });

  it('refuses a cookie the policy does not declare, the consent cookie, and a value no cookie can carry', () => {
    expect(() => declaredCookie(shopPolicy, 'tracking_id')).toThrow(/not a cookie the policy declares/);
    expect(() => declaredCookie(shopPolicy, 'cookie_consent')).toThrow(/the library's own/);
    expect(() => declaredCookie(shopPolicy, 'session_id').setCookie('a; Max-Age=999999999')).toThrow(/encode it/);
  });
});
