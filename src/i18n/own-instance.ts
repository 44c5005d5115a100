import { createInstance, type i18n as I18n } from 'i18next';
import type { ConsentLanguage } from './languages';

let ownInstance: I18n | undefined;

/**
 * The library's own i18next instance, for apps that have none: each locale file joins it once loaded (as
 * `namespace`). The preferences dialog and the policy page read their words there; the banner shows its
 * file as it is (`fileSource`), so that its first paint never waits for i18next.
 */
export function privateInstance(lang: ConsentLanguage, namespace: string): I18n {
  if (!ownInstance) {
    ownInstance = createInstance({
      resources: {},
      lng: lang,
      fallbackLng: false,
      ns: [namespace],
      defaultNS: namespace,
      // React escapes every text it renders; i18next escaping on top would show entities.
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    void ownInstance.init();
  }
  return ownInstance;
}
