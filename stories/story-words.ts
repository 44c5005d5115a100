/** What a visitor reads on the consent UI, for the stories' checks. */
export const WORDS = {
  fi: {
    acceptAll: 'Hyväksy kaikki',
    rejectAll: 'Hylkää kaikki',
    settings: 'Asetukset',
    cookieSettings: 'Evästeasetukset',
    save: 'Tallenna valinnat',
    details: 'Palvelut ja tallennettavat tiedot',
    necessary: 'Välttämättömät',
    personalization: 'Personointi',
    analytics: 'Analytiikka',
    marketing: 'Markkinointi',
    accepted: 'Hyväksyit kaikki evästeet.',
    rejected: 'Hylkäsit valinnaiset evästeet.',
    receiptTitle: 'Suostumuksesi',
    receiptId: 'Suostumuksen tunniste',
    receiptNone: 'Et ole vielä tehnyt valintaa',
  },
  en: {
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    settings: 'Settings',
    cookieSettings: 'Cookie settings',
    save: 'Save choices',
    details: 'Services and storage items',
    necessary: 'Necessary',
    personalization: 'Personalization',
    analytics: 'Analytics',
    marketing: 'Marketing',
    accepted: 'You accepted all cookies.',
    rejected: 'You rejected optional cookies.',
    receiptTitle: 'Your consent',
    receiptId: 'Consent ID',
    receiptNone: 'You have not made a choice yet',
  },
} as const;

export type StoryWords = (typeof WORDS)[keyof typeof WORDS];

/** The words of the language a story shows: pinned by its parameters, else the toolbar's. */
export function wordsFor(context: { parameters: { consent?: { language?: string } }; globals: { locale?: string } }) {
  const language = context.parameters.consent?.language ?? context.globals.locale;
  return WORDS[language === 'en' ? 'en' : 'fi'];
}
