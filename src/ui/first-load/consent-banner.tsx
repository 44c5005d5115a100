import { useSyncExternalStore } from 'react';
import { consentCookieValue } from '../../core/consent-record';
import type { Policy } from '../../core/policy';
import type { PolicyTextSources } from '../../core/policy-texts';
import { languageShown, offeredLanguages } from '../../i18n/languages';
import { loadedTexts, subscribeUi } from '../../i18n/load-messages';
import { useConsentContext } from '../../react/consent-context';
import type { ConsentBannerProps } from './panel-contract';
import { bannerPanel, loadTextLayer, preloadPanel, usePanel } from './panel-loader';
import { type AppI18nLike, appLanguage } from './use-shown-language';

export type { ConsentBannerProps } from './panel-contract';

/**
 * The first layer: Accept all, Reject all and Settings, shown while the visitor is undecided. For a
 * visitor who has decided it renders nothing and loads no banner code; for an undecided one it loads the
 * banner at once. After a choice it stays to confirm it (`role="status"`) until hidden.
 */
export function ConsentBanner(props: ConsentBannerProps) {
  const { store } = useConsentContext('ConsentBanner');
  const undecided = useSyncExternalStore(
    store.subscribe,
    () => store.getSnapshot().status === 'undecided',
    () => store.getServerSnapshot().status === 'undecided',
  );
  // Once shown on this page, the banner stays mounted: it confirms the choice and can be shown again.
  return usePanel(bannerPanel, undecided, props);
}

/** What `preloadConsentBanner` needs to know to fetch the right texts: the provider's props of the same names. */
export interface PreloadConsentBannerOptions {
  /** The shop's texts, as given to `<ConsentProvider texts>`. */
  texts?: PolicyTextSources;
  /** The language, as given to `<ConsentProvider language>`. */
  language?: string;
  /** The app's i18next instance, as given to `<ConsentProvider i18n>`; its language wins once initialized. */
  i18n?: unknown;
}

/**
 * Starts downloading the banner's code, the texts it shows and the code that records a decision, at once, for
 * a visitor with no valid consent cookie: call it in the page's entry, before React's first render, with what
 * the provider gets. Otherwise the downloads start as `<ConsentBanner>` first renders, after the page's own
 * components have rendered (on a slow phone, the longer the page takes to render). Does nothing on a server,
 * nor for a visitor who has decided (who downloads no banner code); calling it again changes nothing.
 */
export function preloadConsentBanner(policy: Policy, options: PreloadConsentBannerOptions = {}): void {
  if (typeof document === 'undefined') return;
  let cookies = '';
  try {
    cookies = document.cookie;
  } catch {
    // A sandboxed frame reads no cookie: its visitor is undecided.
  }
  if (consentCookieValue(policy, cookies, Date.now()) !== null) return;
  const offered = offeredLanguages(options.texts);
  const app = options.i18n as AppI18nLike | undefined;
  const lang = languageShown(offered, appLanguage(app), options.language, true);
  preloadPanel(bannerPanel, lang, options.texts);
  // Once the shop's texts are here, the policy text they hold is hashed, so that the banner's first render
  // finds the hash its decisions' records carry, rather than waiting for it one render more.
  const hashWhenHere = () => {
    const texts = loadedTexts(options.texts, lang);
    if (texts === null) return;
    stop();
    loadTextLayer().then(({ textLayer }) => textLayer.hashShopPolicyText(texts), console.error);
  };
  const stop = subscribeUi(hashWhenHere);
  hashWhenHere();
}
