import type { Meta, StoryObj } from '@storybook/react-vite';
import { CookieSettingsButton, PreferencesDialog } from 'react-consent-policy';
import { expect, screen, userEvent, waitFor } from 'storybook/test';
import { wordsFor } from './story-words';

const meta = {
  title: 'Consent UI/CookieSettingsButton',
  component: CookieSettingsButton,
  render: (args) => (
    <footer>
      <CookieSettingsButton {...args} />
      <PreferencesDialog />
    </footer>
  ),
  parameters: { consent: { state: 'accepted' } },
} satisfies Meta<typeof CookieSettingsButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One activation opens the preferences; Escape closes them and focus returns to the button. */
export const OpensPreferences: Story = {
  name: 'Opens the preferences',
  play: async ({ canvas, ...context }) => {
    const words = wordsFor(context);
    const button = canvas.getByRole('button', { name: words.cookieSettings });
    await userEvent.click(button);
    await screen.findByRole('dialog', {}, { timeout: 5000 });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(button).toHaveFocus());
  },
};
