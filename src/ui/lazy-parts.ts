import { type ComponentType, createElement, type ReactNode, useState, useSyncExternalStore } from 'react';
import type { ConsentLanguage } from '../i18n/languages';
import { preloadMessages } from '../i18n/load-messages';

type Loader<T> = () => Promise<T>;

/** One import per part; a failed load (a network error) may be retried on the next render. */
function once<T>(load: Loader<T>): Loader<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load().catch((error: unknown) => {
      promise = undefined;
      throw error;
    });
    return promise;
  };
}

/** A part of the UI whose code loads on first render (see `LazyUi`). */
export interface LazyPart<P> {
  /** Starts the download; repeated calls share it. */
  preload: Loader<unknown>;
  subscribe(listener: () => void): () => void;
  /** The component once its module has arrived, else null. */
  current(): ComponentType<P> | null;
}

function lazyPart<P>(load: Loader<{ default: ComponentType<P> }>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  const listeners = new Set<() => void>();
  return {
    preload: once(() =>
      load().then((module) => {
        loaded = module.default;
        for (const listener of [...listeners]) listener();
      }),
    ),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    current: () => loaded,
  };
}

const onServer = () => null;

/**
 * Renders a part once its code has arrived, `fallback` until then. The download starts during the first
 * render (not an effect later), together with the texts of `lang`. Not `React.lazy` + `Suspense`: React
 * holds back a suspended boundary's content for up to 300 ms after its code arrives (it batches reveals),
 * which showed the banner ~300 ms late. Here the part renders in the commit right after its module resolves.
 */
export function LazyUi<P extends object>({
  part,
  lang,
  props,
  fallback = null,
}: {
  part: LazyPart<P>;
  lang: ConsentLanguage;
  props: P;
  fallback?: ReactNode;
}) {
  preloadMessages(lang);
  const Component = useSyncExternalStore(part.subscribe, part.current, onServer);
  if (!Component) part.preload().catch(() => {});
  return Component ? createElement(Component, props) : fallback;
}

/** True from the first render in which `value` is true, for the rest of the component's life. */
export function useLatch(value: boolean): boolean {
  const [latched, setLatched] = useState(value);
  if (value && !latched) setLatched(true);
  return latched || value;
}

export const bannerPart = /* @__PURE__ */ lazyPart(() => import('./banner/consent-banner-panel'));
export const dialogPart = /* @__PURE__ */ lazyPart(() => import('./dialog/preferences-dialog-panel'));
export const policyPart = /* @__PURE__ */ lazyPart(() => import('./policy/cookie-policy-page'));

/** Starts loading the preferences dialog (on hover or focus of a settings control), so it opens at once. */
export function preloadPreferencesDialog(): void {
  dialogPart.preload().catch(() => {
    // Opening tries again.
  });
}
