import type { ButtonHTMLAttributes } from 'react';
import { preloadMessages } from '../../i18n/load-messages';
import { SETTINGS_BUTTON_LABELS } from '../../i18n/settings-button-label';
import { useConsentContext } from '../../react/consent-context';
import { classNames } from './class-names';
import { dialogPanel, preloadPanel } from './panel-loader';
import { useShownLanguage } from './use-shown-language';

export type CookieSettingsButtonProps = ButtonHTMLAttributes<HTMLButtonElement>;

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
  const { actions } = useConsentContext('CookieSettingsButton');
  const { lang, app, texts } = useShownLanguage('CookieSettingsButton');
  const preload = () => preloadPanel(dialogPanel, lang, texts);
  // The app's own wording wins once its instance holds the namespace. `CONSENT_NAMESPACE` written out:
  // importing the constant, which the panels import too, would split it into a chunk of its own.
  const own = app?.getResource?.(lang, 'consent', 'settingsButton.label');
  const label = typeof own === 'string' && own !== '' ? own : SETTINGS_BUTTON_LABELS[lang];

  return (
    <button
      type="button"
      lang={lang}
      {...rest}
      className={classNames('rcp-settings-button', className)}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented) return;
        preloadMessages(lang);
        actions.openPreferences();
      }}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        preload();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        preload();
      }}
    >
      {children ?? label}
    </button>
  );
}
