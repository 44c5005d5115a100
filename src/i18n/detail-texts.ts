import enDetails from '../../locales/en/consent-details.json';
import fiDetails from '../../locales/fi/consent-details.json';
import type { ConsentLanguage } from './languages';
import type { DetailMessages } from './resources';

/**
 * The texts beyond the banner (`locales/<language>/consent-details.json`: dialog, tables, services, storage
 * items, the full policy text), imported by the dialog and the policy page only: they arrive in one chunk
 * the two share, with their code, never on a first visit.
 *
 * Both languages in that one chunk rather than a chunk per language: no request after the dialog's code
 * arrives, and a language switch in the open dialog shows at once. The cost: the other language's details,
 * some 2.6 KiB gzip, with the dialog or the policy page (both on demand, never on a first visit).
 */
export const DETAIL_TEXTS: Readonly<Record<ConsentLanguage, DetailMessages>> = { fi: fiDetails, en: enDetails };
