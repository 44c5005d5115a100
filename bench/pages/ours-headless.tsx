import { useState } from 'react';
import { ConsentProvider, useConsent } from 'react-consent-policy';
import { createRoot } from 'react-dom/client';
import './ours-headless.css';
import { CategoryCheckboxes, NO_CHOICES } from './category-checkboxes';
import { benchPolicy } from './ours-policy';
import { OursShop } from './ours-shop';

/** A minimal banner built from the library's hooks, used while the library's own banner is not available. */
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
          <CategoryCheckboxes choices={choices} onChange={setChoices} />
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
    <OursShop>
      <HookBanner />
    </OursShop>
  </ConsentProvider>,
);
