import { useState, useSyncExternalStore } from 'react';
import type { ConsentLanguage } from '../i18n/languages';
import { preloadMessages } from '../i18n/load-messages';
import { useExpectedLanguage } from '../i18n/use-expected-language';
import { useConsentContext } from '../react/consent-context';
import { dialogPart, useLazyPart } from './lazy-parts';

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
  const [used, setUsed] = useState(open);
  if (open && !used) setUsed(true);
  const { lang } = useExpectedLanguage('PreferencesDialog');
  if (!used) return null;
  return <DialogLoader lang={lang} {...props} />;
}

/** Loads the dialog's code (with Radix) and, at the same time, its texts. */
function DialogLoader({ lang, ...props }: PreferencesDialogProps & { lang: ConsentLanguage }) {
  preloadMessages(lang);
  const Panel = useLazyPart(dialogPart);
  return Panel ? <Panel {...props} /> : null;
}
