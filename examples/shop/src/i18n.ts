import { createInstance, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from './router';
import { SHOP_TEXTS } from './texts';

/** The shop's i18next instance. The consent UI finds it through react-i18next and follows its language. */
export function createShopI18n(language: Language): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(LANGUAGES.map((language) => [language, { shop: SHOP_TEXTS[language] }])),
    lng: language,
    fallbackLng: 'fi',
    supportedLngs: [...LANGUAGES],
    ns: ['shop'],
    defaultNS: 'shop',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
