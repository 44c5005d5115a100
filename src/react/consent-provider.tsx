import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { ConsentRecord } from '../core/consent-record';
import { type ConsentStore, createConsentStore } from '../core/consent-store';
import { readCookie } from '../core/cookie';
import type { Category, RegisteredPolicy } from '../core/policy';
import { ConsentContext, type ConsentContextValue, ConsentLanguageContext } from './consent-context';
import { createPreferencesState } from './preferences-state';

/** The part of an i18next instance the provider passes on; typed loosely so the headless entry never imports i18next. */
export type I18nLike = object;

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
  children?: ReactNode;
}

/** Stores whose storage was audited in development: the findings are logged once. */
const audited = new WeakSet<object>();

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
  children,
}: ConsentProviderProps) {
  const onDecisionRef = useRef(onDecision);
  useEffect(() => {
    onDecisionRef.current = onDecision;
  }, [onDecision]);

  const [value] = useState<ConsentContextValue>(() => {
    const consentStore =
      store ??
      createConsentStore(policy, {
        serverValue: cookieHeader === undefined ? undefined : readCookie(cookieHeader, policy.cookie.name),
        onDecision: (record) => onDecisionRef.current?.(record),
      });
    const preferences = createPreferencesState();
    return {
      store: consentStore,
      policy: consentStore.policy as RegisteredPolicy,
      preferences,
      actions: {
        acceptAll: consentStore.acceptAll,
        rejectAll: consentStore.rejectAll,
        save: consentStore.save,
        reset: consentStore.reset,
        openPreferences: preferences.open,
      },
    };
  });

  // Declared storage of categories that are not granted is deleted at start and after every change. The
  // cleanup comes in its own chunk, loaded after the first paint and only once some category is not
  // granted: a returning visitor who accepted everything never downloads it.
  useEffect(() => {
    const { store } = value;
    let stop: (() => void) | undefined;
    let live = true;
    const start = () => {
      if (Object.values(store.getSnapshot().choices).every(Boolean)) return;
      unsubscribe();
      import('../core/storage-cleanup').then(
        (module) => {
          if (live) stop = module.attachStorageCleanup(store);
        },
        () => {},
      );
    };
    const unsubscribe = store.subscribe(start);
    start();
    return () => {
      live = false;
      unsubscribe();
      stop?.();
    };
  }, [value]);

  // Development only: a second after start (tags loaded with the page have written their cookies by then),
  // compares what this browser holds with the policy and logs the findings once, as a table.
  useEffect(() => {
    if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production' && !audited.has(value.store)) {
      const timer = setTimeout(() => {
        audited.add(value.store);
        import('../core/audit').then(
          (module) => module.logStorageAudit(value.store.policy, value.store.getSnapshot()),
          () => {},
        );
      }, 1000);
      return () => clearTimeout(timer);
    }
  }, [value.store]);

  const languageValue = useMemo(() => ({ language, i18n }), [language, i18n]);

  return (
    <ConsentContext.Provider value={value}>
      <ConsentLanguageContext.Provider value={languageValue}>{children}</ConsentLanguageContext.Provider>
    </ConsentContext.Provider>
  );
}
