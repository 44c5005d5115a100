import { useEffect } from 'react';
import { sha256Hex } from '../core/text-hash';
import { useConsentContext } from '../react/consent-context';
import { fullPolicyText } from './policy-text';
import type { ConsentText } from './use-consent-text';

/**
 * Tells the store which language the visitor sees and the SHA-256 of that language's full policy text,
 * so that every decision's record proves what was shown. Re-run whenever the language shown changes.
 */
export function useRecordContext(text: ConsentText | null): void {
  const { store } = useConsentContext('useRecordContext');
  useEffect(() => {
    if (!text) return;
    let current = true;
    // Until the hash is ready, a decision carries the language and no hash: honest, never a stale one.
    store.setRecordContext({ language: text.lang, textHash: undefined });
    void sha256Hex(fullPolicyText(text.t as (key: string) => string)).then((hash) => {
      if (current && hash) store.setRecordContext({ language: text.lang, textHash: hash });
    });
    return () => {
      current = false;
    };
  }, [store, text]);
}
