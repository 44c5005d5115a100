import type { i18n as I18n } from 'i18next';
import type { TextSource } from './consent-text';
import type { ConsentLanguage } from './languages';
import { CONSENT_NAMESPACE } from './resources';

// An i18next instance as a source of the consent UI's texts: the app's, or the library's own. Only the
// instance's methods are called, so that the banner's chunk never holds i18next itself.

/** Per instance: the library's files already added. */
const added = new WeakMap<object, Set<object>>();

/**
 * Adds the library's locale files of a language to an instance as the `consent` namespace, each once, deep
 * and without overwriting: keys an app already has in that namespace (its own wording) win. The files of a
 * language join the same namespace, so keys and the app's overrides work whichever file holds a text. The
 * shop's texts never join: the library's own instance is shared by every provider of the page, and each
 * provider's shop speaks for itself (`consentText` reads them from `texts`). Then the instance's texts of
 * `lang`, as a source.
 */
export function instanceSource(instance: I18n, lang: ConsentLanguage, files: readonly object[]): TextSource {
  const done = added.get(instance) ?? new Set();
  added.set(instance, done);
  for (const file of files) {
    if (done.has(file)) continue;
    instance.addResourceBundle(lang, CONSENT_NAMESPACE, file, true, false);
    done.add(file);
  }
  const translate = instance.getFixedT(lang, CONSENT_NAMESPACE) as unknown as (key: string, options: object) => unknown;
  return {
    // The app's instance may escape interpolated values; React escapes what it renders, so never twice.
    translate: (key, values) => translate(key, { ...values, interpolation: { escapeValue: false } }),
    resource: (section) => instance.getResource(lang, CONSENT_NAMESPACE, section),
  };
}
