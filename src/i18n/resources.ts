import type en from '../../locales/en/consent.json';
import type enDetails from '../../locales/en/consent-details.json';
import type fi from '../../locales/fi/consent.json';
import type fiDetails from '../../locales/fi/consent-details.json';
import type sv from '../../locales/sv/consent.json';
import type svDetails from '../../locales/sv/consent-details.json';

// The library's own words. The shop's words for its policy (categories, services, storage items, the
// policy text) are the shop's (`PolicyTexts`), given to the provider as `texts`.

/** `locales/<language>/consent.json`: every word of the library's that the banner shows. Finnish is the reference. */
export type BannerMessages = typeof fi;

/** `locales/<language>/consent-details.json`: the rest, for the preferences dialog and the policy page. */
export type DetailMessages = typeof fiDetails;

/** Both files of a language: the `consent` namespace once both have joined it (deep, key by key). */
export type ConsentMessages = BannerMessages & DetailMessages;

/** Every key of the library's locale files, dotted: 'banner.acceptAll', 'policy.receiptTitle', ... */
export type ConsentKey = Leaves<ConsentMessages>;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Both ways: a key missing from any language's file is a type error here (and the parity test names it). */
type SameShape<A, B> = [Leaves<A>] extends [Leaves<B>] ? ([Leaves<B>] extends [Leaves<A>] ? true : false) : false;
const sameShape: [
  SameShape<typeof en, BannerMessages>,
  SameShape<typeof enDetails, DetailMessages>,
  SameShape<typeof sv, BannerMessages>,
  SameShape<typeof svDetails, DetailMessages>,
] = [true, true, true, true];
void sameShape;

/** The namespace the texts live in, in the app's i18next instance or in the library's own. */
export const CONSENT_NAMESPACE = 'consent';
