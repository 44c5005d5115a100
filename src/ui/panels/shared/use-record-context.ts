import { useEffect, useLayoutEffect, useState } from 'react';
import { sha256Hex } from '../../../core/text-hash';
import type { ConsentText } from '../../../i18n/consent-text';
import { fullPolicyText } from '../../../i18n/policy-text';
import type { ConsentContextValue } from '../../../react/consent-context';

/** The SHA-256 of each policy text shown on this page, once computed (null where Web Crypto is missing). */
const hashes = new Map<string, string | null>();
const pending = new Map<string, Promise<unknown>>();

/** Starts hashing a full policy text, once per text and page; `useRecordContext` finds the hash when it is done. */
export function hashPolicyText(full: string): void {
  if (full.trim() === '' || hashes.has(full) || pending.has(full)) return;
  pending.set(
    full,
    sha256Hex(full).then((hash) => {
      hashes.set(full, hash);
    }),
  );
}

/**
 * Tells the store which language the visitor sees and the SHA-256 of the full policy text in that
 * language, so that every decision's record proves what was shown. Returns false while the hash is being
 * computed (a few milliseconds, once per text and page): the panels wait for it, so that an Accept or
 * Reject in the first instant already carries it. Where Web Crypto is missing (plain http), the records
 * say which language was shown and carry no hash: honest, never a made-up one.
 */
export function useRecordContext(store: ConsentContextValue['store'], text: ConsentText | null): boolean {
  const full = text ? fullPolicyText(text.policyText) : '';
  // A shop without a policy text in this language has nothing to hash.
  const ready = full.trim() === '' || hashes.has(full);
  const [, arrived] = useState(0);
  // Started during render, as the texts' loads are: the digest begins one commit sooner.
  if (!ready) hashPolicyText(full);
  useEffect(() => {
    if (ready) return;
    let live = true;
    pending.get(full)?.then(() => live && arrived((count) => count + 1));
    return () => {
      live = false;
    };
  }, [full, ready]);
  useLayoutEffect(() => {
    if (text && ready) store.setRecordContext({ language: text.lang, textHash: hashes.get(full) ?? undefined });
  }, [store, text, ready, full]);
  return ready;
}
