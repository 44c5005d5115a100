import enShop from '../locales/en/shop-policy.json';
import fiShop from '../locales/fi/shop-policy.json';
import { CONSENT_WORDS } from './consent-words';

/** Every sentence and name For Minis And Mommies says of its policy, in both languages. */
export function firstShopWords(): string[] {
  const { fi, en } = CONSENT_WORDS;
  const out: string[] = ['For Minis And Mommies', en.googleAnalytics, en.adPartner, en.personalization];
  out.push(en.marketing, en.analytics, fi.necessary, fi.personalization, fi.analytics, fi.marketing);
  const visit = (node: unknown) => {
    if (typeof node === 'string') out.push(node.replace(/<\/?\w+>/g, ''));
    else if (node && typeof node === 'object') for (const value of Object.values(node)) visit(value);
  };
  visit([fiShop, enShop]);
  // Short words ('Login', 'Cookies') could be anyone's; the shop's sentences and names above are its own.
  return out.filter((text, index) => index < 10 || text.length > 15);
}
