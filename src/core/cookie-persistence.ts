import { readCookie, serializeCookie, siteCookieAttributes } from './cookie';
import type { ConsentPersistence } from './persistence';
import type { Policy } from './policy';

/** The consent cookie: first-party, `Path`, `Domain` and `SameSite` from the policy, `Secure` on https, `Max-Age` as given. */
export function cookiePersistence(policy: Pick<Policy, 'cookie'>): ConsentPersistence {
  const { name, path } = policy.cookie;
  const attributes = { path, ...siteCookieAttributes(policy.cookie) };
  return {
    read: () => readCookie(document.cookie, name),
    write: (value, maxAge) => {
      document.cookie = serializeCookie(name, value, { ...attributes, maxAge });
    },
    clear: () => {
      document.cookie = serializeCookie(name, '', { ...attributes, maxAge: 0 });
    },
  };
}
