/// <reference types="vite/client" />
import {
  ConsentBanner,
  ConsentProvider,
  CookieSettingsButton,
  PreferencesDialog,
  preloadConsentBanner,
} from 'react-consent-policy';
import 'react-consent-policy/styles.css';
import { createRoot } from 'react-dom/client';
import { AnalyticsNotice, AnalyticsScript, MarketingPixel } from './shop-parts';
import { shopPolicy, shopTexts } from './shop-policy';

// The headless shop with the library's UI mounted as a shop mounts it: the banner, the preferences dialog,
// the footer's settings button and the opt-in stylesheet, with the shop's own words for its policy; the
// banner's code and words start downloading before React's first render, as the README advises.
preloadConsentBanner(shopPolicy, { texts: shopTexts });
createRoot(document.getElementById('root') as HTMLElement).render(
  <ConsentProvider policy={shopPolicy} texts={shopTexts}>
    <AnalyticsNotice />
    <AnalyticsScript />
    <MarketingPixel />
    <footer>
      <CookieSettingsButton />
    </footer>
    <ConsentBanner policyHref="/cookies" />
    <PreferencesDialog />
  </ConsentProvider>,
);
