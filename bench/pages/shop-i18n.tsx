import i18next from 'i18next';
import type { ReactNode } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import { SHOP_TEXTS, Shop } from './shop';

/** The shop's own i18next instance, with its words in its own namespace, as a shop using react-i18next has. */
export const i18n = i18next.createInstance();
i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  ns: ['shop'],
  defaultNS: 'shop',
  resources: { en: { shop: SHOP_TEXTS } },
  // The resources are here already: ready before the first render.
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The same shop, its words from that instance through `useTranslation`. */
export function I18nShop({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('shop');
  return <Shop t={t}>{children}</Shop>;
}
