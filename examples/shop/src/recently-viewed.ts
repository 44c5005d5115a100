import { useCallback } from 'react';
import { useConsent } from 'react-consent-policy';
import { createLocalValue, useLocalValue } from './local-value';

const NONE: readonly string[] = [];
const MAX = 4;

/** `recently_viewed` belongs to personalization: read and written only while the visitor allows it. */
const viewedValue = createLocalValue<readonly string[]>('recently_viewed', NONE);

export function useRecentlyViewed() {
  const granted = useConsent('personalization');
  const [stored] = useLocalValue(viewedValue, NONE);
  const remember = useCallback(
    (id: string) => {
      if (!granted) return;
      viewedValue.set([id, ...viewedValue.get().filter((other) => other !== id)].slice(0, MAX));
    },
    [granted],
  );
  return { granted, viewed: granted ? stored : NONE, remember };
}
