import { ConsentProvider } from 'react-consent-policy/headless';
import { createRoot } from 'react-dom/client';
import { AnalyticsNotice, AnalyticsScript, MarketingPixel } from './shop-parts';
import { shopPolicy } from './shop-policy';

// A shop that uses the library without its UI: its own policy and what its pages do with the consent.
createRoot(document.getElementById('root') as HTMLElement).render(
  <ConsentProvider policy={shopPolicy}>
    <AnalyticsNotice />
    <AnalyticsScript />
    <MarketingPixel />
  </ConsentProvider>,
);
