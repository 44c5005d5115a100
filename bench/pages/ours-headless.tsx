import { useState } from 'react';
import { ConsentGate, ConsentProvider, useConsent } from 'react-consent-policy';
import { createRoot } from 'react-dom/client';
import './ours-headless.css';
import { BenchHooks, UnrelatedConsumer } from './ours-bench-hooks';
import { benchPolicy } from './ours-policy';
import { AnalyticsScript, Shop } from './shop';

/** A minimal banner built from the library's hooks, used while the library's own banner is not available. */
function HookBanner() {
  const consent = useConsent();
  const [settings, setSettings] = useState(false);
  const [choices, setChoices] = useState({ analytics: false, marketing: false });
  if (consent.status === 'decided') return null;
  return (
    <section className="hook-banner" aria-label="Cookies">
      <p>We use cookies for the shop to work and, with your consent, for analytics and marketing.</p>
      {settings && (
        <fieldset>
          <legend>Cookie settings</legend>
          <label>
            <input type="checkbox" checked disabled /> Necessary
          </label>
          {(['analytics', 'marketing'] as const).map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                checked={choices[name]}
                onChange={(event) => setChoices({ ...choices, [name]: event.target.checked })}
              />{' '}
              {name === 'analytics' ? 'Analytics' : 'Marketing'}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" onClick={consent.acceptAll}>
        Accept all
      </button>
      <button type="button" onClick={consent.rejectAll}>
        Reject all
      </button>
      <button type="button" onClick={() => (settings ? consent.save(choices) : setSettings(true))}>
        {settings ? 'Save choices' : 'Settings'}
      </button>
    </section>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <ConsentProvider policy={benchPolicy}>
    <Shop>
      <ConsentGate category="analytics">
        <AnalyticsScript />
      </ConsentGate>
      <UnrelatedConsumer />
      <BenchHooks />
      <HookBanner />
    </Shop>
  </ConsentProvider>,
);
