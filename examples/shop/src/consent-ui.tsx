import { ConsentBanner, CookiePolicy, CookieSettingsButton, PreferencesDialog } from 'react-consent-policy';

/** The library's consent UI, mounted once: the banner (while undecided) and the preferences dialog. */
export function ConsentUi({ policyHref }: { policyHref: string }) {
  return (
    <>
      <ConsentBanner policyHref={policyHref} />
      <PreferencesDialog />
    </>
  );
}

/** The footer's Cookie settings / Evästeasetukset control, on every page. */
export function CookieSettings() {
  return <CookieSettingsButton className="link-button" />;
}

/** The body of the /cookies page: the policy text, the generated tables and the visitor's receipt. */
export function CookiePolicyPage() {
  return <CookiePolicy />;
}
