import { consentCookieValue } from './consent-record';
import { serializeCookie, siteCookieAttributes } from './cookie';
import { deleteCookie } from './delete-cookie';
import type { ConsentPersistence } from './persistence';
import type { Policy } from './policy';

/**
 * The consent cookie: first-party, `Path`, `Domain` and `SameSite` from the policy, `Secure` on https,
 * `Max-Age` as given. Exactly one is left after a write or a clear: every variant this page can reach (on
 * this host or a parent domain, on `/` or a prefix of this page's path, left by an older setting or a
 * sibling subdomain) is deleted first. Of several it reads the latest decision (`consentCookieValue`).
 */
export function cookiePersistence(policy: Policy): ConsentPersistence {
  const { name, path } = policy.cookie;
  const attributes = { path, ...siteCookieAttributes(policy.cookie) };
  return {
    read: () => consentCookieValue(policy, document.cookie, Date.now()),
    write: (value, maxAge) => {
      deleteCookie(name);
      document.cookie = serializeCookie(name, value, { ...attributes, maxAge });
    },
    clear: () => {
      deleteCookie(name);
      document.cookie = serializeCookie(name, '', { ...attributes, maxAge: 0 });
    },
  };
}
