import { cloneElement, type ReactElement, type ReactNode } from 'react';
import type { PolicyCategory, PolicyService } from '../core/policy';
import type { PolicyTexts } from '../core/policy-texts';
import type { ConsentLanguage } from './languages';
import type { ConsentKey } from './resources';

// The texts the consent UI shows, from wherever they come: the app's i18next instance, the library's own, or
// the banner's locale file as it is. No i18next here: the banner's first paint never waits for it (the
// instances are read through `instance-source.ts`, the library’s own made in `own-instance.ts`), and `renderTagged` for the tags a text may hold.

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
  /** A category's name and description in `lang` (the name itself when the shop's texts have none). */
  readonly categoryText: (category: PolicyCategory) => { name: string; description: string };
  /** The name a visitor reads for a service: the shop's texts', else the policy's label. */
  readonly serviceName: (service: PolicyService) => string;
  /** True when the library owns the language (no i18next instance of the app's): the banner shows a switch. */
  readonly ownsLanguage: boolean;
  /** The languages offered (those the shop's texts cover), for the switch. */
  readonly languages: readonly ConsentLanguage[];
  /** Switches the language when the library owns it; does nothing otherwise. */
  readonly setLanguage: (language: ConsentLanguage) => void;
}

/**
 * Where the library's words of one language come from: an i18next instance's (`t` of the `consent`
 * namespace, and its resources, where an app's own wording wins) or the locale files as they are.
 */
export interface TextSource {
  /** The text of a dotted key with its `{{name}}`s filled; anything but a non-empty string means none. */
  translate(key: string, values: Record<string, unknown>): unknown;
  /** A top-level section of the `consent` namespace (`'categories'`, `'policyText'`, ...), undefined if none. */
  resource(section: string): unknown;
}

/**
 * The locale files of a language as they are, as a text source: a key is looked up in each file in turn, and
 * each `{{name}}` is filled from `values` as i18next fills it (`String(value)`, null and undefined as nothing, never
 * escaped: React escapes what it renders); a name without a value stays as written. The files hold nothing else of i18next's (no
 * plurals, nesting or formats): `test/ui/file-texts.test.ts` checks that every text reads here as i18next
 * reads it. What the banner shows with no i18next on the page.
 */
export function fileSource(files: readonly unknown[]): TextSource {
  return {
    translate(key, values) {
      const path = key.split('.');
      for (const file of files) {
        const found = nodeAt(file, path);
        if (typeof found === 'string') {
          return found.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
            Object.hasOwn(values, name) ? String(values[name] ?? '') : whole,
          );
        }
      }
      return undefined;
    },
    // The library's files hold no words of the shop's: those come from its `texts`.
    resource: () => undefined,
  };
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

/** What `consentText` needs besides the source of the texts and the language shown. */
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

/** The shop's policy text as the UI shows it, from where `field` finds each of its parts (anything at all). */
export function policyTextOf(field: (name: keyof PolicyTexts['policyText']) => unknown): PolicyTexts['policyText'] {
  const [title, paragraphs, links] = [field('title'), field('paragraphs'), field('links')];
  return {
    title: typeof title === 'string' ? title : '',
    paragraphs: Array.isArray(paragraphs) ? paragraphs.filter((item) => typeof item === 'string') : [],
    links: links !== null && typeof links === 'object' ? (links as Record<string, string>) : {},
  };
}

/** The texts of `lang` from `source`, as the consent UI shows them. */
export function consentText(source: TextSource, lang: ConsentLanguage, options: ConsentTextOptions): ConsentText {
  const text = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);
  const { ownsLanguage, setLanguage, policyTexts, languages } = options;
  // The app's own wording first (its instance, the `consent` namespace), then the shop's texts.
  const find = ([section = '', ...rest]: readonly string[]): unknown => {
    const own = nodeAt(source.resource(section), rest);
    return own === undefined ? nodeAt(policyTexts, [section, ...rest]) : own;
  };
  const tPolicy = (path: readonly string[], fallback: string) => text(find(path), fallback);
  return {
    lang,
    ownsLanguage,
    languages,
    t: (key, values = {}) => text(source.translate(key, values), key),
    tPolicy,
    categoryText: ({ name }) => ({
      name: tPolicy(['categories', name, 'name'], name),
      description: tPolicy(['categories', name, 'description'], ''),
    }),
    serviceName: (service) => tPolicy(['services', service.id, 'name'], service.label),
    policyText: policyTextOf((name) => find(['policyText', name])),
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
