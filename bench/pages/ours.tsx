import { ConsentBanner, ConsentProvider, PreferencesDialog, preloadConsentBanner } from 'react-consent-policy';
import { createRoot } from 'react-dom/client';
import 'react-consent-policy/styles.css';
import { OursShop } from './ours-shop';
import { shopPolicy, shopTexts } from './shop-policy';

// react-consent-policy with its own banner and preferences dialog, as the README shows, and the shop's own
// policy and words (shop-policy.ts, copied from examples/shop-policy.ts with its locales).
// As the README advises: the banner's code and words start downloading before React's first render.
preloadConsentBanner(shopPolicy, { texts: shopTexts, language: 'en' });
createRoot(document.getElementById('root') as HTMLElement).render(
  <ConsentProvider policy={shopPolicy} texts={shopTexts} language="en">
    <OursShop>
      <ConsentBanner />
      <PreferencesDialog />
    </OursShop>
  </ConsentProvider>,
);
