import type { Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import { withConsent } from './consent-decorator';
import '../src/ui/styles.css';
import '../src/ui/embed.css';

// A story's panel waits for its code and its texts; on a busy two-core machine that can take longer than
// testing-library's default second.
configure({ asyncUtilTimeout: 5000 });

const preview: Preview = {
  decorators: [withConsent],
  globalTypes: {
    locale: {
      description: 'Language of the consent texts',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'fi', title: 'Suomi', right: 'fi' },
          { value: 'en', title: 'English', right: 'en' },
          { value: 'sv', title: 'Svenska', right: 'sv' },
        ],
        dynamicTitle: true,
      },
    },
    consent: {
      description: "The visitor's consent",
      toolbar: {
        title: 'Consent',
        icon: 'lock',
        items: [
          { value: 'undecided', title: 'Undecided' },
          { value: 'accepted', title: 'All accepted' },
          { value: 'rejected', title: 'All rejected' },
          { value: 'custom', title: 'Custom: personalization and analytics' },
          { value: 'gpc', title: 'Global Privacy Control on' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'fi', consent: 'undecided' },
  parameters: {
    // Accessibility violations fail the story's test.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
