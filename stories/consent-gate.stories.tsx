import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConsentGate, useConsent, useTrackedPixel } from 'react-consent-policy';
import { expect, waitFor } from 'storybook/test';
import { type StoryLanguage, storyLanguage } from '../.storybook/consent-decorator';
import { CONSENT_WORDS } from '../test/consent-words';

/** The demo's own words; its checkboxes name the categories as the consent UI does. */
const WORDS = {
  fi: {
    title: 'Mitä sivulla on nyt',
    toggles: 'Luokat',
    personalization: CONSENT_WORDS.fi.personalization,
    analytics: CONSENT_WORDS.fi.analytics,
    marketing: CONSENT_WORDS.fi.marketing,
    analyticsOn: 'Analytiikkakoodi on ladattu.',
    analyticsOff: 'Analytiikkaa ei ladata.',
    pixelOn: 'Mainospikseli on sivulla.',
    pixelOff: 'Mainospikseliä ei ole.',
  },
  en: {
    title: 'What the page holds now',
    toggles: 'Categories',
    personalization: CONSENT_WORDS.en.personalization,
    analytics: CONSENT_WORDS.en.analytics,
    marketing: CONSENT_WORDS.en.marketing,
    analyticsOn: 'The analytics code is loaded.',
    analyticsOff: 'No analytics is loaded.',
    pixelOn: 'The advertising pixel is on the page.',
    pixelOff: 'There is no advertising pixel.',
  },
  sv: {
    title: 'Vad sidan har nu',
    toggles: 'Kategorier',
    personalization: CONSENT_WORDS.sv.personalization,
    analytics: CONSENT_WORDS.sv.analytics,
    marketing: CONSENT_WORDS.sv.marketing,
    analyticsOn: 'Analyskoden är laddad.',
    analyticsOff: 'Ingen analys laddas.',
    pixelOn: 'Reklampixeln finns på sidan.',
    pixelOff: 'Det finns ingen reklampixel.',
  },
};

type Optional = 'personalization' | 'analytics' | 'marketing';
const OPTIONAL: readonly Optional[] = ['personalization', 'analytics', 'marketing'];

/** Switch categories on and off and watch the gated parts mount and unmount. */
function LiveDemo({ language }: { language: StoryLanguage }) {
  const words = WORDS[language];
  const consent = useConsent();
  const pixel = useTrackedPixel({ src: 'https://pixel.adnetwork.example/view.gif?story=1' });
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '32rem', lineHeight: 1.5 }}>
      <fieldset>
        <legend>{words.toggles}</legend>
        {OPTIONAL.map((name) => (
          <label key={name} style={{ display: 'block', padding: '0.25rem 0' }}>
            <input
              type="checkbox"
              style={{ width: 24, height: 24, verticalAlign: 'middle', marginRight: 8 }}
              checked={consent.choices[name]}
              onChange={(event) => consent.save({ [name]: event.target.checked })}
            />
            {words[name]}
          </label>
        ))}
      </fieldset>
      <h2>{words.title}</h2>
      <ul>
        <li>
          <ConsentGate category="analytics" fallback={words.analyticsOff}>
            <strong data-testid="analytics">{words.analyticsOn}</strong>
          </ConsentGate>
        </li>
        <li>{pixel ? <strong data-testid="pixel">{words.pixelOn}</strong> : words.pixelOff}</li>
      </ul>
      {pixel}
    </div>
  );
}

const meta = {
  title: 'Demo/ConsentGate and TrackedPixel',
  component: LiveDemo,
  render: (_args, { globals }) => <LiveDemo language={storyLanguage(globals.locale)} />,
  args: { language: 'fi' },
} satisfies Meta<typeof LiveDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Starts undecided: nothing gated is mounted until a category is switched on. */
export const LiveDemoStory: Story = {
  name: 'Live demo',
  parameters: { consent: { state: 'undecided' } },
  play: async ({ canvas, userEvent, globals }) => {
    const words = WORDS[storyLanguage(globals.locale)];
    await expect(canvas.queryByTestId('pixel')).toBeNull();
    await expect(canvas.queryByTestId('analytics')).toBeNull();

    await userEvent.click(canvas.getByRole('checkbox', { name: words.marketing }));
    await waitFor(() => expect(canvas.getByTestId('pixel')).toBeInTheDocument());
    await expect(canvas.queryByTestId('analytics')).toBeNull();

    await userEvent.click(canvas.getByRole('checkbox', { name: words.marketing }));
    await waitFor(() => expect(canvas.queryByTestId('pixel')).toBeNull());
  },
};

/** Everything accepted: the analytics code and the pixel are both mounted. */
export const AllAccepted: Story = {
  parameters: { consent: { state: 'accepted' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByTestId('analytics')).toBeInTheDocument();
    await expect(canvas.getByTestId('pixel')).toBeInTheDocument();
  },
};
