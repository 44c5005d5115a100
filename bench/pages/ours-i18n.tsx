import { ConsentBanner, ConsentProvider, PreferencesDialog, preloadConsentBanner } from 'react-consent-policy';
import { createRoot } from 'react-dom/client';
import 'react-consent-policy/styles.css';
import { OursShop } from './ours-shop';
import { I18nShop, i18n } from './shop-i18n';
import { shopPolicy, shopTexts } from './shop-policy';

// The shop that already words its pages with react-i18next (baseline-i18n.tsx), with react-consent-policy's
// banner and dialog given the shop's own i18next instance: the UI's texts join that instance.
// As the README advises: the banner's code and words start downloading before React's first render.
preloadConsentBanner(shopPolicy, { texts: shopTexts, i18n });
createRoot(document.getElementById('root') as HTMLElement).render(
  <ConsentProvider policy={shopPolicy} texts={shopTexts} i18n={i18n}>
    <OursShop shop={I18nShop}>
      <ConsentBanner />
      <PreferencesDialog />
    </OursShop>
  </ConsentProvider>,
);
