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

/**
 * Wraps a persistence so that it never throws. When it throws, or silently drops a write (cookies
 * disabled), the consent lives on in memory for the rest of the page's life.
 */
export function resilientPersistence(inner: ConsentPersistence): ConsentPersistence {
  let broken = false;
  let memory: string | null = null;
  return {
    read() {
      if (broken) return memory;
      try {
        return inner.read();
      } catch {
        broken = true;
        return memory;
      }
    },
    write(value, maxAge) {
      memory = value;
      if (broken) return;
      try {
        inner.write(value, maxAge);
        if (inner.read() !== value) broken = true;
      } catch {
        broken = true;
      }
    },
    clear() {
      memory = null;
      if (broken) return;
      try {
        inner.clear();
      } catch {
        broken = true;
      }
    },
  };
}
