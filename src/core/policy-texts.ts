import type { Policy } from './policy';

/**
 * The shop's own words for its policy, in one language: what the consent UI says of each category,
 * service and storage item, and the shop's cookie policy text. The library's own words (buttons,
 * headings, table columns) come with the library; these are the shop's. Typed from the policy, so that a
 * category, service or storage item without its text is a type error (`definePolicyTexts`).
 */
export interface PolicyTexts<C extends string = string, S extends string = string, N extends string = string> {
  readonly categories: {
    readonly [K in C]: {
      readonly name: string;
      readonly description: string;
      /** For a required category: why it cannot be switched off (the dialog shows it). */
      readonly required?: string;
    };
  };
  /** `name` defaults to the service's `label` in the policy. */
  readonly services: { readonly [K in S]: { readonly name?: string; readonly description: string } };
  /** What each storage item is for, by its declared name (`_ga_*` as declared). */
  readonly storage: { readonly [K in N]: string };
  /**
   * The cookie policy's text as the shop publishes it: its title and paragraphs. A paragraph may hold
   * `<guidesLink>…</guidesLink>` (to the page's browser guides) and `<name>…</name>` for each of `links`.
   */
  readonly policyText: {
    readonly title: string;
    readonly paragraphs: readonly string[];
    readonly links?: { readonly [name: string]: string };
  };
}

/** The texts a policy needs, typed on its own categories, services and storage items. */
export type PolicyTextsOf<P> = P extends Policy<infer C, infer S, infer N> ? PolicyTexts<C, S, N> : never;

/** One language's texts: at hand, or loaded on demand (`() => import('./locales/en/shop-policy.json')`). */
export type PolicyTextSource<T = PolicyTexts> = T | (() => Promise<T | { readonly default: T }>);

/** The shop's texts per language code ('fi', 'en'); the consent UI offers the languages given here. */
export type PolicyTextSources = { readonly [language: string]: PolicyTextSource };

/**
 * The shop's texts for its policy, per language, checked against the policy by type: every category,
 * service and storage item needs its words in every language given. Pass the result to
 * `<ConsentProvider texts>`.
 *
 * ```ts
 * export const shopTexts = definePolicyTexts(shopPolicy, {
 *   fi: () => import('./locales/fi/shop-policy.json'),
 *   en: () => import('./locales/en/shop-policy.json'),
 * });
 * ```
 */
// It only copies and freezes its argument: an app that never uses the result leaves the call out.
/* @__NO_SIDE_EFFECTS__ */
export function definePolicyTexts<P extends Policy>(
  _policy: P,
  texts: { readonly [language: string]: PolicyTextSource<PolicyTextsOf<P>> },
): PolicyTextSources {
  return Object.freeze({ ...texts }) as PolicyTextSources;
}

/**
 * The keys of `texts` that the policy needs and that are missing or empty, as paths
 * (`'services.login.description'`, `'storage._ga'`): empty when the texts cover the policy. For texts the
 * types cannot check (fetched, or written by a translator), in a test or at start-up.
 */
export function missingPolicyTexts(policy: Policy, texts: unknown): string[] {
  const at = (path: readonly string[]): unknown =>
    path.reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object' && Object.hasOwn(node, key)
          ? (node as Record<string, unknown>)[key]
          : undefined,
      texts,
    );
  const needed: string[][] = [
    ...policy.categories.flatMap(({ name }) => [
      ['categories', name, 'name'],
      ['categories', name, 'description'],
    ]),
    ...policy.services.map(({ id }) => ['services', id, 'description']),
    ...policy.storage.map(({ name }) => ['storage', name]),
    ['policyText', 'title'],
  ];
  const missing = needed.filter((path) => {
    const value = at(path);
    return typeof value !== 'string' || value.trim() === '';
  });
  const paragraphs = at(['policyText', 'paragraphs']);
  if (!Array.isArray(paragraphs) || paragraphs.length === 0 || paragraphs.some((p) => typeof p !== 'string')) {
    missing.push(['policyText', 'paragraphs']);
  }
  return missing.map((path) => path.join('.'));
}
