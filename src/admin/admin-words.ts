import type { ConsentAction } from '../core/consent-record';

/** The words of the consent statistics, per language. */
export interface AdminWords {
  readonly decisionsTitle: string;
  readonly decisionsSummary: (decisions: string, from: string, to: string) => string;
  readonly rateTitle: string;
  readonly rateSummary: (rates: string) => string;
  readonly actions: Readonly<Record<ConsentAction, string>>;
  readonly day: string;
  readonly decisions: string;
  readonly granted: (category: string) => string;
  readonly table: string;
  readonly noDecisions: string;
}

/** The languages of the shop's staff. A missing word is a type error. */
export const ADMIN_WORDS: Readonly<Record<'fi' | 'en' | 'sv', AdminWords>> = {
  fi: {
    decisionsTitle: 'Evästepäätökset päivittäin',
    decisionsSummary: (decisions, from, to) => `${decisions} päätöstä ${from}–${to}, pinottuna valinnan mukaan.`,
    rateTitle: 'Suostumusten osuus kategorioittain',
    rateSummary: (rates) => `Osuus päätöksistä, joissa kategoria sallittiin: ${rates}.`,
    actions: {
      'accept-all': 'Hyväksy kaikki',
      'reject-all': 'Hylkää kaikki',
      custom: 'Omat valinnat',
      withdraw: 'Suostumuksen peruutus',
    },
    day: 'Päivä',
    decisions: 'Päätökset',
    granted: (category) => `${category}: sallittu`,
    table: 'Luvut taulukkona',
    noDecisions: 'Ei päätöksiä tällä jaksolla.',
  },
  en: {
    decisionsTitle: 'Cookie decisions per day',
    decisionsSummary: (decisions, from, to) => `${decisions} decisions from ${from} to ${to}, stacked by choice.`,
    rateTitle: 'Share of consents per category',
    rateSummary: (rates) => `Share of decisions that granted the category: ${rates}.`,
    actions: {
      'accept-all': 'Accept all',
      'reject-all': 'Reject all',
      custom: 'Own choices',
      withdraw: 'Withdrawal',
    },
    day: 'Day',
    decisions: 'Decisions',
    granted: (category) => `${category}: granted`,
    table: 'The figures as a table',
    noDecisions: 'No decisions in this period.',
  },
  sv: {
    decisionsTitle: 'Kakbeslut per dag',
    decisionsSummary: (decisions, from, to) => `${decisions} beslut ${from}–${to}, staplade efter val.`,
    rateTitle: 'Andel samtycken per kategori',
    rateSummary: (rates) => `Andel beslut där kategorin tilläts: ${rates}.`,
    actions: {
      'accept-all': 'Godkänn alla',
      'reject-all': 'Avvisa alla',
      custom: 'Egna val',
      withdraw: 'Återkallat samtycke',
    },
    day: 'Dag',
    decisions: 'Beslut',
    granted: (category) => `${category}: tillåten`,
    table: 'Siffrorna som tabell',
    noDecisions: 'Inga beslut under perioden.',
  },
};
