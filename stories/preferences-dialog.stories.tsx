import type { Meta, StoryObj } from '@storybook/react-vite';
import { PreferencesDialog } from 'react-consent-policy';
import { expect, screen, waitFor, within } from 'storybook/test';
import { OpenPreferences } from './open-preferences';
import { wordsFor } from './story-words';

const meta = {
  title: 'Consent UI/PreferencesDialog',
  component: PreferencesDialog,
  render: (args) => (
    <>
      <PreferencesDialog {...args} />
      <OpenPreferences />
    </>
  ),
} satisfies Meta<typeof PreferencesDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

const openDialog = () => screen.findByRole('dialog', {}, { timeout: 5000 });

/** An undecided visitor: every optional switch is off; necessary is on and cannot be switched off. */
export const Undecided: Story = {
  parameters: { consent: { state: 'undecided' } },
  play: async (context) => {
    const words = wordsFor(context);
    const dialog = within(await openDialog());
    await expect(dialog.getByRole('switch', { name: words.necessary })).toBeDisabled();
    await expect(dialog.getByRole('switch', { name: words.necessary })).toHaveAttribute('aria-checked', 'true');
    for (const name of [words.personalization, words.analytics, words.marketing]) {
      await expect(dialog.getByRole('switch', { name })).toHaveAttribute('aria-checked', 'false');
    }
  },
};

/** A visitor who allowed personalization and analytics: the dialog shows those choices. */
export const Decided: Story = {
  parameters: { consent: { state: 'custom' } },
  play: async (context) => {
    const words = wordsFor(context);
    const dialog = within(await openDialog());
    await expect(dialog.getByRole('switch', { name: words.analytics })).toHaveAttribute('aria-checked', 'true');
    await expect(dialog.getByRole('switch', { name: words.marketing })).toHaveAttribute('aria-checked', 'false');
  },
};

/** Analytics expanded: its services and storage items, generated from the policy. */
export const ExpandedCategory: Story = {
  name: 'Expanded category',
  parameters: { consent: { state: 'undecided' } },
  play: async ({ userEvent, ...context }) => {
    const words = wordsFor(context);
    const dialog = await openDialog();
    const analytics = dialog.querySelector<HTMLElement>('[data-category="analytics"]');
    await expect(analytics).not.toBeNull();
    const section = within(analytics as HTMLElement);
    await userEvent.click(section.getByText(words.details));
    await waitFor(() => expect(section.getByText('_ga')).toBeVisible());
    await expect(section.getByText('_gid')).toBeVisible();
  },
};
