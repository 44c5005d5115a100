import { createInstance, type i18n as I18n } from 'i18next';
import type { TextSource } from './consent-text';
import { instanceSource } from './instance-source';
import type { ConsentLanguage } from './languages';
import { CONSENT_NAMESPACE } from './resources';

let ownInstance: I18n | undefined;

/**
 * The texts of a language from the library's own i18next instance, for apps that have none: each locale
 * file joins it once loaded. The preferences dialog and the policy page read their words here; the banner
 * shows its file as it is (`fileSource`), so that its first paint never waits for i18next.
 */
export function ownSource(lang: ConsentLanguage, files: readonly object[]): TextSource {
  if (!ownInstance) {
    ownInstance = createInstance({
      resources: {},
      lng: lang,
      fallbackLng: false,
      ns: [CONSENT_NAMESPACE],
      defaultNS: CONSENT_NAMESPACE,
      // React escapes every text it renders; i18next escaping on top would show entities.
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    void ownInstance.init();
  }
  return instanceSource(ownInstance, lang, files);
}
