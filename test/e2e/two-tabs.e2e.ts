import { describe, expect, test } from 'vitest';
import { visitorsForThisFile } from './support/browser';
import {
  banner,
  clickOnPage,
  dialog,
  hideConfirmation,
  LANGUAGES,
  PRODUCT,
  settingsButton,
  shopUrl,
  WORDS,
} from './support/shop';

const newVisitor = visitorsForThisFile();

const PIXEL = 'img[src^="https://pixel.adnetwork.example/"]';

describe.each(LANGUAGES)('in %s', (language) => {
  const words = WORDS[language];

  test('given two tabs showing a product after Accept all / withdrawing in one tab drops the other tab’s pixel within 1 s, without reload', async () => {
    const visitor = await newVisitor();
    const first = visitor.page;
    await first.goto(shopUrl(language, `/products/${PRODUCT.id}`));
    await banner(first, language).getByRole('button', { name: words.acceptAll, exact: true }).click();
    await expect.poll(() => first.locator(PIXEL).count()).toBe(1);

    const second = await visitor.newTab();
    await second.goto(shopUrl(language, `/products/${PRODUCT.id}`));
    await expect.poll(() => second.locator(PIXEL).count()).toBe(1);
    // Count the second tab's reloads: there must be none.
    let navigations = 0;
    second.on('framenavigated', (frame) => {
      if (frame === second.mainFrame()) navigations += 1;
    });
    await second.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });

    await first.bringToFront();
    await hideConfirmation(first, language);
    await clickOnPage(settingsButton(first, language));
    await dialog(first).getByRole('button', { name: words.rejectAll, exact: true }).click();
    const withdrawnAt = Date.now();
    await expect.poll(() => first.locator(PIXEL).count()).toBe(0);

    await second.locator(PIXEL).waitFor({ state: 'detached', timeout: 1000 });
    expect(Date.now() - withdrawnAt).toBeLessThan(1000);
    expect(navigations).toBe(0);
    expect(await second.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });
});
