import { createInstance, type i18n as I18n } from 'i18next';
import { cloneElement, type ReactElement, type ReactNode } from 'react';
import type { PolicyTexts } from '../core/policy-texts';
import type { ConsentLanguage } from './languages';
import { CONSENT_NAMESPACE, type ConsentKey } from './resources';

// The locale files wired into i18next: the instance the texts live in, the texts of a language, and
// `renderTagged` for the tags a text may hold.

/** What a consent UI component needs to show text. */
export interface ConsentText {
  /** The language of the text shown: put it on the component's root as `lang`. */
  readonly lang: ConsentLanguage;
  /** A text of the locale files, in `lang`. */
  readonly t: (key: ConsentKey, values?: Record<string, unknown>) => string;
  /**
   * One of the shop's texts for its policy, e.g. `['storage', '_ga']` or `['categories', name, 'name']`:
   * the app's own i18next wording when it has one in the `consent` namespace, else the shop's `texts`, else
   * `fallback`. Names are looked up as they are, dots included.
   */
  readonly tPolicy: (path: readonly string[], fallback: string) => string;
  /** The shop's cookie policy text in `lang`, found the same way; empty where the shop gives none. */
  readonly policyText: PolicyTexts['policyText'];
  /** The i18next instance the texts come from (the app's, or the library's own). */
  readonly i18n: I18n;
  /** True when the library owns the language (no i18next instance of the app's): the banner shows a switch. */
  readonly ownsLanguage: boolean;
  /** The languages offered (those the shop's texts cover), for the switch. */
  readonly languages: readonly ConsentLanguage[];
  /** Switches the language when the library owns it; does nothing otherwise. */
  readonly setLanguage: (language: ConsentLanguage) => void;
}

let ownInstance: I18n | undefined;

/** The library's own i18next instance, for apps that have none; each language's texts join it once loaded. */
export function privateInstance(lng: ConsentLanguage): I18n {
  if (!ownInstance) {
    ownInstance = createInstance({
      resources: {},
      lng,
      fallbackLng: false,
      ns: [CONSENT_NAMESPACE],
      defaultNS: CONSENT_NAMESPACE,
      // React escapes every text it renders; i18next escaping on top would show entities.
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    void ownInstance.init();
  }
  return ownInstance;
}

/** Per instance: the library's files already added. */
const added = new WeakMap<I18n, Set<object>>();

/**
 * Adds one of the library's locale files to an instance as the `consent` namespace, once, deep and without
 * overwriting: keys an app already has in that namespace (its own wording) win. Both files of a language
 * join the same namespace, so keys and the app's overrides work whichever file holds a text. The shop's
 * texts never join: the library's own instance is shared by every provider of the page, and each
 * provider's shop speaks for itself (`consentText` reads them from `texts`).
 */
export function addTexts(instance: I18n, lang: ConsentLanguage, texts: object): void {
  const done = added.get(instance) ?? new Set();
  added.set(instance, done);
  if (done.has(texts)) return;
  instance.addResourceBundle(lang, CONSENT_NAMESPACE, texts, true, false);
  done.add(texts);
}

/** The node at `path` of a texts tree; undefined where there is none. Own keys only, dots included. */
function nodeAt(tree: unknown, path: readonly string[]): unknown {
  let node = tree;
  for (const key of path) {
    node =
      node !== null && typeof node === 'object' && Object.hasOwn(node, key)
        ? (node as Record<string, unknown>)[key]
        : undefined;
  }
  return node;
}

/** What `consentText` needs besides the instance and the language shown. */
export interface ConsentTextOptions {
  /** True when the library owns the language: the banner shows a switch, and `setLanguage` switches it. */
  ownsLanguage: boolean;
  /** The shop's texts in `lang` (`<ConsentProvider texts>`), when it gives them that way. */
  policyTexts: PolicyTexts | undefined;
  /** The languages offered. */
  languages: readonly ConsentLanguage[];
  /** Switches the language shown (called only when the library owns it). */
  setLanguage: (language: ConsentLanguage) => void;
}

/** The texts of `lang` in `instance`, as the consent UI shows them. */
export function consentText(instance: I18n, lang: ConsentLanguage, options: ConsentTextOptions): ConsentText {
  const translate = instance.getFixedT(lang, CONSENT_NAMESPACE) as unknown as (key: string, options: object) => unknown;
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);
  const { ownsLanguage, setLanguage, policyTexts, languages } = options;
  // The app's own wording first (its instance, the `consent` namespace), then the shop's texts.
  const find = ([section = '', ...rest]: readonly string[]): unknown => {
    const own = nodeAt(instance.getResource(lang, CONSENT_NAMESPACE, section), rest);
    return own === undefined ? nodeAt(policyTexts, [section, ...rest]) : own;
  };
  const paragraphs = find(['policyText', 'paragraphs']);
  const links = find(['policyText', 'links']);
  return {
    lang,
    i18n: instance,
    ownsLanguage,
    languages,
    // The app's instance may escape interpolated values; React escapes what it renders, so never twice.
    t: (key, values) => text(translate(key, { ...values, interpolation: { escapeValue: false } }), key),
    tPolicy: (path, fallback) => text(find(path), fallback),
    policyText: {
      title: text(find(['policyText', 'title']), ''),
      paragraphs: Array.isArray(paragraphs) ? paragraphs.filter((item) => typeof item === 'string') : [],
      links: links !== null && typeof links === 'object' ? (links as Record<string, string>) : {},
    },
    setLanguage: (next) => {
      if (ownsLanguage) setLanguage(next);
    },
  };
}

/**
 * Turns a translated text into React nodes: each `<name>inner</name>` or `<name/>` whose name is a key
 * of `components` becomes that element with `inner` as its text; anything else, markup included, stays
 * text. Never reads HTML: a translation holding `<script>` or `<img onerror>` shows those characters.
 * In the manner of react-i18next's `<Trans components>` (the translation names its tags, the code supplies
 * the elements), whose own `<Trans>` would add some 5 KiB gzip to the banner, which needs only named tags.
 */
export function renderTagged(source: string, components: Record<string, ReactElement> = {}): ReactNode[] {
  // The names are identifiers the code supplies (`name`, `em`): nothing in them to escape.
  const names = Object.keys(components).join('|');
  if (!names) return [source];
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of source.matchAll(new RegExp(`<(${names})>([\\s\\S]*?)</\\1>|<(${names})\\s*/>`, 'g'))) {
    nodes.push(source.slice(last, match.index));
    const element = components[match[1] ?? match[3] ?? ''];
    if (element) nodes.push(cloneElement(element, { key: nodes.length }, match[2]));
    last = match.index + match[0].length;
  }
  nodes.push(source.slice(last));
  return nodes;
}
