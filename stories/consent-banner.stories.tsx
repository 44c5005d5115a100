import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConsentBanner } from 'react-consent-policy';
import { expect, waitFor } from 'storybook/test';
import { wordsFor } from './story-words';

const meta = {
  title: 'Consent UI/ConsentBanner',
  component: ConsentBanner,
  args: { policyHref: '/cookies', inline: true },
  parameters: { layout: 'fullscreen', consent: { state: 'undecided' } },
} satisfies Meta<typeof ConsentBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The first layer in Finnish; Hylkää kaikki confirms the refusal in a status message. */
export const Finnish: Story = {
  parameters: { consent: { state: 'undecided', language: 'fi' } },
  play: async ({ canvas, userEvent, ...context }) => {
    const words = wordsFor(context);
    const region = await canvas.findByRole('region', {}, { timeout: 5000 });
    for (const name of [words.acceptAll, words.rejectAll, words.settings]) {
      await expect(canvas.getByRole('button', { name })).toBeInTheDocument();
    }
    await expect(region).not.toHaveAttribute('aria-modal');
    await userEvent.click(canvas.getByRole('button', { name: words.rejectAll }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(words.rejected));
  },
};

/** The first layer in English; Accept all confirms the consent in a status message. */
export const English: Story = {
  parameters: { consent: { state: 'undecided', language: 'en' } },
  play: async ({ canvas, userEvent, ...context }) => {
    const words = wordsFor(context);
    await userEvent.click(await canvas.findByRole('button', { name: words.acceptAll }, { timeout: 5000 }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(words.accepted));
  },
};

/** The first layer in Swedish, for the shop's Swedish-speaking customers; Inställningar opens the dialog. */
export const Swedish: Story = {
  parameters: { consent: { state: 'undecided', language: 'sv' } },
  play: async ({ canvas, userEvent, ...context }) => {
    const words = wordsFor(context);
    const region = await canvas.findByRole('region', { name: words.banner }, { timeout: 5000 });
    for (const name of [words.acceptAll, words.rejectAll, words.settings]) {
      await expect(canvas.getByRole('button', { name })).toBeInTheDocument();
    }
    await expect(region).toHaveAttribute('lang', 'sv');
    await userEvent.click(canvas.getByRole('button', { name: words.acceptAll }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(words.accepted));
  },
};

/** The browser sends Global Privacy Control: the banner says the signal is honoured. */
export const PrivacySignalOn: Story = {
  name: 'Privacy signal on',
  parameters: { consent: { state: 'gpc' } },
  play: async ({ canvas, ...context }) => {
    const words = wordsFor(context);
    await expect(await canvas.findByRole('region', {}, { timeout: 5000 })).toHaveTextContent(words.gpc);
  },
};

/** A narrow phone screen: the buttons stack and stay large enough to tap. */
export const NarrowMobile: Story = {
  name: 'Narrow mobile viewport',
  tags: ['mobile'],
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvas, ...context }) => {
    const words = wordsFor(context);
    await canvas.findByRole('region', {}, { timeout: 5000 });
    for (const name of [words.acceptAll, words.rejectAll, words.settings]) {
      const box = canvas.getByRole('button', { name }).getBoundingClientRect();
      await expect(box.height).toBeGreaterThanOrEqual(24);
      await expect(box.width).toBeGreaterThanOrEqual(24);
    }
  },
};
