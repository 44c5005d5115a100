import type { ConsentLanguage } from './languages';

/**
 * The settings button's label. The button sits in every page's footer, so it renders at once without
 * i18next or the locale files, which load only with the banner, the dialog or the policy page (a bundler
 * would put a whole imported JSON file into the page's main chunk). These are copies of
 * `settingsButton.label` in `locales/<language>/consent.json`; a test keeps them equal.
 */
export const SETTINGS_BUTTON_LABELS: Readonly<Record<ConsentLanguage, string>> = {
  fi: 'Evästeasetukset',
  en: 'Cookie settings',
  sv: 'Kakinställningar',
};
