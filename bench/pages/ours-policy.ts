import { definePolicy, definePolicyTexts } from 'react-consent-policy';

/** The three categories every page in the comparison offers, with the gated analytics service. */
export const benchPolicy = definePolicy({
  revision: 1,
  consentMaxAge: '12mo',
  categories: {
    necessary: { required: true, lifetime: { min: '15min', max: '26mo' } },
    analytics: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } },
    marketing: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } },
  },
  services: {
    consent: { category: 'necessary', storage: [{ name: 'cookie_consent', kind: 'cookie', lifetime: '12mo' }] },
    analytics: { category: 'analytics', storage: [{ name: '_ga', kind: 'cookie', lifetime: '24mo' }] },
  },
});

/** What the banner says of those categories and services, in English: the bench shop's own words. */
export const benchTexts = definePolicyTexts(benchPolicy, {
  en: {
    categories: {
      necessary: { name: 'Necessary', description: 'Keeps the shop working and remembers your choice.' },
      analytics: { name: 'Analytics', description: 'Tells us how the shop is used.' },
      marketing: { name: 'Marketing', description: 'Shows which products interest our customers.' },
    },
    services: {
      consent: { name: 'Cookie consent', description: 'Remembers your cookie choices.' },
      analytics: { name: 'Analytics', description: 'Measures the use of the shop.' },
    },
    storage: { cookie_consent: 'Stores your cookie choices.', _ga: 'Distinguishes visitors.' },
    policyText: { title: 'Cookies', paragraphs: ['We use cookies for the shop, for analytics and for marketing.'] },
  },
});
