import type { Choices, ConsentStore } from './consent-store-types';
import type { Policy, SomeCategories } from './policy';
import { warn } from './warn';

/** The consent types of Google Consent Mode v2 that a category can drive. */
export type GoogleConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'personalization_storage'
  | 'functionality_storage';

/** Google's consent state: every type the mapping can drive (functionality_storage only when mapped), and security_storage. */
export type GoogleConsentState = Partial<Record<GoogleConsentType | 'security_storage', 'granted' | 'denied'>>;

/**
 * Which Google consent types each category of the policy grants. A type is granted only while every
 * category that maps to it is granted, so a mapping mistake fails closed.
 */
export type ConsentModeMapping<C extends string = string> = SomeCategories<C, readonly GoogleConsentType[]>;

/** analytics -> analytics_storage; marketing -> ad_storage, ad_user_data, ad_personalization; personalization -> personalization_storage. */
export const DEFAULT_CONSENT_MODE_MAPPING: Readonly<Record<string, readonly GoogleConsentType[]>> = Object.freeze({
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  personalization: ['personalization_storage'],
});

export interface ConsentModeOptions<C extends string = string> {
  /**
   * The Google tag's id ('G-XXXXXXX'). When given, gtag.js is inserted once `analytics_storage` is granted
   * (basic mode), followed by `js` and `config`. Without it the bridge only keeps Google's consent state.
   */
  measurementId?: string;
  /** Category -> Google consent types. Default: `DEFAULT_CONSENT_MODE_MAPPING` (categories analytics, marketing, personalization). */
  mapping?: ConsentModeMapping<C>;
  /** A CSP nonce for the inserted script. */
  nonce?: string;
  /** More `config` parameters. Google signals and ad personalization stay off unless `ad_personalization` is granted. */
  config?: Readonly<Record<string, unknown>>;
  /** Where gtag.js is loaded from. Default: https://www.googletagmanager.com/gtag/js */
  scriptUrl?: string;
}

type DataLayerWindow = Window & { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void } & Record<
    string,
    unknown
  >;

const DENIED: Readonly<GoogleConsentState> = Object.freeze({
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
});

const TAG_ID = /^[A-Z]{1,3}-[A-Z0-9-]{2,30}$/i;

/**
 * How long Google's tag may keep its cookies (`cookie_expires`, in seconds): the shortest lifetime the policy
 * declares for Google Analytics' cookies (`_ga`, `_ga_*`), within its category's longest. Without it the tag
 * keeps them for Google's own default, whatever the policy page promises. Undefined where the policy declares
 * none (the storage audit then reports them as undeclared).
 */
export function googleCookieExpires(policy: Pick<Policy, 'storage' | 'categories'>): number | undefined {
  const lifetimes = policy.storage
    .filter((item) => item.kind === 'cookie' && (item.name === '_ga' || item.name.startsWith('_ga_')))
    .map((item) =>
      Math.min(item.lifetime, policy.categories.find((category) => category.name === item.category)?.lifetime.max ?? 0),
    );
  return lifetimes.length > 0 ? Math.floor(Math.min(...lifetimes) / 1000) : undefined;
}

/**
 * Google's own queueing function: pushes its `arguments` object onto `window.dataLayer`, creating it
 * first. gtag.js ignores plain arrays, so every entry must be an arguments object.
 */
export function gtag(..._args: unknown[]): void {
  const w = window as unknown as DataLayerWindow;
  w.dataLayer = w.dataLayer ?? [];
  // biome-ignore lint/complexity/noArguments: gtag.js reads only arguments objects from the dataLayer
  w.dataLayer.push(arguments);
}

/** The state of the last consent command in the dataLayer when it is an update; undefined otherwise. */
function lastConsentUpdate(dataLayer: readonly unknown[]): unknown {
  for (let index = dataLayer.length - 1; index >= 0; index--) {
    const item = dataLayer[index] as ArrayLike<unknown> | null;
    if (item !== null && typeof item === 'object' && item[0] === 'consent') {
      return item[1] === 'update' ? item[2] : undefined;
    }
  }
  return undefined;
}

function isConsentDefault(entry: unknown): boolean {
  const item = entry as ArrayLike<unknown> | null;
  return item !== null && typeof item === 'object' && item[0] === 'consent' && item[1] === 'default';
}

/** Google's consent state for a visitor's choices under a mapping (every type denied unless mapped and granted). */
export function googleConsentState<C extends string>(
  choices: Choices<C>,
  mapping: ConsentModeMapping<C> = DEFAULT_CONSENT_MODE_MAPPING as ConsentModeMapping<C>,
): GoogleConsentState {
  const state: Record<string, 'granted' | 'denied'> = { ...DENIED };
  const refused = new Set<string>();
  for (const [category, types] of Object.entries(mapping) as [C, readonly GoogleConsentType[]][]) {
    for (const type of types) {
      if (choices[category] === true && !refused.has(type)) state[type] = 'granted';
      else {
        refused.add(type);
        state[type] = 'denied';
      }
    }
  }
  return state as GoogleConsentState;
}

