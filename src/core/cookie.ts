import { COOKIE_DEFAULTS } from './cookie-defaults';

/**
 * Every raw value of one cookie in a `Cookie` header or `document.cookie`, in the header's order; no
 * decoding. A name can appear more than once: variants set on other Paths or Domains are all sent.
 */
export function cookieValues(header: string | null | undefined, name: string): string[] {
  const values: string[] = [];
  for (const pair of typeof header === 'string' ? header.split(';') : []) {
    const index = pair.indexOf('=');
    if (index > 0 && pair.slice(0, index).trim() === name) values.push(pair.slice(index + 1).trim());
  }
  return values;
}

/** Reads one cookie's raw value from a `Cookie` header or `document.cookie`. The first match wins; no decoding. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  return cookieValues(header, name)[0] ?? null;
}

/** Every cookie name in a `Cookie` header or `document.cookie`. */
export function cookieNames(header: string | null | undefined): string[] {
  if (typeof header !== 'string' || header === '') return [];
  return header
    .split(';')
    .map((pair) => pair.split('=', 1)[0]?.trim() ?? '')
    .filter((name) => name !== '');
}

export interface CookieAttributes {
  /** Milliseconds; rounded down to whole seconds. 0 deletes the cookie. */
  maxAge: number;
  /** Default: '/'. */
  path?: string;
  domain?: string;
  /** Default: 'Lax'. */
  sameSite?: 'Lax' | 'Strict' | 'None';
  secure?: boolean;
}

/** Builds a `document.cookie` assignment. */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [`${name}=${value}`, `Max-Age=${Math.max(0, Math.floor(attributes.maxAge / 1000))}`];
  parts.push(`Path=${attributes.path ?? COOKIE_DEFAULTS.path}`);
  if (attributes.domain) parts.push(`Domain=${attributes.domain}`);
  parts.push(`SameSite=${attributes.sameSite ?? COOKIE_DEFAULTS.sameSite}`);
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}

/** True on https pages, where cookies get `Secure`. */
export function isSecurePage(): boolean {
  return typeof location !== 'undefined' && location.protocol === 'https:';
}

/**
 * The attributes the site's own cookies share with the consent cookie: the policy's `Domain` and `SameSite`,
 * and `Secure` as the policy says, else on https pages.
 */
export function siteCookieAttributes(cookie: {
  readonly domain?: string;
  readonly sameSite: 'Lax' | 'Strict' | 'None';
  readonly secure?: boolean;
}): Pick<CookieAttributes, 'domain' | 'sameSite' | 'secure'> {
  return { domain: cookie.domain, sameSite: cookie.sameSite, secure: cookie.secure ?? isSecurePage() };
}
