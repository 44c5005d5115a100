import { useSyncExternalStore } from 'react';
import { useConsentContext } from '../react/consent-context';
import { dialogPart, usePart } from './lazy-parts';
import { preferencesOf } from './preferences-state';

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
  const preferences = preferencesOf(useConsentContext('PreferencesDialog'));
  const open = useSyncExternalStore(preferences.subscribe, preferences.isOpen, notOpen);
  return usePart(dialogPart, open, { ...props, preferences, open });
}
