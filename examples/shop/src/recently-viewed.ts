import { useCallback } from 'react';
import { useConsent, useConsentedStorage } from 'react-consent-policy';

const NONE: readonly string[] = [];
const MAX = 4;

/**
 * `recently_viewed` belongs to personalization: the library writes it only while the visitor allows
 * personalization, reads nothing otherwise, and deletes it when personalization is withdrawn.
 */
export function useRecentlyViewed() {
  const granted = useConsent('personalization');
  const [stored, setStored] = useConsentedStorage<readonly string[]>('personalization', 'recently_viewed');
  const remember = useCallback(
    (id: string) => {
      if (!granted) return;
      setStored((previous) => [id, ...(previous ?? NONE).filter((other) => other !== id)].slice(0, MAX));
    },
    [granted, setStored],
  );
  return { granted, viewed: stored ?? NONE, remember };
}
