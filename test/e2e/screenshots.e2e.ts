import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { visitorsForThisFile } from './support/browser';
import { banner, dialog, hideConfirmation, LANGUAGES, shopUrl, WORDS } from './support/shop';

const OUT = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  mobile: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

const newVisitor = visitorsForThisFile();
beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
});

describe.each(LANGUAGES)('in %s', (language) => {
  const words = WORDS[language];

  test.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])(
    'on %s / the banner, the dialog and the policy page are photographed for review',
    async (device) => {
      const visitor = await newVisitor(VIEWPORTS[device]);
      const { page } = visitor;
      const shot = async (what: string, fullPage = false) => {
        const path = `${OUT}${what}-${language}-${device}.png`;
        await page.screenshot({ path, fullPage, animations: 'disabled' });
        expect(statSync(path).size).toBeGreaterThan(5_000);
      };
      await page.goto(shopUrl(language));
      await banner(page, language).waitFor();
      await page.waitForLoadState('networkidle');
      await shot('banner');

      await banner(page, language).getByRole('button', { name: words.settings, exact: true }).click();
      await dialog(page).waitFor();
      // Away from the buttons, so that none is photographed in its hover state.
      await page.mouse.move(1, 1);
      await page.waitForTimeout(300);
      await shot('dialog');
      await page.keyboard.press('Escape');

      await page.goto(shopUrl(language, '/cookies'));
      await banner(page, language).getByRole('button', { name: words.rejectAll, exact: true }).click();
      await hideConfirmation(page, language);
      await page.waitForLoadState('networkidle');
      await page.mouse.move(1, 1);
      await shot('policy');
      await page
        .getByRole('heading', { level: 2 })
        .nth(1)
        .evaluate((element) => element.scrollIntoView());
      await page.waitForTimeout(200);
      await shot('policy-tables');
      await shot('policy-full', true);
    },
  );
});
