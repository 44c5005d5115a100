import { ConsentBanner, ConsentProvider, PreferencesDialog } from 'react-consent-policy';
import { createRoot } from 'react-dom/client';
import 'react-consent-policy/styles.css';
import { benchPolicy, benchTexts } from './ours-policy';
import { OursShop } from './ours-shop';

// react-consent-policy with its own banner and preferences dialog, as the README shows.
createRoot(document.getElementById('root') as HTMLElement).render(
  <ConsentProvider policy={benchPolicy} texts={benchTexts} language="en">
    <OursShop>
      <ConsentBanner />
      <PreferencesDialog />
    </OursShop>
  </ConsentProvider>,
);
