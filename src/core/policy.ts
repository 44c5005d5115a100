import { MAX_RECORD_LENGTH } from './consent-record-length';
import { COOKIE_DEFAULTS } from './cookie-defaults';
import { DURATION_UNITS, type Duration, toMilliseconds } from './duration';
import { notADuration } from './duration-message';

export type StorageKind = 'cookie' | 'localStorage' | 'sessionStorage';
export type Party = 'first' | 'third';

export interface CategoryConfig {
  /** Always granted, cannot be switched off (the shop's functional cookies). */
  required?: boolean;
  /** Its tags belong to third parties: a privacy signal (GPC, Do Not Track) keeps it off on "Accept all". */
  thirdParty?: boolean;
  /** The shortest and longest lifetime of the identifiers in this category, as the policy text states it. */
  lifetime: { min: Duration; max: Duration };
}

export interface StorageItemConfig<N extends string = string> {
  /** The cookie or storage key; `*` matches any run of characters (`_ga_*`). */
  name: N;
  kind: StorageKind;
  /** The longest this item may live. A ceiling: storage written through the library never outlives it. */
  lifetime: Duration;
  /** Who sets it. Defaults to 'first': a first-party cookie may still be written by a third party's script. */
  party?: Party;
}

export interface ServiceConfig<C extends string = string, N extends string = string> {
  category: C;
  /** A proper name shown as is in every language ("Google Analytics"). Defaults to the service id. */
  label?: string;
  /** Defaults to the category's `thirdParty`. */
  thirdParty?: boolean;
  /** Hosts the service sends data to: the policy's tables name them; a shop's tests can check requests against them. */
  hosts?: readonly string[];
  /** Where the partner behind a third-party service tells how it handles the data (an https address). */
  privacy?: string;
  storage: readonly StorageItemConfig<N>[];
  /**
   * What else happens when consent is withdrawn after the service's script ran on the page (a script cannot
   * be unloaded; its declared storage is deleted in any case): `'reload'` reloads the page once the decision
   * is stored, so that nothing of the script stays in memory; a function calls the service's own revoke API
   * (for example `() => window.fbq?.('consent', 'revoke')`).
   */
  onWithdraw?: 'reload' | (() => void);
}

/** Who stands behind the policy, as a visitor expects to read on a cookie policy page. */
export interface PolicyAbout {
  /** The controller: the shop's company name, business ID, postal address and how to reach it. */
  controller: { name: string; businessId?: string; address: string; contact: string };
  /** When the policy was last updated, as an ISO date: '2026-12-01'. */
  updated: string;
  /** The shop's privacy policy: an https address or a path on the site. */
  privacyPolicy?: string;
}

export interface CookieOptions {
  /** Defaults to 'cookie_consent'. */
  name?: string;
  domain?: string;
  /** Defaults to '/'. */
  path?: string;
  /** Defaults to 'Lax'. */
  sameSite?: 'Lax' | 'Strict' | 'None';
  /** Defaults to true on https pages. */
  secure?: boolean;
}

export interface PolicyConfig<C extends string, S extends string = string, N extends string = string> {
  /** Bump it and every visitor is asked again. */
  revision: number;
  /** How long a choice, a refusal included, is remembered. Defaults to '12mo'. */
  consentMaxAge?: Duration;
  categories: { readonly [K in C]: CategoryConfig };
  services?: { readonly [K in S]: ServiceConfig<NoInfer<C>, N> };
  cookie?: CookieOptions;
  /** Who stands behind the policy: the policy page shows it. */
  about?: PolicyAbout;
}

export interface PolicyCategory<C extends string = string> {
  readonly name: C;
  readonly required: boolean;
  readonly thirdParty: boolean;
  /** Milliseconds. */
  readonly lifetime: { readonly min: number; readonly max: number };
  /** As declared, for display ('15min', '26mo'). */
  readonly declaredLifetime: { readonly min: Duration; readonly max: Duration };
}

