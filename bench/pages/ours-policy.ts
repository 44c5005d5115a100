import { definePolicy } from 'react-consent-policy';

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
