import { useSyncExternalStore } from 'react';
import { useConsentContext } from '../../react/consent-context';
import type { PreferencesDialogProps } from './panel-contract';
import { dialogPanel, usePanel } from './panel-loader';
import { preferencesOf } from './preferences-state';

export type { PreferencesDialogProps } from './panel-contract';

const notOpen = () => false;

/**
 * The second layer, mounted once by the app. Opened by the banner's Settings, `<CookieSettingsButton />`
 * and `openPreferences()`; its code (with Radix Dialog) loads when it first opens.
 */
export function PreferencesDialog(props: PreferencesDialogProps) {
  const preferences = preferencesOf(useConsentContext('PreferencesDialog'));
  const open = useSyncExternalStore(preferences.subscribe, preferences.isOpen, notOpen);
  return usePanel(dialogPanel, open, { ...props, preferences, open });
}

/** Starts loading the preferences dialog (on hover or focus of a settings control), so it opens at once. */
export const preloadPreferencesDialog: () => void = dialogPanel.preload;