export interface PolicyStorageItem<C extends string = string, N extends string = string> {
  readonly name: N;
  readonly kind: StorageKind;
  readonly party: Party;
  /** Milliseconds. */
  readonly lifetime: number;
  readonly declaredLifetime: Duration;
  readonly service: string;
  readonly category: C;
}

export interface PolicyService<C extends string = string, S extends string = string, N extends string = string> {
  readonly id: S;
  readonly category: C;
  readonly label: string;
  /** Where the partner tells how it handles the data, when the policy says. */
  readonly privacy?: string;
  readonly thirdParty: boolean;
  readonly hosts: readonly string[];
  readonly storage: readonly PolicyStorageItem<C, N>[];
  /** What else happens when consent is withdrawn after its script ran (`ServiceConfig.onWithdraw`). */
  readonly onWithdraw?: 'reload' | (() => void);
}

/**
 * A validated, normalised policy. Create it with `definePolicy`. `C` are its category names, `S` its service
 * ids and `N` its storage items' names, so that the texts for each (`PolicyTexts`) are checked by type.
 */
export interface Policy<C extends string = string, S extends string = string, N extends string = string> {
  readonly revision: number;
  /** Milliseconds. */
  readonly consentMaxAge: number;
  /** In declaration order. */
  readonly categories: readonly PolicyCategory<C>[];
  readonly categoryNames: readonly C[];
  readonly services: readonly PolicyService<C, S, N>[];
  /** Every declared storage item, service by service. */
  readonly storage: readonly PolicyStorageItem<C, N>[];
  readonly cookie: {
    readonly name: string;
    readonly path: string;
    readonly sameSite: 'Lax' | 'Strict' | 'None';
    readonly domain?: string;
    readonly secure?: boolean;
  };
  /** Who stands behind the policy, when the shop declares it. */
  readonly about?: Readonly<PolicyAbout>;
}

/** The category names of a policy. */
export type CategoryOf<P> = P extends Policy<infer C, string, string> ? C : never;

/** What every object has: TypeScript sees these members on every object literal. */
type ObjectMembers = typeof Object.prototype;

/**
 * Some of the categories, each with a value (`save({ analytics: true })`). A category named like a member of
 * every object (`constructor`, `toString`) may be left out as well: TypeScript reads that member on every
 * object literal, so its type also admits the member's own type, which the library ignores.
 */
export type SomeCategories<C extends string, V> = {
  readonly [K in C]?: V | (K extends keyof ObjectMembers ? ObjectMembers[K] : never);
};

/**
 * Register the shop's policy once, and category names are checked everywhere:
 * `declare module 'react-consent-policy' { interface Register { policy: typeof shopPolicy } }`
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the app through declaration merging
export interface Register {}

export type RegisteredPolicy = Register extends { policy: infer P extends Policy<string> } ? P : Policy<string>;
/** The registered policy's category names (any string until a policy is registered). */
export type Category = CategoryOf<RegisteredPolicy>;

export class PolicyError extends Error {
  override name = 'PolicyError';
}

const CATEGORY_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const COOKIE_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/**
 * The longest name of a cookie: a browser keeps 4096 bytes of a cookie's name and value together, and the
 * value needs the rest (a consent record up to MAX_RECORD_LENGTH, a stored value as long as the shop makes it).
 */
const LONGEST_COOKIE_NAME = 256;
/**
 * A Web Storage key, a service id or a label: any text, but not one that starts or ends with white space
 * (invisible in the policy's tables, and another key than the one without it), holds a control character,
 * or holds half of a surrogate pair (not text: it does not survive being shown, logged or sent). The control
 * characters (Unicode's Cc: U+0000-U+001F, U+007F-U+009F) and the surrogates (Cs: U+D800-U+DFFF) are written as
 * ranges: a class of Unicode properties (`\p{Cc}`) takes V8 some 0.3 ms to compile, on every page load.
 */
const PLAIN_TEXT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it refuses
  /^[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff](?:[^\x00-\x1f\x7f-\x9f\ud800-\udfff]*[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff])?$/u;
