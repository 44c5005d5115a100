import type { Meta, StoryObj } from '@storybook/react-vite';
import { CookiePolicy } from 'react-consent-policy';
import { expect } from 'storybook/test';
import { wordsFor } from './story-words';

const meta = {
  title: 'Consent UI/CookiePolicy',
  component: CookiePolicy,
  parameters: { consent: { state: 'undecided' } },
} satisfies Meta<typeof CookiePolicy>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The policy in Finnish, for a visitor who has not chosen yet: no receipt, only a note. */
export const Finnish: Story = {
  parameters: { consent: { state: 'undecided', language: 'fi' } },
  play: async ({ canvas, ...context }) => {
    const words = wordsFor(context);
    await expect(await canvas.findByRole('heading', { level: 1, name: words.policyTitle })).toBeVisible();
    await expect(canvas.getByText(words.receiptNone, { exact: false })).toBeVisible();
  },
};

/** The policy in English. */
export const English: Story = {
  parameters: { consent: { state: 'undecided', language: 'en' } },
  play: async ({ canvas, ...context }) => {
    const words = wordsFor(context);
    await expect(await canvas.findByRole('heading', { level: 1, name: words.policyTitle })).toBeVisible();
  },
};

/** The policy in Swedish: a translation, which says that the Finnish text prevails. */
export const Swedish: Story = {
  parameters: { consent: { state: 'undecided', language: 'sv' } },
  play: async ({ canvas, ...context }) => {
    const words = wordsFor(context);
    await expect(await canvas.findByRole('heading', { level: 1, name: words.policyTitle })).toBeVisible();
    await expect(canvas.getByText(/^Översättning; den finska versionen gäller\./)).toBeVisible();
  },
};

/** A visitor who accepted: the page shows their consent receipt. */
export const WithReceipt: Story = {
  name: 'With a receipt',
  parameters: { consent: { state: 'accepted' } },
  play: async ({ canvas, ...context }) => {
    const words = wordsFor(context);
    await expect(await canvas.findByRole('heading', { name: words.receiptTitle })).toBeVisible();
    await expect(canvas.getByText(words.receiptId)).toBeVisible();
  },
};

/** An undecided visitor: no receipt yet. */
export const WithoutReceipt: Story = {
  name: 'Without a receipt',
  parameters: { consent: { state: 'undecided' } },
  play: async ({ canvas, ...context }) => {
    const words = wordsFor(context);
    await expect(await canvas.findByText(words.receiptNone, { exact: false })).toBeVisible();
    await expect(canvas.queryByText(words.receiptId)).toBeNull();
  },
};
