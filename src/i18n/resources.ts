import type en from '../../locales/en/consent.json';
import type fi from '../../locales/fi/consent.json';

/** The shape of a consent locale file; Finnish is the reference. */
export type ConsentMessages = typeof fi;

/** Every key of the locale files, dotted: 'banner.acceptAll', 'policy.text.p1', ... */
export type ConsentKey = Leaves<ConsentMessages>;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Both ways: a key missing from either file is a type error here (and the parity test names it). */
type SameShape<A, B> = [Leaves<A>] extends [Leaves<B>] ? ([Leaves<B>] extends [Leaves<A>] ? true : false) : false;
const sameShape: SameShape<typeof en, ConsentMessages> = true;
void sameShape;

/** The namespace the library's texts live in, in the app's i18next instance or in its own. */
export const CONSENT_NAMESPACE = 'consent';
