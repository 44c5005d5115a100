import { type ComponentType, createElement, type ReactNode, useState, useSyncExternalStore } from 'react';
import type { PolicyTextSources } from '../../core/policy-texts';
import type { ConsentLanguage } from '../../i18n/languages';
import { loadedMessages, loadedTexts, preloadMessages, subscribeUi, uiChanged } from '../../i18n/load-messages';
import { useConsentContext } from '../../react/consent-context';
import { providerRuntime } from '../../react/consent-provider';
import { classNames } from './class-names';
import type {
  ConsentBannerProps,
  CookiePolicyProps,
  KitProps,
  PreferencesDialogPanelProps,
  UiKit,
} from './panel-contract';
import { pickLanguage, useShownLanguage } from './use-shown-language';

const kit: UiKit = {
  useConsentContext,
  useShownLanguage,
  pickLanguage,
  loadedMessages,
  preloadMessages,
  loadedTexts,
  classNames,
  preloadDialog: () => dialogPanel.preload(),
};

/** A panel of the UI whose code loads on first render (see `usePanel`). */
export interface LazyPanel<P> {
  /** The wrapper's name, for the error outside a provider. */
  caller: string;
  /** Starts the download, once; a failed load (a network error) is tried again on the next call. */
  preload(): void;
  /** The component once its module has arrived, else null. */
  current(): ComponentType<P & KitProps> | null;
}

function lazyPanel<P>(caller: string, load: () => Promise<{ default: ComponentType<P & KitProps> }>): LazyPanel<P> {
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
 * Starts what a panel needs to show in `lang`, each once: its code, the library's words and the shop's texts
 * (`texts`, the provider's). Called as the panel is about to show, or sooner: on hover, on focus, in the
 * page's entry (`preloadConsentBanner`).
 */
export function preloadPanel(
  panel: Pick<LazyPanel<never>, 'preload'>,
  lang: ConsentLanguage,
  texts: PolicyTextSources | undefined,
): void {
  panel.preload();
  preloadMessages(lang);
  loadedTexts(texts, lang);
}

/**
 * A panel, rendered once its code has arrived (`fallback` until then), from the first render in which
 * `show` is true for the rest of the wrapper's life. The download starts during that render (not an effect
 * later), together with the texts of the language shown. Not `React.lazy` + `Suspense`: React holds back a
 * suspended boundary's content for up to 300 ms after its code arrives (it batches reveals), which showed
 * the banner ~300 ms late. Here the panel renders in the commit right after its module resolves.
 */
export function usePanel<P extends object>(
  panel: LazyPanel<P>,
  show: boolean,
  props: P,
  fallback: ReactNode = null,
): ReactNode {
  const { lang, texts } = useShownLanguage(panel.caller);
  const Component = useSyncExternalStore(subscribeUi, panel.current, onServer);
  const [shown, setShown] = useState(show);
  if (show && !shown) setShown(true);
  if (!(shown || show)) return null;
  preloadPanel(panel, lang, texts);
  return Component ? createElement(Component, { ...props, kit }) : fallback;
}

/**
 * A panel rendered once its code has arrived, with nothing in its place until then (null on the server):
 * for the embed's placeholder, which needs neither the banner's texts nor its fallback, and whose box the
 * wrapper draws itself. `props` null renders nothing and loads nothing.
 */
export function useLoadedPanel<P extends object>(panel: LazyPanel<P>, props: P | null): ReactNode {
  const Component = useSyncExternalStore(subscribeUi, panel.current, onServer);
  if (!props) return null;
  if (!Component) panel.preload();
  return Component ? createElement(Component, { ...props, kit }) : null;
}

export const loadTextLayer = () => import('../panels/shared/text-layer');

/**
 * A panel that shows the library's words: its module and the text layer's, fetched together, and the layer
 * given to it as the `textLayer` prop (`panels/shared/text-layer.ts` says why). The wrapping component is
 * made once, when both have arrived.
 */
function withTextLayer<P extends object>(
  load: () => Promise<{
    default: ComponentType<P & KitProps & { textLayer: Awaited<ReturnType<typeof loadTextLayer>>['textLayer'] }>;
  }>,
): () => Promise<{ default: ComponentType<P & KitProps> }> {
  return () =>
    Promise.all([load(), loadTextLayer()]).then(([panel, { textLayer }]) => ({
      default: (props: P & KitProps) => createElement(panel.default, { ...props, textLayer }),
    }));
}

// The banner shows once the provider's runtime is here too: a choice clicked the moment it shows is recorded at
// once, rather than when the runtime arrives (by then the visitor may have left the page). Its download starts
// with the banner's wherever the banner's does, `preloadConsentBanner` included.
export const bannerPanel = /* @__PURE__ */ lazyPanel(
  'ConsentBanner',
  /* @__PURE__ */ withTextLayer<ConsentBannerProps>(() =>
    Promise.all([import('../panels/banner/consent-banner-panel'), providerRuntime()]).then(([panel]) => panel),
  ),
);
export const dialogPanel = /* @__PURE__ */ lazyPanel(
  'PreferencesDialog',
  /* @__PURE__ */ withTextLayer<PreferencesDialogPanelProps>(() => import('../panels/dialog/preferences-dialog-panel')),
);
export const policyPanel = /* @__PURE__ */ lazyPanel(
  'CookiePolicy',
  /* @__PURE__ */ withTextLayer<CookiePolicyProps>(() => import('../panels/policy/cookie-policy-page')),
);
export const embedPanel = /* @__PURE__ */ lazyPanel(
  'ConsentEmbed',
  () => import('../panels/embed/embed-placeholder-panel'),
);
