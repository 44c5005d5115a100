import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import * as CookieConsent from 'vanilla-cookieconsent';
import 'vanilla-cookieconsent/dist/cookieconsent.css';
import { bench, Shop } from './shop';

// vanilla-cookieconsent started from the React app; it unblocks the page's
// <script type="text/plain" data-category="analytics"> itself.
function Consent() {
  useEffect(() => {
    CookieConsent.run({
      // The browser under test is automated (navigator.webdriver); a real visitor's browser is not.
      hideFromBots: false,
      categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
      language: {
        default: 'en',
        translations: {
          en: {
            consentModal: {
              title: 'Cookies',
              description: 'We use cookies for the shop to work and, with your consent, for analytics and marketing.',
              acceptAllBtn: 'Accept all',
              acceptNecessaryBtn: 'Reject all',
              showPreferencesBtn: 'Settings',
            },
            preferencesModal: {
              title: 'Cookie settings',
              acceptAllBtn: 'Accept all',
              acceptNecessaryBtn: 'Reject all',
              savePreferencesBtn: 'Save choices',
              sections: [
                { title: 'Necessary', description: 'Login, cart and this choice.', linkedCategory: 'necessary' },
                { title: 'Analytics', description: 'How the shop is used.', linkedCategory: 'analytics' },
                { title: 'Marketing', description: 'Advertising pixels.', linkedCategory: 'marketing' },
              ],
            },
          },
        },
      },
    });
    bench.grantAnalytics = () =>
      CookieConsent.acceptCategory(['analytics', ...CookieConsent.getUserPreferences().acceptedCategories]);
  }, []);
  return null;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <Shop>
    <Consent />
  </Shop>,
);
