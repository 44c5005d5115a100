import { describe, expect, test } from 'vitest';
import { SHOP_TEXTS } from '../../examples/shop/src/texts';
import { shopPolicy } from '../../examples/shop-policy';
import { visitorsForThisFile } from './support/browser';
import { LANGUAGES, shopUrl, WORDS } from './support/shop';

const newVisitor = visitorsForThisFile();
const about = shopPolicy.about!;
/** The services that name a partner's privacy information: Google's twice, the advertising partner's. */
const PARTNERS = shopPolicy.services.filter((service) => service.privacy);

describe.each(LANGUAGES)('the demo shop’s cookie policy page in %s', (language) => {
  const words = WORDS[language];

  test('says who stands behind the policy and when it was updated, and links the privacy policy and each partner’s privacy information', async () => {
    const { page } = await newVisitor();
    await page.goto(shopUrl(language, '/cookies'));
    const policy = page.getByRole('main');
    await policy.getByRole('heading', { level: 1, name: words.policyTitle }).waitFor();
    const text = (await policy.textContent()) ?? '';
    for (const detail of [about.controller.name, about.controller.businessId, about.controller.address]) {
      expect(text, detail).toContain(detail);
    }
    expect(text).toContain(about.controller.contact);
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(about.updated),
    );
    expect(text, date).toContain(date);
    expect(await policy.locator(`a[href="${about.privacyPolicy}"]`).count()).toBe(1);
    expect(PARTNERS.length).toBeGreaterThanOrEqual(3);
    for (const service of PARTNERS) {
      const links = await policy.locator(`a[href="${service.privacy}"]`).allTextContents();
      expect(
        links.some((link) => link.includes(service.label)),
        service.id,
      ).toBe(true);
    }
    // The page is the shop's, in the language of its address.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(text).toContain(SHOP_TEXTS[language].nav.cookies);
  });
});

test('the Swedish policy text says it is a translation and the Finnish text prevails', async () => {
  const { page } = await newVisitor();
  await page.goto(shopUrl('sv', '/cookies'));
  await page.getByRole('heading', { level: 1, name: WORDS.sv.policyTitle }).waitFor();
  const first = page.getByRole('main').locator('p').filter({ hasText: 'For Minis And Mommies' }).first();
  expect(await first.textContent()).toMatch(/^Översättning; den finska versionen gäller\. /);
});