/**
 * Keeps Google Consent Mode v2 in step with a consent store, without React. When attached it defines
 * `window.dataLayer` and `gtag`, pushes `consent default` with everything denied and sets
 * `ads_data_redaction` (unless the page has already pushed a default), then, for a visitor who has decided,
 * sends the stored state as `consent update`; every later change is sent as an update too. With a
 * `measurementId` it inserts gtag.js only once analytics is granted (basic mode), and stops the tag from
 * sending when analytics is withdrawn. Returns the function that detaches it (the
 * tag, if loaded, then stops sending too: nothing would pass on a withdrawal any more).
 *
 * ```ts
 * const detach = consentModeBridge(store, { measurementId: 'G-XXXXXXX', nonce: cspNonce });
 * ```
 */
export function consentModeBridge<C extends string>(
  store: ConsentStore<C>,
  options: ConsentModeOptions<C> = {},
): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const w = window as unknown as DataLayerWindow;
  const mapping = options.mapping ?? (DEFAULT_CONSENT_MODE_MAPPING as ConsentModeMapping<C>);
  const id = options.measurementId;
  if (process.env.NODE_ENV !== 'production') {
    const known = new Set<string>(store.policy.categoryNames);
    for (const category of Object.keys(mapping)) {
      if (!known.has(category)) {
        warn(
          `consentModeBridge: the mapping names "${category}", which is not a category of this policy; the Google consent types it maps stay denied. Pass a mapping for your own category names.`,
        );
      }
    }
    if (id !== undefined && !TAG_ID.test(id)) {
      warn(`consentModeBridge: "${id}" is not a Google tag id such as 'G-XXXXXXX', so gtag.js is not loaded.`);
    }
  }
  const tagId = id !== undefined && TAG_ID.test(id) ? id : null;
  const src = `${options.scriptUrl ?? 'https://www.googletagmanager.com/gtag/js'}?id=${encodeURIComponent(tagId ?? '')}`;

  w.dataLayer = w.dataLayer ?? [];
  if (typeof w.gtag !== 'function') w.gtag = gtag;
  if (!w.dataLayer.some(isConsentDefault)) {
    gtag('consent', 'default', { ...DENIED });
    // While ad_storage is denied, Google redacts ad click identifiers from what its tags send.
    gtag('set', 'ads_data_redaction', true);
  }

  let sent = JSON.stringify(DENIED);
  // Tells Google the state now. `force` (on attaching): a decided visitor's state is sent even if it is all denied.
  const send = (force: boolean) => {
    const snapshot = store.getSnapshot();
    const state = googleConsentState(snapshot.choices, mapping);
    const serialized = JSON.stringify(state);
    const { security_storage: _, ...update } = state;
    // Two bridges on one page (Google's tag and Tag Manager) tell Google each change once.
    const repeated = JSON.stringify(lastConsentUpdate(w.dataLayer ?? [])) === JSON.stringify(update);
    if ((force ? snapshot.status === 'decided' : serialized !== sent) && !repeated) {
      gtag('consent', 'update', update);
    }
    sent = serialized;
    if (!tagId) return;
    const analytics = state.analytics_storage === 'granted';
    const signals = state.ad_personalization === 'granted';
    // Google's documented opt-out: with it set, a tag already on the page sends nothing more.
    w[`ga-disable-${tagId}`] = !analytics;
    const loaded = [...document.scripts].some((script) => script.src === new URL(src, location.href).href);
    if (loaded) {
      gtag('set', { allow_google_signals: signals, allow_ad_personalization_signals: signals });
    } else if (analytics) {
      gtag('js', new Date());
      // The declared lifetime is a ceiling: a longer `cookie_expires` in the shop's config is shortened.
      const expires = googleCookieExpires(store.policy);
      const asked = Number(options.config?.cookie_expires);
      gtag('config', tagId, {
        ...options.config,
        ...(expires === undefined ? {} : { cookie_expires: asked >= 0 && asked < expires ? asked : expires }),
        allow_google_signals: signals,
        allow_ad_personalization_signals: signals,
      });
      const script = document.createElement('script');
      script.async = true;
      script.src = src;
      if (options.nonce) script.setAttribute('nonce', options.nonce);
      document.head.appendChild(script);
    }
  };

  const unsubscribe = store.subscribe(() => send(false));
  send(true);
  return () => {
    unsubscribe();
    // Detached, the bridge can no longer pass on a withdrawal: a tag it loaded stops sending until re-attached.
    if (tagId) w[`ga-disable-${tagId}`] = true;
  };
}
