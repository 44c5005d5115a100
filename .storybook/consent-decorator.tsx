import type { Decorator } from '@storybook/react-vite';
import { useMemo } from 'react';
import { ConsentProvider, type ConsentStore, createConsentStore, memoryPersistence } from 'react-consent-policy';
import { shopPolicy, shopTexts } from '../examples/shop-policy';
import { type ConsentLanguage, supportedLanguage } from '../src/i18n/languages';

/** The consent states the toolbar offers. */
export type ConsentState = 'undecided' | 'accepted' | 'rejected' | 'custom' | 'gpc';
export type StoryLanguage = ConsentLanguage;

/** The toolbar's (or a story's) language; Finnish, the shop's first, for anything else. */
export const storyLanguage = (value: unknown): StoryLanguage => supportedLanguage(value) ?? 'fi';

export type ShopStore = ConsentStore<(typeof shopPolicy.categoryNames)[number]>;

/**
 * A store in memory (nothing of Storybook's own lands in the consent cookie) in the given state. `gpc`
 * is an undecided visitor whose browser sends Global Privacy Control.
 */
export function storeInState(state: ConsentState): ShopStore {
  const store = createConsentStore(shopPolicy, {
    storage: memoryPersistence(),
    sync: false,
    signals: { gpc: state === 'gpc', dnt: false },
  });
  if (state === 'accepted') store.acceptAll();
  if (state === 'rejected') store.rejectAll();
  if (state === 'custom') store.save({ personalization: true, analytics: true, marketing: false });
  return store;
}

/** Story parameters that pin a story to a state, whatever the toolbar says. */
export interface ConsentParameters {
  consent?: { state?: ConsentState; language?: StoryLanguage };
}

/** Wraps every story in a provider whose store and language follow the toolbar (or the story's parameters). */
export const withConsent: Decorator = (Story, context) => {
  const pinned = (context.parameters as ConsentParameters).consent ?? {};
  const state = pinned.state ?? (context.globals.consent as ConsentState | undefined) ?? 'undecided';
  const language = pinned.language ?? storyLanguage(context.globals.locale);
  // A new store when the state changes; the same one while the story is played with.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the story id starts each story afresh
  const store = useMemo(() => storeInState(state), [state, context.id]);
  return (
    <ConsentProvider
      key={`${context.id}:${state}`}
      policy={shopPolicy}
      texts={shopTexts}
      store={store}
      language={language}
    >
      <div lang={language}>
        <Story />
      </div>
    </ConsentProvider>
  );
};
