import { ConsentBanner, ConsentDialog, ConsentManagerProvider, useConsentManager } from '@c15t/react';
import { createRoot } from 'react-dom/client';
import '@c15t/react/styles.css';
import { bench, Shop } from './shop';

/** A consumer that cares only about marketing, through the library's hook. */
function UnrelatedConsumer() {
  const { has } = useConsentManager();
  bench.unrelatedRenders += 1;
  return <span hidden>{String(has('marketing'))}</span>;
}

function BenchHooks() {
  const { setConsent } = useConsentManager();
  bench.grantAnalytics = () => setConsent('measurement', true);
  return null;
}

// @c15t/react without a backend (offline mode), its banner and dialog, and its script loader gating analytics.
createRoot(document.getElementById('root') as HTMLElement).render(
  <ConsentManagerProvider
    options={{
      mode: 'offline',
      consentCategories: ['necessary', 'measurement', 'marketing'],
      overrides: { country: 'FI', language: 'en' },
      scripts: [{ id: 'analytics', src: `${location.origin}/analytics.js`, category: 'measurement' }],
    }}
  >
    <Shop>
      <UnrelatedConsumer />
      <BenchHooks />
    </Shop>
    <ConsentBanner />
    <ConsentDialog />
  </ConsentManagerProvider>,
);