/** A host the policy names: the host name alone, without scheme, path or white space. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it refuses
const HOST = /^[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff/?#@\\]+$/u;
/** A cookie's Domain: a host name in ASCII (punycode for other scripts), which a browser compares as it is. */
const COOKIE_DOMAIN = /^\.?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*$/;
/** A cookie's Path: printable ASCII without `;` (the request paths a browser compares it with are percent-encoded). */
const COOKIE_PATH = /^\/[\x21-\x3a\x3c-\x7e]*$/;
/** The longest Domain or Path attribute a browser keeps (RFC 6265bis: 1024 bytes). */
const LONGEST_ATTRIBUTE = 1024;
/** The longest name of a storage item, a cookie's or a Web Storage key (`LONGEST_COOKIE_NAME`). */
const LONGEST_STORAGE_NAME = LONGEST_COOKIE_NAME;

/** A time in a consent record at its widest: the last date a Date holds, in base 36 (`encodeRecord`). */
const WIDEST_TIME = (8.64e15).toString(36);
const KINDS: readonly StorageKind[] = ['cookie', 'localStorage', 'sessionStorage'];

/**
 * Throws the PolicyError of a check, in every build. `why` is the whole explanation a development build shows;
 * each call writes it as `process.env.NODE_ENV !== 'production' && ...` in place, which a shop's bundler folds
 * to `false` in production, dropping the text (a plain argument would be kept). A production build says where
 * and which check, by its code (docs/policy-errors.md): `definePolicy: cookie.path is not valid (path); ...`.
 */
function fail(where: string, code: string, why: string | false): never {
  throw new PolicyError(
    `definePolicy: ${typeof why === 'string' ? why : `${where} is not valid (${code}); a development build says why.`}`,
  );
}

/**
 * Whether some name matches both declared names (`*` matches any run of characters): a walk through pairs
 * of positions in the two, each step taking a character both can match.
 */
function overlap(a: string, b: string): boolean {
  // Most names have no star: they overlap only when equal.
  if (!a.includes('*') && !b.includes('*')) return a === b;
  const seen = new Set<number>();
  const stack = [0];
  const width = b.length + 1;
  while (stack.length > 0) {
    const at = stack.pop() as number;
    if (seen.has(at)) continue;
    seen.add(at);
    const i = Math.floor(at / width);
    const j = at % width;
    if (i === a.length && j === b.length) return true;
    const x = a[i];
    const y = b[j];
    // A star may end here, or take a character the other name matches (a letter, or what its own star takes).
    if (x === '*') stack.push(at + width);
    if (y === '*') stack.push(at + 1);
    if (x === '*' && y !== undefined) stack.push(at + 1);
    if (y === '*' && x !== undefined) stack.push(at + width);
    if (x !== undefined && x === y && x !== '*') stack.push(at + width + 1);
  }
  return false;
}

/**
 * Refuses a field the declaration does not know: a misspelt one (`thirdparty: true`) would otherwise be
 * ignored without a word, and the category read as first-party, kept on despite a privacy signal.
 */
function only(raw: Record<string, unknown>, fields: readonly string[], where: string): void {
  for (const key of Object.keys(raw)) {
    if (!fields.includes(key)) {
      fail(
        `${where}${key}`,
        'field',
        process.env.NODE_ENV !== 'production' &&
          `${where}${key} is not a field of the declaration here (known: ${fields.join(', ')}); check its spelling.`,
      );
    }
  }
}

/** A value of the shop's as a development error message shows it, whatever it is. */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return `a ${typeof value}`;
  }
}

/** An optional true or false: anything else (`required: 'true'`) would be read as false, or as true. */
function flag(value: unknown, where: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    fail(
      where,
      'boolean',
      process.env.NODE_ENV !== 'production' && `${where} must be true or false, got ${shown(value)}.`,
    );
  }
  return value;
}

/** An address a visitor follows from the policy page: https, or (where `local`) a path on the site. */
function address(value: unknown, where: string, local: boolean): string {
  if (typeof value === 'string' && (/^https:\/\/[^\s]+$/.test(value) || (local && /^\/[^\s]*$/.test(value)))) {
    return value;
  }
  return fail(
    where,
    'https',
    process.env.NODE_ENV !== 'production' &&
      `${where} ${shown(value)} must be an https address${local ? ' or a path on the site' : ''}.`,
  );
}

