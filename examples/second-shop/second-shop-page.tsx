import {
  type Category,
  ConsentBanner,
  ConsentProvider,
  type ConsentStore,
  CookiePolicy,
  CookieSettingsButton,
  createConsentStore,
  memoryPersistence,
  PreferencesDialog,
  type RegisteredPolicy,
} from 'react-consent-policy';
import { secondShopPolicy, secondShopTexts } from './policy';

/** A store of the second shop's own, in memory: it never meets the first shop's consent cookie. */
export function secondShopStore(): ConsentStore {
  return createConsentStore(secondShopPolicy, { storage: memoryPersistence(), sync: false });
}

/**
 * The second shop's page: its banner, policy page, footer button and dialog, with its own policy and words.
 * The stories and the tests render this same page.
 */
export function SecondShopPage({ store = secondShopStore() }: { store?: ConsentStore }) {
  return (
    // This project registers the first shop's policy (`Register`), so that its category names are types;
    // a second policy in the same project is passed as the registered kind.
    <ConsentProvider
      policy={secondShopPolicy as unknown as RegisteredPolicy}
      store={store as unknown as ConsentStore<Category>}
      texts={secondShopTexts}
    >
      <ConsentBanner inline policyHref="#cookies" />
      <main id="cookies">
        <CookiePolicy headingLevel={2} />
      </main>
      <footer>
        <CookieSettingsButton />
      </footer>
      <PreferencesDialog />
    </ConsentProvider>
  );
}
