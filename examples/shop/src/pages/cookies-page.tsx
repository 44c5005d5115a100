import { CookiePolicyPage } from '../consent-ui';

export function CookiesPage() {
  return <CookiePolicyPage />;
}
