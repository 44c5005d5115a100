import { type ButtonHTMLAttributes, useContext, useSyncExternalStore } from 'react';
import { isAppI18n, useAppLanguage } from '../i18n/app-language';
import { languageChoiceFor, libraryLanguage } from '../i18n/language-state';
import { SETTINGS_BUTTON_LABELS } from '../i18n/settings-button-label';
import { ConsentLanguageContext, useConsentContext } from '../react/consent-context';
import { preloadPreferencesDialog } from './lazy-parts';

export type CookieSettingsButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

const noSubscribe = () => () => {};

/**
 * "Cookie settings / Evästeasetukset" for the footer of every page: opens the preferences dialog in one
 * activation, and starts loading it on hover or focus. `children` replace the label.
 * The label follows the app's i18next instance when given to the provider (`i18n`), else the language
 * the library shows (the provider's `language`, the visitor's pick, the page's `<html lang>`).
 */
export function CookieSettingsButton({
  className,
  children,
  onClick,
  onPointerEnter,
  onFocus,
  ...rest
}: CookieSettingsButtonProps) {
  const { store, actions } = useConsentContext('CookieSettingsButton');
  const { language, i18n } = useContext(ConsentLanguageContext);
  const app = isAppI18n(i18n) ? i18n : undefined;
  const fromApp = useAppLanguage(app);
  const choice = languageChoiceFor(store);
  useSyncExternalStore(choice.subscribe, choice.version, choice.version);
  const inBrowser = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const lang = fromApp ?? libraryLanguage(choice, language, inBrowser);
  // The app's own wording wins once its instance holds the namespace.
  const own = app?.getResource?.(lang, 'consent', 'settingsButton.label');
  const label = typeof own === 'string' && own !== '' ? own : SETTINGS_BUTTON_LABELS[lang];

  return (
    <button
      type="button"
      lang={lang}
      {...rest}
      className={className ? `rcp-settings-button ${className}` : 'rcp-settings-button'}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) actions.openPreferences();
      }}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        preloadPreferencesDialog();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        preloadPreferencesDialog();
      }}
    >
      {children ?? label}
    </button>
  );
}
