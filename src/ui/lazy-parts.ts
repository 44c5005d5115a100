import { type ComponentType, createElement, type ReactNode, useState, useSyncExternalStore } from 'react';
import { CONSENT_LANGUAGES } from '../i18n/languages';
import { loadedMessages, preloadMessages, subscribeUi, uiChanged } from '../i18n/load-messages';
import { pickLanguage, useExpectedLanguage } from '../i18n/use-expected-language';
import { useConsentContext } from '../react/consent-context';
import { classNames } from './shared/class-names';

/**
 * What the parts use of the page's main chunk, handed to them as a prop (`kit`) rather than imported: a
 * module that both the main chunk and a part import would go into a chunk of its own, one more download
 * on every first visit. The parts import only types from the main chunk's modules.
 */
const kit = {
  useConsentContext,
  useExpectedLanguage,
  pickLanguage,
  loadedMessages,
  preloadMessages,
  classNames,
  languages: CONSENT_LANGUAGES,
  /** For the banner's Settings button, on hover or focus. */
  preloadDialog: () => dialogPart.preload(),
};
export type UiKit = typeof kit;
export interface KitProps {
  kit: UiKit;
}

/** A part of the UI whose code loads on first render (see `usePart`). */
export interface LazyPart<P> {
  /** The wrapper's name, for the error outside a provider. */
  caller: string;
  /** Starts the download, once; a failed load (a network error) is tried again on the next call. */
  preload(): void;
  /** The component once its module has arrived, else null. */
  current(): ComponentType<P & KitProps> | null;
}

function lazyPart<P>(caller: string, load: () => Promise<{ default: ComponentType<P & KitProps> }>): LazyPart<P> {
  let loaded: ComponentType<P & KitProps> | null = null;
  let loading = false;
  return {
    caller,
    preload() {
      if (loading) return;
      loading = true;
      load().then(
        (module) => {
          loaded = module.default;
          uiChanged();
        },
        () => {
          // The next render or hover tries again.
          loading = false;
        },
      );
    },
    current: () => loaded,
  };
}

const onServer = () => null;

/**
 * A part, rendered once its code has arrived (`fallback` until then), from the first render in which `show`
 * is true for the rest of the wrapper's life. The download starts during that render (not an effect later),
 * together with the texts of the language shown. Not `React.lazy` + `Suspense`: React holds back a suspended
 * boundary's content for up to 300 ms after its code arrives (it batches reveals), which showed the banner
 * ~300 ms late. Here the part renders in the commit right after its module resolves.
 */
export function usePart<P extends object>(
  part: LazyPart<P>,
  show: boolean,
  props: P,
  fallback: ReactNode = null,
): ReactNode {
  const { lang } = useExpectedLanguage(part.caller);
  const Component = useSyncExternalStore(subscribeUi, part.current, onServer);
  const [shown, setShown] = useState(show);
  if (show && !shown) setShown(true);
  if (!(shown || show)) return null;
  preloadMessages(lang);
  if (!Component) part.preload();
  return Component ? createElement(Component, { ...props, kit }) : fallback;
}

export const bannerPart = /* @__PURE__ */ lazyPart('ConsentBanner', () => import('./banner/consent-banner-panel'));
export const dialogPart = /* @__PURE__ */ lazyPart(
  'PreferencesDialog',
  () => import('./dialog/preferences-dialog-panel'),
);
export const policyPart = /* @__PURE__ */ lazyPart('CookiePolicy', () => import('./policy/cookie-policy-page'));

/** Starts loading the preferences dialog (on hover or focus of a settings control), so it opens at once. */
export const preloadPreferencesDialog: () => void = dialogPart.preload;
