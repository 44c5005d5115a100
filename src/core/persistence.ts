import { isSecurePage, readCookie, serializeCookie } from './cookie';
import type { Policy } from './policy';

/** Where the encoded consent is kept. Any method may throw: the store then carries on in memory. */
export interface ConsentPersistence {
  read(): string | null;
  /** `maxAge` in milliseconds. */
  write(value: string, maxAge: number): void;
  clear(): void;
}

/** Keeps the consent in memory only (servers, tests, browsers that refuse cookies). */
export function memoryPersistence(initial: string | null = null): ConsentPersistence {
  let value = initial;
  return {
    read: () => value,
    write: (next) => {
      value = next;
    },
    clear: () => {
      value = null;
    },
  };
}

/** The consent cookie: first-party, `Path` and `SameSite` from the policy, `Secure` on https, `Max-Age` as given. */
export function cookiePersistence(policy: Pick<Policy, 'cookie'>): ConsentPersistence {
  const { name, path, domain, sameSite, secure } = policy.cookie;
  const attributes = { path, domain, sameSite, secure: secure ?? isSecurePage() };
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
