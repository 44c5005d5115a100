import { storyLanguage } from '../.storybook/consent-decorator';
import { CONSENT_WORDS } from '../test/consent-words';

/** The words of the language a story shows: pinned by its parameters, else the toolbar's. */
export function wordsFor(context: { parameters: { consent?: { language?: string } }; globals: { locale?: string } }) {
  const language = context.parameters.consent?.language ?? context.globals.locale;
  return CONSENT_WORDS[storyLanguage(language)];
}
