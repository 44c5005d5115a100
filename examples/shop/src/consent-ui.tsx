import { useConsent } from 'react-consent-policy';
import type { Language } from './router';

/** Where the shop mounts the library's consent UI: the banner and the preferences dialog, once. */
export function ConsentUi(_props: { policyHref: string }) {
  return null;
}

/** The footer's cookie settings control. */
export function CookieSettings({ language }: { language: Language }) {
  const { openPreferences } = useConsent();
  return (
    <button type="button" className="link-button" onClick={openPreferences}>
      {language === 'fi' ? 'Evästeasetukset' : 'Cookie settings'}
    </button>
  );
}

/** The body of the /cookies page. */
export function CookiePolicyPage() {
  return null;
}
