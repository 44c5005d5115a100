import { useState } from 'react';
import { ConsentProvider, useConsent } from 'react-consent-policy/headless';
import { createRoot } from 'react-dom/client';
import './ours-headless.css';
import { CategoryCheckboxes } from './category-checkboxes';
import { OursShop } from './ours-shop';
import { shopPolicy } from './shop-policy';

/** The optional categories of the shop's policy (shop-policy.ts), with the names a visitor reads. */
const SHOP_OPTIONAL = { personalization: 'Preferences', analytics: 'Analytics', marketing: 'Marketing' };
const NO_CHOICES = { personalization: false, analytics: false, marketing: false };

/** A minimal banner built from the library's hooks: what a shop drawing its own banner writes. */
function HookBanner() {
  const consent = useConsent();
  const [settings, setSettings] = useState(false);
  const [choices, setChoices] = useState(NO_CHOICES);
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
          <CategoryCheckboxes names={SHOP_OPTIONAL} choices={choices} onChange={setChoices} />
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
  <ConsentProvider policy={shopPolicy}>
    <OursShop>
      <HookBanner />
    </OursShop>
  </ConsentProvider>,
);
