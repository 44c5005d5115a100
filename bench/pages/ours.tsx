import { ConsentBanner, ConsentProvider, PreferencesDialog } from 'react-consent-policy';
import { createRoot } from 'react-dom/client';
import 'react-consent-policy/styles.css';
import { OursShop } from './ours-shop';
import { shopPolicy, shopTexts } from './shop-policy';

// react-consent-policy with its own banner and preferences dialog, as the README shows, and the shop's own
// policy and words (shop-policy.ts, copied from examples/shop-policy.ts with its locales).
createRoot(document.getElementById('root') as HTMLElement).render(
  <ConsentProvider policy={shopPolicy} texts={shopTexts} language="en">
    <OursShop>
      <ConsentBanner />
      <PreferencesDialog />
    </OursShop>
  </ConsentProvider>,
);
