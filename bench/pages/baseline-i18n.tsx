import { createRoot } from 'react-dom/client';
import { AnalyticsScript } from './shop';
import { I18nShop } from './shop-i18n';

// The shop with its own texts from react-i18next and no consent library: the reference for the page that adds
// react-consent-policy to such a shop. For a decided visitor (`?analytics`) it runs the analytics script at once.
const analytics = new URLSearchParams(location.search).has('analytics');

createRoot(document.getElementById('root') as HTMLElement).render(
  <I18nShop>{analytics && <AnalyticsScript />}</I18nShop>,
);
