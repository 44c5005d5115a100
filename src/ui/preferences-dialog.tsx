import { useSyncExternalStore } from 'react';
import { useExpectedLanguage } from '../i18n/use-expected-language';
import { useConsentContext } from '../react/consent-context';
import { dialogPart, LazyUi, useLatch } from './lazy-parts';

export interface PreferencesDialogProps {
  /** Added to the dialog's content element (`rcp-dialog`). */
  className?: string;
}

const notOpen = () => false;

/**
 * The second layer, mounted once by the app. Opened by the banner's Settings, `<CookieSettingsButton />`
 * and `openPreferences()`; its code (with Radix Dialog) loads when it first opens.
 */
export function PreferencesDialog(props: PreferencesDialogProps) {
  const { preferences } = useConsentContext('PreferencesDialog');
  const open = useSyncExternalStore(preferences.subscribe, preferences.isOpen, notOpen);
  const used = useLatch(open);
  const { lang } = useExpectedLanguage('PreferencesDialog');
  return used ? <LazyUi part={dialogPart} lang={lang} props={props} /> : null;
}
