import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { SecondShopPage } from '../examples/second-shop/second-shop-page';
import { CONSENT_WORDS } from '../test/consent-words';
import { firstShopWords } from '../test/first-shop-words';

const meta = {
  title: 'Shops/A second shop',
  component: SecondShopPage,
  // The shop speaks English only, whatever the toolbar says.
  parameters: { layout: 'padded', consent: { language: 'en' } },
} satisfies Meta<typeof SecondShopPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Pine & Paper, a stationery shop: two categories, English only, its own words for its policy. The same
 * banner, dialog and policy page speak for it, and nothing of For Minis And Mommies shows.
 */
export const PineAndPaper: Story = {
  name: 'Pine & Paper (English only)',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const banner = await canvas.findByRole('region', { name: CONSENT_WORDS.en.banner });
    await expect(banner).toHaveAttribute('lang', 'en');
    await expect(within(banner).queryByRole('group')).toBeNull();
    // The second shop's own title for its policy, not a word of the consent UI.
    await expect(await canvas.findByRole('heading', { name: 'Cookies at Pine & Paper' })).toBeVisible();
    const page = canvasElement.textContent ?? '';
    for (const word of firstShopWords()) await expect(page).not.toContain(word);
  },
};
