import { ConsentGate, useConsent, useTrackedPixel } from 'react-consent-policy/headless';

// What a shop's pages do with the consent, in both apps that `node scripts/size.mjs` bundles: a part of the
// page that follows one category, a script gated on analytics, a tracking pixel.

export function AnalyticsNotice() {
  const analytics = useConsent('analytics');
  return <p>{analytics ? 'Analytics helps us improve the shop.' : 'No analytics without your consent.'}</p>;
}

export function AnalyticsScript() {
  return (
    <ConsentGate category="analytics">
      <script async src="https://www.googletagmanager.com/gtag/js?id=G-EXAMPLE" />
    </ConsentGate>
  );
}

export function MarketingPixel() {
  return useTrackedPixel({ src: 'https://pixel.example.com/visit.gif', category: 'marketing' });
}
