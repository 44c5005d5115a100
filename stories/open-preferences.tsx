import { useEffect } from 'react';
import { useConsent } from 'react-consent-policy';

/** Opens the preferences dialog once the story has mounted, as the banner's Settings would. */
export function OpenPreferences() {
  const { openPreferences } = useConsent();
  useEffect(() => openPreferences(), [openPreferences]);
  return null;
}
