import { createContext, useContext } from 'react';
import type { ConsentStore } from '../core/consent-store-types';
import type { Category, RegisteredPolicy, SomeCategories } from '../core/policy';
import type { PolicyTextSources } from '../core/policy-texts';

/** The part of an i18next instance the provider passes on; typed loosely so the headless entry never imports i18next. */
export type I18nLike = object;

/** What `openPreferences()` needs of the preferences dialog's state (`PreferencesState` in the UI). */
export interface PreferencesOpener {
  open(): void;
}

export interface ConsentActions {
  acceptAll(): void;
  rejectAll(): void;
  save(choices: SomeCategories<Category, boolean>): void;
  reset(): void;
  /**
   * Opens the preferences dialog (mounted once by the app as `<PreferencesDialog />`). With no dialog
   * rendered yet it has nothing to open, and says so in development.
   */
  openPreferences(): void;
}

/**
 * What the provider shares: the store, never a copy of its state. A new object only when the provider's
 * `language`, `i18n`, `texts` or `nonce` changes; the store, policy, actions and preferences stay the same objects for the
 * provider's life, so a consent change re-renders only the components that read what changed.
 */
export interface ConsentContextValue {
  readonly store: ConsentStore<Category>;
  readonly policy: RegisteredPolicy;
  readonly actions: ConsentActions;
  /**
   * The preferences dialog's state: `current` is set by the first `<PreferencesDialog />` rendered, which
   * owns it, and stays unset in an app without the dialog.
   */
  readonly preferences: { current?: PreferencesOpener };
  /** The provider's `language`: 'fi' or 'en' when the library owns the language. */
  readonly language: string | undefined;
  /** The provider's `i18n`: the app's i18next instance, when it passed one. */
  readonly i18n: I18nLike | undefined;
  /** The provider's `texts`: the shop's words for its policy, per language. */
  readonly texts: PolicyTextSources | undefined;
  /** The provider's `nonce`: the page's Content Security Policy nonce, for what the library inserts. */
  readonly nonce: string | undefined;
}

export const ConsentContext = createContext<ConsentContextValue | null>(null);

/** The provider's value; throws a sentence that says what to do when there is none. */
export function useConsentContext(caller: string): ConsentContextValue {
  const value = useContext(ConsentContext);
  if (!value) {
    // Production builds keep the first sentence; development adds what to do.
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? `${caller} must be used inside <ConsentProvider>. Wrap your app (or this part of it) in <ConsentProvider policy={yourPolicy}>.`
        : `${caller} must be used inside <ConsentProvider>.`,
    );
  }
  return value;
}
