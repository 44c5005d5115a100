import { useState } from 'react';
import CookieConsent, { Cookies, getCookieConsentValue } from 'react-cookie-consent';
import { createRoot } from 'react-dom/client';
import { CategoryCheckboxes, NO_CHOICES, OPTIONAL_CATEGORIES } from './category-checkboxes';
import { AnalyticsScript, Shop } from './shop';

// react-cookie-consent has accept and decline but no categories: the per-category settings below (with
// the checkboxes of category-checkboxes.tsx) are the few lines a shop has to write itself, storing the
// granted categories as the cookie's value.
const COOKIE = 'CookieConsent';
const ALL = 'necessary,analytics,marketing';
const granted = () => new Set((getCookieConsentValue(COOKIE) ?? '').split(','));

function App() {
  const [categories, setCategories] = useState(granted);
  const [settings, setSettings] = useState(false);
  const [hidden, setHidden] = useState(false);
  const [choices, setChoices] = useState(NO_CHOICES);
  const saveChoices = () => {
    const value = ['necessary', ...OPTIONAL_CATEGORIES.filter((name) => choices[name])].join(',');
    Cookies.set(COOKIE, value, { expires: 365, sameSite: 'lax' });
    setCategories(new Set(value.split(',')));
    setHidden(true);
  };
  return (
    <Shop>
      {categories.has('analytics') && <AnalyticsScript />}
      <CookieConsent
        cookieName={COOKIE}
        cookieValue={ALL}
        declineCookieValue="necessary"
        enableDeclineButton
        buttonText="Accept all"
        declineButtonText="Reject all"
        sameSite="lax"
        visible={hidden ? 'hidden' : 'byCookieValue'}
        onAccept={() => setCategories(new Set(ALL.split(',')))}
        onDecline={() => setCategories(new Set(['necessary']))}
      >
        We use cookies for the shop to work and, with your consent, for analytics and marketing.{' '}
        {settings ? (
          <span>
            <CategoryCheckboxes choices={choices} onChange={setChoices} />
            <button type="button" onClick={saveChoices}>
              Save choices
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setSettings(true)}>
            Settings
          </button>
        )}
      </CookieConsent>
    </Shop>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
