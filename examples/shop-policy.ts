import { definePolicy, definePolicyTexts } from 'react-consent-policy/core';

/**
 * The cookie policy of For Minis And Mommies as code: the categories, services, storage items and
 * lifetimes its policy text promises. Stories, the demo shop and the tests all use this one declaration.
 */
export const shopPolicy = definePolicy({
  revision: 1,
  consentMaxAge: '12mo',
  categories: {
    necessary: { required: true, lifetime: { min: '15min', max: '26mo' } },
    personalization: { lifetime: { min: '15min', max: '26mo' } },
    analytics: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } },
    marketing: { thirdParty: true, lifetime: { min: '30s', max: '26mo' } },
  },
  // Plainly fictional: the demo shop is not a company.
  about: {
    controller: {
      name: 'For Minis And Mommies Oy (fictional)',
      businessId: '0000000-0',
      address: 'Esimerkkikatu 1, 00100 Helsinki',
      contact: 'asiakaspalvelu@minis.example',
    },
    updated: '2026-12-01',
    privacyPolicy: 'https://minis.example/tietosuoja',
  },
  services: {
    consent: {
      category: 'necessary',
      storage: [
        { name: 'cookie_consent', kind: 'cookie', lifetime: '12mo' },
        // Decisions waiting to reach the shop's consent log (createConsentLogger) while it is unreachable.
        { name: 'consent_log_queue', kind: 'localStorage', lifetime: '30d' },
      ],
    },
    login: {
      category: 'necessary',
      storage: [{ name: 'session_id', kind: 'cookie', lifetime: '15min' }],
    },
    customer: {
      category: 'necessary',
      storage: [{ name: 'customer_id', kind: 'cookie', lifetime: '26mo' }],
    },
    cart: {
      category: 'necessary',
      storage: [{ name: 'cart', kind: 'localStorage', lifetime: '30d' }],
    },
    recommendations: {
      category: 'personalization',
      storage: [
        { name: 'reco_id', kind: 'cookie', lifetime: '26mo' },
        { name: 'recently_viewed', kind: 'localStorage', lifetime: '30d' },
      ],
    },
    'google-analytics': {
      category: 'analytics',
      label: 'Google Analytics',
      hosts: ['www.googletagmanager.com', 'www.google-analytics.com', 'region1.google-analytics.com'],
      privacy: 'https://policies.google.com/privacy',
      storage: [
        { name: '_ga', kind: 'cookie', lifetime: '24mo' },
        { name: '_ga_*', kind: 'cookie', lifetime: '24mo' },
        { name: '_gid', kind: 'cookie', lifetime: '24h' },
      ],
    },
    // The tag manager's container: it starts the shop's other Google tags, which read Google's consent state.
    'google-tag-manager': {
      category: 'analytics',
      label: 'Google Tag Manager',
      hosts: ['www.googletagmanager.com'],
      privacy: 'https://policies.google.com/privacy',
      storage: [],
    },
    'meta-pixel': {
      category: 'marketing',
      label: 'Meta Pixel',
      hosts: ['connect.facebook.net', 'www.facebook.com'],
      privacy: 'https://www.facebook.com/privacy/policy/',
      storage: [
        { name: '_fbp', kind: 'cookie', lifetime: '90d' },
        { name: '_fbc', kind: 'cookie', lifetime: '90d' },
      ],
    },
    // The shop's advertising partners. Google's conversion linker (gtag.js writes `_gcl_au` once ad storage
    // is granted) and a plainly fictional pixel network: the demo shop is not a company.
    'google-ads': {
      category: 'marketing',
      label: 'Google Ads',
      hosts: ['www.googleadservices.com', 'googleads.g.doubleclick.net'],
      privacy: 'https://policies.google.com/privacy',
      storage: [{ name: '_gcl_au', kind: 'cookie', lifetime: '90d' }],
    },
    adnetwork: {
      category: 'marketing',
      label: 'Adnetwork Example',
      hosts: ['pixel.adnetwork.example'],
      privacy: 'https://adnetwork.example/privacy',
      storage: [{ name: 'ad_id', kind: 'cookie', lifetime: '26mo', party: 'third' }],
    },
    // Embeds (`<ConsentEmbed>`): the product videos and the contact page's map load only with marketing.
    // YouTube's privacy-enhanced player (www.youtube-nocookie.com) sets no cookie before a video plays; its
    // player keeps these in its own site's storage: the cast device id a year, the player's state database
    // keys 30 days, its request queue with no expiry (declared at the category's ceiling, which the shop
    // cannot enforce in another site's storage: the policy says so by naming YouTube as a third party).
    youtube: {
      category: 'marketing',
      label: 'YouTube',
      hosts: ['www.youtube-nocookie.com', 'i.ytimg.com', 'www.youtube.com'],
      privacy: 'https://policies.google.com/privacy',
      storage: [
        { name: 'yt-remote-*', kind: 'localStorage', lifetime: '12mo', party: 'third' },
        { name: 'ytidb::*', kind: 'localStorage', lifetime: '30d', party: 'third' },
        { name: 'yt.innertube::*', kind: 'localStorage', lifetime: '26mo', party: 'third' },
      ],
    },
    // The keyless Google Maps embed (maps.google.com/maps?output=embed): Google's NID cookie, six months.
    'google-maps': {
      category: 'marketing',
      label: 'Google Maps',
      hosts: ['www.google.com', 'maps.google.com', 'maps.gstatic.com'],
      privacy: 'https://policies.google.com/privacy',
      storage: [{ name: 'NID', kind: 'cookie', lifetime: '6mo', party: 'third' }],
    },
  },
});

/**
 * The shop's own words for that policy, per language: what the banner, the dialog and the policy page say
 * of each category, service and storage item, and the policy text itself. Each language loads when it is
 * shown; a category, service or storage item without its words is a type error here.
 */
export const shopTexts = definePolicyTexts(shopPolicy, {
  fi: () => import('../locales/fi/shop-policy.json'),
  en: () => import('../locales/en/shop-policy.json'),
  sv: () => import('../locales/sv/shop-policy.json'),
});

declare module 'react-consent-policy' {
  interface Register {
    policy: typeof shopPolicy;
  }
}
