import { createElement, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { ConsentRecord } from '../core/consent-record';
import { consentCookieValue } from '../core/consent-record';
import type { ConsentStore } from '../core/consent-store-types';
import { createStore } from '../core/create-store';
import { lazyPart, withPart } from '../core/lazy-module';
import type { Category, RegisteredPolicy } from '../core/policy';
import type { PolicyTextSources } from '../core/policy-texts';
import { warn } from '../core/warn';
import { ConsentContext, type ConsentContextValue, type I18nLike } from './consent-context';

export interface ConsentProviderProps {
  /** The shop's policy, from `definePolicy`. */
  policy: RegisteredPolicy;
  /** A store you created yourself (tests, or code outside React). Default: one created for this provider. */
  store?: ConsentStore<Category>;
  /**
   * The request's `Cookie` header when rendering on a server. The first render, on the server and during
   * hydration, follows it; the browser's own cookie is read after hydration.
   */
  cookieHeader?: string | null;
  /** Called once per decision with its record (send it to your consent log). */
  onDecision?: (record: ConsentRecord<Category>) => void;
  /** 'fi' or 'en' when the library owns the language (no i18next instance of the app's). */
  language?: string;
  /** The app's i18next instance. Default: the one in react-i18next's context, else a private one. */
  i18n?: I18nLike;
  /**
   * The shop's words for its policy (categories, services, storage items, the policy text), per language,
   * from `definePolicyTexts`; the consent UI offers the languages given. An app may instead word them in
   * its own i18next instance, in the `consent` namespace. Define it once, outside components: its loads
   * are kept per object.
   */
  texts?: PolicyTextSources;
  /**
   * The page's Content Security Policy nonce, given once: the scripts the library inserts (Google's tag)
   * and the style the preferences dialog inserts (its scroll lock) carry it, so that the whole UI works
   * under `script-src 'nonce-…'; style-src 'self'`.
   */
  nonce?: string;
  children?: ReactNode;
}

/**
 * What the store runs only when something happens (decisions, other tabs, the expiry timer) and the
 * provider's storage upkeep, in a chunk of their own: a page's first load carries only what reads the
 * consent. Its download starts with the first read of the consent in a browser (in the first render, or,
 * when hydrating server-rendered HTML, in the effects right after it), so it runs alongside that render;
 * an action called before it has arrived takes effect, in order, when it does.
 */
const runtime = lazyPart(() => import('./provider-runtime'));

/**
 * The runtime, once it has arrived (a failed download rejects, and is tried again on the next call). The
 * banner waits for it, so that a choice it offers is recorded the moment it is clicked; `preloadConsentBanner`
 * starts it before any provider renders.
 */
export function providerRuntime(): Promise<unknown> {
  return Promise.resolve(runtime());
}

/**
 * Holds one consent store for the app. Creates it once; later changes to `policy` or `store` are not
 * picked up (remount the provider with a `key` to start over).
 */
export function ConsentProvider({
  policy,
  store,
  cookieHeader,
  onDecision,
  language,
  i18n,
  texts,
  nonce,
  children,
}: ConsentProviderProps) {
  const onDecisionRef = useRef(onDecision);
  useEffect(() => {
    onDecisionRef.current = onDecision;
  }, [onDecision]);

  const [shared] = useState(() => {
    const consentStore =
      store ??
      createStore(
        policy,
        {
          // No header (no server rendering) reads as none.
          serverValue: consentCookieValue(policy, cookieHeader, Date.now()),
          onDecision: (record) => onDecisionRef.current?.(record),
        },
        runtime,
      );
    const preferences: ConsentContextValue['preferences'] = {};
    return {
      store: consentStore,
      policy: consentStore.policy as RegisteredPolicy,
      actions: {
        acceptAll: consentStore.acceptAll,
        rejectAll: consentStore.rejectAll,
        save: consentStore.save,
        reset: consentStore.reset,
        openPreferences() {
          preferences.current?.open();
          if (process.env.NODE_ENV !== 'production' && !preferences.current) {
            warn('openPreferences() has no dialog to open: render <PreferencesDialog /> once inside the provider.');
          }
        },
      },
      preferences,
    };
  });

  // Declared storage of refused categories is deleted at start and after every change; in development, the
  // storage is audited once (see `maintainStorage`).
  useEffect(() => withPart(runtime, (loaded) => loaded.maintainStorage(shared.store)), [shared]);

  const value = useMemo<ConsentContextValue>(
    () => ({ ...shared, language, i18n, texts, nonce }),
    [shared, language, i18n, texts, nonce],
  );
  // React 19 renders a context itself as its provider.
  return createElement(ConsentContext, { value }, children);
}
