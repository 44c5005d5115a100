import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConsentEmbed, googleMapsEmbed, youtubeEmbed } from 'react-consent-policy';
import { expect, waitFor } from 'storybook/test';
import { wordsFor } from './story-words';

const VIDEO = {
  service: 'youtube',
  src: youtubeEmbed('aqz-KE-bpKQ'),
  title: 'How to tie a baby wrap',
  width: 560,
  height: 315,
  kind: 'video',
} as const;

const meta = {
  title: 'Consent UI/ConsentEmbed',
  component: ConsentEmbed,
  args: VIDEO,
} satisfies Meta<typeof ConsentEmbed>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A YouTube video for a visitor who has not allowed marketing: a placeholder of the video's box that names
 * the service, what it stores and where it sends data, with Load and Always allow. No iframe.
 */
export const Video: Story = {
  parameters: { consent: { state: 'undecided' } },
  play: async ({ canvas, canvasElement, ...context }) => {
    const words = wordsFor(context);
    const placeholder = await canvas.findByRole('group', { name: words.videoFrom });
    await expect(placeholder).toHaveTextContent('yt-remote-*');
    await expect(placeholder).toHaveTextContent('www.youtube-nocookie.com');
    await expect(canvas.getByRole('button', { name: words.loadVideo })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: words.allowMarketing })).toBeInTheDocument();
    await expect(canvas.getByRole('link', { name: words.embedPrivacy(words.youtube) })).toBeInTheDocument();
    await expect(canvasElement.querySelector('iframe')).toBeNull();
  },
};

/** A Google map after Reject all: the placeholder stays, with "Load this map". */
export const GoogleMap: Story = {
  name: 'Map',
  args: {
    service: 'google-maps',
    src: googleMapsEmbed('Esimerkkikatu 1, 00100 Helsinki'),
    title: 'Map: Esimerkkikatu 1, Helsinki',
    width: 600,
    height: 400,
    kind: 'map',
  },
  parameters: { consent: { state: 'rejected' } },
  play: async ({ canvas, canvasElement, ...context }) => {
    const words = wordsFor(context);
    const placeholder = await canvas.findByRole('group', { name: words.mapFrom });
    await expect(placeholder).toHaveTextContent('NID');
    await expect(canvas.getByRole('button', { name: words.loadMap })).toBeInTheDocument();
    await expect(canvasElement.querySelector('iframe')).toBeNull();
  },
};

/** Marketing allowed: the iframe itself, in the same box, named by its title. */
export const Allowed: Story = {
  parameters: { consent: { state: 'accepted' } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('iframe')).not.toBeNull());
    const frame = canvasElement.querySelector('iframe');
    await expect(frame).toHaveAttribute('title', VIDEO.title);
    await expect(frame).toHaveAttribute('src', VIDEO.src);
  },
};
