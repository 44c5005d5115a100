import type fi from '../../locales/fi/consent-embed.json';
import type { ConsentLanguage } from './languages';

/** `locales/<language>/consent-embed.json`: what an embed's placeholder says. Finnish is the reference. */
export type EmbedMessages = typeof fi;

/**
 * The embed placeholder's words, one chunk per language, loaded (through `loadedTexts`, as the shop's
 * texts) by `<ConsentEmbed>` when a placeholder first renders in that language. No i18next: a `{{name}}` is
 * all they hold, filled by the placeholder itself.
 */
export const EMBED_TEXTS: Readonly<Record<ConsentLanguage, () => Promise<{ default: EmbedMessages }>>> = {
  fi: () => import('../../locales/fi/consent-embed.json'),
  en: () => import('../../locales/en/consent-embed.json'),
  sv: () => import('../../locales/sv/consent-embed.json'),
};
