import { ConsentBanner, ConsentGate, ConsentProvider, PreferencesDialog } from 'react-consent-policy';
import { createRoot } from 'react-dom/client';
import 'react-consent-policy/styles.css';
import { BenchHooks, UnrelatedConsumer } from './ours-bench-hooks';
import { benchPolicy } from './ours-policy';
import { AnalyticsScript, Shop } from './shop';

// react-consent-policy with its own banner and preferences dialog, as the README shows.
createRoot(document.getElementById('root') as HTMLElement).render(
  <ConsentProvider policy={benchPolicy} language="en">
    <Shop>
      <ConsentGate category="analytics">
        <AnalyticsScript />
      </ConsentGate>
      <UnrelatedConsumer />
      <BenchHooks />
      <ConsentBanner />
      <PreferencesDialog />
    </Shop>
  </ConsentProvider>,
);
