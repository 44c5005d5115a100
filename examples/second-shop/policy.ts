import { definePolicy, definePolicyTexts } from 'react-consent-policy';

/**
 * A second shop, unlike For Minis And Mommies in every way the library must not assume: a stationery
 * shop in English only, two categories (statistics through a first-party Matomo, no marketing at all), its
 * own consent cookie and a shorter consent age. The stories and the tests show the library speaks for it
 * with its own words alone.
 */
export const secondShopPolicy = definePolicy({
  revision: 3,
  consentMaxAge: '6mo',
  categories: {
    necessary: { required: true, lifetime: { min: '1h', max: '12mo' } },
    statistics: { lifetime: { min: '30min', max: '13mo' } },
  },
  services: {
    checkout: {
      category: 'necessary',
      storage: [
        { name: 'pp_consent', kind: 'cookie', lifetime: '6mo' },
        { name: 'pp_basket', kind: 'localStorage', lifetime: '7d' },
      ],
    },
    matomo: {
      category: 'statistics',
      label: 'Matomo',
      storage: [
        { name: '_pk_id.*', kind: 'cookie', lifetime: '13mo' },
        { name: '_pk_ses.*', kind: 'cookie', lifetime: '30min' },
      ],
    },
  },
  cookie: { name: 'pp_consent' },
});

/** Its words, in English only: the consent UI then offers no language switch. */
export const secondShopTexts = definePolicyTexts(secondShopPolicy, {
  en: () => import('./texts.en.json'),
});
