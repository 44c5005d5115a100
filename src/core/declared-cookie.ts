import { serializeCookie } from './cookie';
import { COOKIE_DEFAULTS } from './cookie-defaults';
import { type Duration, toMilliseconds } from './duration';
import type { Policy } from './policy';
import { matchesStorageName } from './storage-name';

export interface DeclaredCookieOptions {
  /** How long this cookie should live. Default, and ceiling: the lifetime the policy declares for it. */
  lifetime?: Duration;
  /** Default: the policy's `cookie.secure`, else true (a shop's server answers over https). */
  secure?: boolean;
  /** Default: true, as for a session or customer cookie a page's scripts need not read. */
  httpOnly?: boolean;
}

/** A cookie the shop's server sets, with the attributes the policy allows it. */
export interface DeclaredCookie {
  readonly name: string;
  /** Seconds: never longer than the policy declares. */
  readonly maxAge: number;
  readonly path: string;
  readonly domain?: string;
  readonly sameSite: 'Lax' | 'Strict' | 'None';
  readonly secure: boolean;
  readonly httpOnly: boolean;
  /** The `Set-Cookie` header's value for `value` (a cookie-safe text: no space, `;`, `,`, `"` or `\`). */
  setCookie(value: string): string;
}

/** RFC 6265 cookie-octets: what a cookie's value may hold unquoted. */
const COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/**
 * For the shop's server: the attributes of a cookie the policy declares (`session_id`, `customer_id`), so
 * that the server cannot write a longer lifetime than the cookie policy page promises. Throws when the
 * policy does not declare the name as a cookie: an undeclared cookie is a promise the page does not make.
 *
 * ```ts
 * response.setHeader('Set-Cookie', declaredCookie(shopPolicy, 'session_id').setCookie(sessionId));
 * ```
 */
export function declaredCookie(policy: Policy, name: string, options: DeclaredCookieOptions = {}): DeclaredCookie {
  const item = policy.storage.find((declared) => declared.kind === 'cookie' && matchesStorageName(declared.name, name));
  if (!item || name === policy.cookie.name) {
    throw new Error(
      `declaredCookie: "${name}" is not a cookie the policy declares for the shop to set. Declare it under a service's storage in definePolicy (the consent cookie is the library's own).`,
    );
  }
  const requested = options.lifetime === undefined ? null : toMilliseconds(options.lifetime);
  const lifetime = requested !== null && requested < item.lifetime ? requested : item.lifetime;
  const { domain, sameSite } = policy.cookie;
  const secure = options.secure ?? policy.cookie.secure ?? true;
  const httpOnly = options.httpOnly ?? true;
  const attributes = { maxAge: lifetime, path: COOKIE_DEFAULTS.path, domain, sameSite, secure };
  return Object.freeze({
    name,
    maxAge: Math.floor(lifetime / 1000),
    path: attributes.path,
    ...(domain === undefined ? {} : { domain }),
    sameSite,
    secure,
    httpOnly,
    setCookie(value: string) {
      if (!COOKIE_VALUE.test(value)) {
        throw new Error(
          `declaredCookie: the value of "${name}" holds characters a cookie cannot carry; encode it first.`,
        );
      }
      const header = serializeCookie(name, value, attributes);
      return httpOnly ? `${header}; HttpOnly` : header;
    },
  });
}
