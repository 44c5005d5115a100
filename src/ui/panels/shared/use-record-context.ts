import { useLayoutEffect } from 'react';
import { addTexts, type ConsentText } from '../../../i18n/consent-text';
import { POLICY_TEXT_HASHES } from '../../../i18n/policy-text-hashes';
import type { ConsentContextValue } from '../../../react/consent-context';

/**
 * Tells the store which language the visitor sees and the SHA-256 of that language's full policy text,
 * so that every decision's record proves what was shown. Re-run whenever the language shown changes.
 *
 * The bundled wording's hash is known ahead (`POLICY_TEXT_HASHES`), so the context is complete in the
 * commit that shows the banner, before the browser paints it: an Accept or Reject in the first instant
 * carries the hash, without waiting for the policy text (not part of the banner's texts) or holding the
 * click back. Only an app that words the policy text itself waits for its words to be hashed; a decision
 * in that moment carries the language and no hash: honest, never a stale one.
 */
export function useRecordContext(store: ConsentContextValue['store'], text: ConsentText | null): void {
  useLayoutEffect(() => {
    if (!text) return;
    const language = text.lang;
    const known = text.ownPolicyText ? undefined : POLICY_TEXT_HASHES[language];
    store.setRecordContext({ language, textHash: known });
    if (known) return;
    let current = true;
    import('./policy-text-hash')
      // The hash's module gets `addTexts` from here: importing it would split the module into a chunk
      // of its own, shared with this one.
      .then((module) => module.shownPolicyTextHash(text, addTexts))
      .then(
        (textHash) => {
          if (current && textHash) store.setRecordContext({ language, textHash });
        },
        () => {
          // No hash (the texts did not load): the records say which language was shown, nothing false.
        },
      );
    return () => {
      current = false;
    };
  }, [store, text]);
}