/** Text shown as it is: not empty, no white space around it, no control characters, 300 characters at most. */
function plain(value: unknown, where: string): string {
  if (typeof value === 'string' && PLAIN_TEXT.test(value) && value.length <= 300) return value;
  return fail(
    where,
    'text',
    process.env.NODE_ENV !== 'production' && `${where} ${shown(value)} must be plain text of 1 to 300 characters.`,
  );
}

function about(raw: unknown): Readonly<PolicyAbout> {
  if (!isObject(raw) || !isObject(raw.controller)) {
    fail(
      'about',
      'about',
      process.env.NODE_ENV !== 'production' && 'about must be { controller: { name, address, contact }, updated }.',
    );
  }
  only(raw, ['controller', 'updated', 'privacyPolicy'], 'about.');
  const { controller } = raw;
  only(controller, ['name', 'businessId', 'address', 'contact'], 'about.controller.');
  const updated = raw.updated;
  if (typeof updated !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(updated) || Number.isNaN(Date.parse(updated))) {
    fail(
      'about.updated',
      'date',
      process.env.NODE_ENV !== 'production' &&
        `about.updated ${shown(updated)} must be an ISO date such as '2026-12-01'.`,
    );
  }
  return Object.freeze({
    controller: Object.freeze({
      name: plain(controller.name, 'about.controller.name'),
      ...(controller.businessId === undefined
        ? {}
        : { businessId: plain(controller.businessId, 'about.controller.businessId') }),
      address: plain(controller.address, 'about.controller.address'),
      contact: plain(controller.contact, 'about.controller.contact'),
    }),
    updated,
    ...(raw.privacyPolicy === undefined
      ? {}
      : { privacyPolicy: address(raw.privacyPolicy, 'about.privacyPolicy', true) }),
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The longest duration a policy may declare. A choice's expiry, a stored value's expiry and a cookie's
 * Max-Age are counted in milliseconds from 1970 and must stay within what a Date holds (the year 275760):
 * '300000y' after today is not a date at all. A hundred years keeps them exact whatever the clock says, and
 * is longer than anything a cookie policy promises (browsers keep a cookie 400 days at most).
 */
const LONGEST = 100 * DURATION_UNITS.y;
/** A cookie's Max-Age counts whole seconds: a shorter lifetime would be Max-Age=0, deleted as it is written. */
const SECOND = DURATION_UNITS.s;

/** A duration in milliseconds: at least `shortest` (1 ms: a lifetime of zero keeps nothing), at most `LONGEST`. */
function duration(value: unknown, where: string, shortest = 1): number {
  const ms = toMilliseconds(value);
  if (ms === null) return fail(where, 'duration', process.env.NODE_ENV !== 'production' && notADuration(value, where));
  if (ms < shortest) {
    fail(
      where,
      'too-short',
      process.env.NODE_ENV !== 'production' &&
        `${where} (${String(value)}) must be at least ${shortest === SECOND ? "'1s': a cookie lives whole seconds" : "'1ms': a lifetime of zero keeps nothing"}.`,
    );
  }
  if (ms > LONGEST) {
    fail(
      where,
      'too-long',
      process.env.NODE_ENV !== 'production' &&
        `${where} (${String(value)}) is longer than '100y', the longest a policy may declare.`,
    );
  }
  return ms;
}

/**
 * Turns the shop's cookie policy into a validated policy object. Category names become types that
 * flow into every hook. Throws one clear error per mistake, naming where it is and how to fix it.
 */
export function definePolicy<const C extends string, const S extends string = never, const N extends string = never>(
  config: PolicyConfig<C, S, N>,
): Policy<C, S, N> {
  if (!isObject(config)) {
    fail(
      'policy',
      'object',
      process.env.NODE_ENV !== 'production' && 'expected a policy object with `revision` and `categories`.',
    );
  }
  only(config, ['revision', 'consentMaxAge', 'categories', 'services', 'cookie', 'about'], '');
  const { revision } = config;
  // A safe integer is written in digits and read back exactly: 1e21 would be written `1e+21`.
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision) || revision < 0) {
    fail(
      'revision',
      'revision',
      process.env.NODE_ENV !== 'production' &&
        `revision must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (Number.MAX_SAFE_INTEGER), got ${shown(revision)}.`,
    );
  }
  if (!isObject(config.categories) || Object.keys(config.categories).length === 0) {
    fail(
      'categories',
      'no-categories',
      process.env.NODE_ENV !== 'production' &&
        'categories must name at least one category, for example `necessary: { required: true, ... }`.',
    );
  }

  const categories: PolicyCategory<C>[] = [];
  for (const [name, raw] of Object.entries<CategoryConfig>(config.categories)) {
    const where = `categories.${name}`;
    if (!CATEGORY_NAME.test(name)) {
      fail(
        `categories[${JSON.stringify(name)}]`,
        'category-name',
        process.env.NODE_ENV !== 'production' &&
          `categories[${JSON.stringify(name)}]: a category name must start with a letter and use only letters, digits, "_" and "-" (40 at most).`,
      );
    }
    if (!isObject(raw) || !isObject(raw.lifetime)) {
      fail(
        `${where}.lifetime`,
        'lifetime',
        process.env.NODE_ENV !== 'production' &&
          `${where}.lifetime is missing: declare { min, max }, for example { min: '15min', max: '26mo' }.`,
      );
    }
    only(raw, ['required', 'thirdParty', 'lifetime'], `${where}.`);
    only(raw.lifetime, ['min', 'max'], `${where}.lifetime.`);
    const required = flag(raw.required, `${where}.required`) === true;
    const thirdParty = flag(raw.thirdParty, `${where}.thirdParty`) === true;
    // A privacy signal keeps a third-party category off, and nothing keeps a required one off.
    if (required && thirdParty) {
      fail(
        where,
        'required-third-party',
        process.env.NODE_ENV !== 'production' &&
          `${where} is both required and thirdParty: a privacy signal would have to switch off what cannot be.`,
      );
    }
    const min = duration(raw.lifetime.min, `${where}.lifetime.min`);
    const max = duration(raw.lifetime.max, `${where}.lifetime.max`);
    if (min > max) {
      fail(
        `${where}.lifetime.min`,
        'min-over-max',
        process.env.NODE_ENV !== 'production' &&
          `${where}.lifetime.min (${String(raw.lifetime.min)}) is longer than its max (${String(raw.lifetime.max)}).`,
      );
    }
    categories.push(
      Object.freeze({
        name: name as C,
        required,
        thirdParty,
        lifetime: Object.freeze({ min, max }),
        declaredLifetime: Object.freeze({ min: raw.lifetime.min, max: raw.lifetime.max }),
      }),
    );
  }

  // The longest consent cookie value this policy makes, field by field as `encodeRecord` writes it: a record
  // that does not fit is never read back, and every decision would silently come to nothing.
  const longest = [1, '0'.repeat(36), revision, WIDEST_TIME, WIDEST_TIME, 'a', 3]
    .concat(categories.map(({ name }) => `${name}:1`).join('|'))
    .join('.').length;
  if (longest > MAX_RECORD_LENGTH) {
    fail(
      'categories',
      'record-length',
      process.env.NODE_ENV !== 'production' &&
        `categories: ${categories.length} categories with these names make a consent cookie of up to ${longest} characters, over the ${MAX_RECORD_LENGTH} it may hold; declare fewer categories or shorter names.`,
    );
  }

  const required = categories.filter((category) => category.required);
  if (required.length === 0) {
    fail(
      'categories',
      'no-required',
      process.env.NODE_ENV !== 'production' &&
        'categories: no category is required: mark the functional one `required: true` (the shop cannot work without it).',
    );
  }

  // The consent cookie carries the choice for consentMaxAge.
  const consentMaxAge = duration(config.consentMaxAge ?? '12mo', 'consentMaxAge', SECOND);
  const longestRequired = Math.max(...required.map((category) => category.lifetime.max));
  if (consentMaxAge > longestRequired) {
    fail(
      'consentMaxAge',
      'consent-max-age',
      process.env.NODE_ENV !== 'production' &&
        `consentMaxAge (${String(config.consentMaxAge)}) is longer than the longest lifetime the required categories declare; the consent cookie is itself a required item, so shorten consentMaxAge or lengthen that lifetime.`,
    );
  }

  const byName = new Map(categories.map((category) => [category.name as string, category]));
  const services: PolicyService<C>[] = [];
  const declared: { at: string; name: string; kind: StorageKind; category: string }[] = [];
  if (config.services !== undefined && !isObject(config.services)) {
    fail('services', 'object', process.env.NODE_ENV !== 'production' && 'services must be an object keyed by id.');
  }
  for (const [id, raw] of Object.entries<ServiceConfig<C>>(config.services ?? {})) {
    const where = `services.${id}`;
    // The id keys the shop's texts and names the service where it has no label.
    if (!PLAIN_TEXT.test(id)) {
      fail(
        `services[${JSON.stringify(id)}]`,
        'service-id',
        process.env.NODE_ENV !== 'production' &&
          `services[${JSON.stringify(id)}]: a service id may not be empty, start or end with white space, or hold control characters or half of a surrogate pair.`,
      );
    }
    if (!isObject(raw)) {
      fail(
        where,
        'object',
        process.env.NODE_ENV !== 'production' && `${where} must be an object with a category and storage.`,
      );
    }
    only(raw, ['category', 'label', 'thirdParty', 'hosts', 'privacy', 'storage', 'onWithdraw'], `${where}.`);
    if (raw.onWithdraw !== undefined && raw.onWithdraw !== 'reload' && typeof raw.onWithdraw !== 'function') {
      fail(
        `${where}.onWithdraw`,
        'on-withdraw',
        process.env.NODE_ENV !== 'production' &&
          `${where}.onWithdraw must be 'reload' or a function, got ${shown(raw.onWithdraw)}.`,
      );
    }
    const category = byName.get(raw.category);
    if (!category) {
      fail(
        `${where}.category`,
        'unknown-category',
        process.env.NODE_ENV !== 'production' &&
          `${where}.category ${shown(raw.category)} is not a category of this policy (known: ${[...byName.keys()].join(', ')}).`,
      );
    }
    if (!Array.isArray(raw.storage)) {
      fail(
        `${where}.storage`,
        'list',
        process.env.NODE_ENV !== 'production' && `${where}.storage must be a list (it may be empty).`,
      );
    }
    const thirdParty = flag(raw.thirdParty, `${where}.thirdParty`) ?? category.thirdParty;
    if (raw.label !== undefined && (typeof raw.label !== 'string' || !PLAIN_TEXT.test(raw.label))) {
      fail(
        `${where}.label`,
        'label',
        process.env.NODE_ENV !== 'production' &&
          `${where}.label ${shown(raw.label)} must be text that is not empty, does not start or end with white space and holds no control characters.`,
      );
    }
    if (raw.hosts !== undefined && !Array.isArray(raw.hosts)) {
      fail(
        `${where}.hosts`,
        'list',
        process.env.NODE_ENV !== 'production' &&
          `${where}.hosts must be a list of host names, got ${shown(raw.hosts)}.`,
      );
    }
    const hosts = Array.from((raw.hosts ?? []) as readonly unknown[], (host, index) => {
      if (typeof host !== 'string' || !HOST.test(host)) {
        fail(
          `${where}.hosts[${index}]`,
          'host',
          process.env.NODE_ENV !== 'production' &&
            `${where}.hosts[${index}] ${shown(host)} is not a host name: give it alone, e.g. 'www.google-analytics.com'.`,
        );
      }
      return host;
    });
    const storage = Array.from(raw.storage as readonly StorageItemConfig[], (item, index) => {
      const at = `${where}.storage[${index}]`;
      if (!isObject(item) || typeof item.name !== 'string' || item.name === '') {
        fail(
          `${at}.name`,
          'no-name',
          process.env.NODE_ENV !== 'production' && `${at}.name must be a non-empty string.`,
        );
      }
      only(item, ['name', 'kind', 'lifetime', 'party'], `${at}.`);
      if (!KINDS.includes(item.kind)) {
        fail(
          `${at}.kind`,
          'kind',
          process.env.NODE_ENV !== 'production' && `${at}.kind must be one of ${KINDS.join(', ')}.`,
        );
      }
      const { name, kind } = item;
      // A name a browser would read otherwise ('a=b' is cookie `a`, ' x' is `x`) is never found to be deleted.
      if (kind === 'cookie' && !COOKIE_NAME.test(name)) {
        fail(
          `${at}.name`,
          'cookie-name',
          process.env.NODE_ENV !== 'production' &&
            `${at}.name ${JSON.stringify(name)} is not a cookie name: use letters, digits and ! # $ % & ' + - . ^ _ \` | ~, and * to match any run of characters.`,
        );
      }
      if (kind !== 'cookie' && !PLAIN_TEXT.test(name)) {
        fail(
          `${at}.name`,
          'storage-key',
          process.env.NODE_ENV !== 'production' &&
            `${at}.name ${JSON.stringify(name)} is not a ${kind} key this policy can declare: it may not start or end with white space, or hold control characters or half of a surrogate pair.`,
        );
      }
      if (name.length > LONGEST_STORAGE_NAME) {
        fail(
          `${at}.name`,
          'name-length',
          process.env.NODE_ENV !== 'production' &&
            `${at}.name has ${name.length} characters, more than the ${LONGEST_STORAGE_NAME} a storage name may have.`,
        );
      }
      // The cleanup, the audit and the policy storage find a stored item's category by its name: a name of two
      // categories would be deleted when either is refused, and written under the first one only.
      const other = declared.find(
        (previous) => previous.kind === kind && previous.category !== category.name && overlap(previous.name, name),
      );
      if (other) {
        fail(
          `${at}.name`,
          'overlap',
          process.env.NODE_ENV !== 'production' &&
            `${at}.name "${name}" (${kind}, category "${category.name}") also names what ${other.at}.name "${other.name}" declares for category "${other.category}": a name belongs to one category, else refusing one deletes the other's storage.`,
        );
      }
      declared.push({ at, name, kind, category: category.name });
      if (item.party !== undefined && item.party !== 'first' && item.party !== 'third') {
        fail(
          `${at}.party`,
          'party',
          process.env.NODE_ENV !== 'production' && `${at}.party must be 'first' or 'third'.`,
        );
      }
      const lifetime = duration(item.lifetime, `${at}.lifetime`, item.kind === 'cookie' ? SECOND : 1);
      if (lifetime > category.lifetime.max) {
        fail(
          `${at}.lifetime`,
          'outlives-category',
          process.env.NODE_ENV !== 'production' &&
            `${at} (${item.name}) lives ${String(item.lifetime)}, longer than the ${String(category.declaredLifetime.max)} its category "${category.name}" allows.`,
        );
      }
      return Object.freeze({
        name: item.name,
        kind: item.kind,
        party: item.party ?? 'first',
        lifetime,
        declaredLifetime: item.lifetime,
        service: id,
        category: category.name,
      });
    });
    services.push(
      Object.freeze({
        id,
        category: category.name,
        label: raw.label ?? id,
        ...(raw.privacy === undefined ? {} : { privacy: address(raw.privacy, `${where}.privacy`, false) }),
        ...(raw.onWithdraw === undefined ? {} : { onWithdraw: raw.onWithdraw }),
        thirdParty,
        hosts: Object.freeze(hosts),
        storage: Object.freeze(storage),
      }),
    );
  }

  if (config.cookie !== undefined && !isObject(config.cookie)) {
    fail(
      'cookie',
      'object',
      process.env.NODE_ENV !== 'production' && `cookie must be an object, got ${shown(config.cookie)}.`,
    );
  }
  const cookie: CookieOptions = config.cookie ?? {};
  only(cookie as Record<string, unknown>, ['name', 'domain', 'path', 'sameSite', 'secure'], 'cookie.');
  const cookieName = cookie.name ?? 'cookie_consent';
  if (typeof cookieName !== 'string' || !COOKIE_NAME.test(cookieName)) {
    fail(
      'cookie.name',
      'cookie-name',
      process.env.NODE_ENV !== 'production' &&
        `cookie.name ${shown(cookieName)} is not a valid cookie name: use letters, digits and ! # $ % & ' * + - . ^ _ \` | ~.`,
    );
  }
  if (cookieName.length > LONGEST_COOKIE_NAME) {
    fail(
      'cookie.name',
      'name-length',
      process.env.NODE_ENV !== 'production' &&
        `cookie.name has ${cookieName.length} characters, more than the ${LONGEST_COOKIE_NAME} a cookie name may have.`,
    );
  }
  // Domain and Path are written into the cookie as they are: a `;` or a space would end the attribute.
  const path = cookie.path ?? COOKIE_DEFAULTS.path;
  if (typeof path !== 'string' || !path.startsWith('/')) {
    fail(
      'cookie.path',
      'path',
      process.env.NODE_ENV !== 'production' && `cookie.path must start with "/", got ${shown(path)}.`,
    );
  }
  if (!COOKIE_PATH.test(path) || path.length > LONGEST_ATTRIBUTE) {
    fail(
      'cookie.path',
      'path',
      process.env.NODE_ENV !== 'production' &&
        `cookie.path ${shown(path)} must be printable ASCII without ";" or white space (percent-encode the rest), ${LONGEST_ATTRIBUTE} characters at most.`,
    );
  }
  const { domain } = cookie;
  if (domain !== undefined && (typeof domain !== 'string' || !COOKIE_DOMAIN.test(domain) || domain.length > 254)) {
    fail(
      'cookie.domain',
      'domain',
      process.env.NODE_ENV !== 'production' &&
        `cookie.domain ${shown(domain)} must be a host name such as 'shop.example' (in ASCII: punycode for other scripts).`,
    );
  }
  const sameSite = cookie.sameSite ?? COOKIE_DEFAULTS.sameSite;
  if (!['Lax', 'Strict', 'None'].includes(sameSite)) {
    fail(
      'cookie.sameSite',
      'same-site',
      process.env.NODE_ENV !== 'production' && 'cookie.sameSite must be Lax, Strict or None.',
    );
  }
  const secure = flag(cookie.secure, 'cookie.secure');
  // Browsers refuse these cookies outright: the consent would never outlive the page.
  if (sameSite === 'None' && secure === false) {
    fail(
      'cookie.secure',
      'needs-secure',
      process.env.NODE_ENV !== 'production' &&
        'cookie.sameSite None needs a Secure cookie: browsers refuse it with cookie.secure false.',
    );
  }
  const prefix = /^__(Host|Secure)-/i.exec(cookieName)?.[1]?.toLowerCase();
  if (prefix && secure === false) {
    fail(
      'cookie.secure',
      'needs-secure',
      process.env.NODE_ENV !== 'production' &&
        `cookie.name ${shown(cookieName)} needs a Secure cookie: browsers refuse it with cookie.secure false.`,
    );
  }
  if (prefix === 'host' && (path !== '/' || domain !== undefined)) {
    fail(
      'cookie.name',
      'host-prefix',
      process.env.NODE_ENV !== 'production' &&
        `cookie.name ${shown(cookieName)} needs cookie.path "/" and no cookie.domain: browsers refuse it otherwise.`,
    );
  }

  return Object.freeze({
    revision,
    consentMaxAge,
    categories: Object.freeze(categories),
    categoryNames: Object.freeze(categories.map((category) => category.name)),
    services: Object.freeze(services),
    storage: Object.freeze(services.flatMap((service) => service.storage)),
    cookie: Object.freeze({
      name: cookieName,
      path,
      sameSite,
      ...(domain === undefined ? {} : { domain }),
      ...(secure === undefined ? {} : { secure }),
    }),
    ...(config.about === undefined ? {} : { about: about(config.about) }),
    // The ids and names are the config's own, checked above: the types say which ones.
  }) as Policy<C, S, N>;
}
