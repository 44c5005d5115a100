// What the size script, the bundle test and the benchmark need to know of where the library's code lives,
// named here once: when the sources move, this file is the one to update. Where built code carries a mark
// of its own (a class name, a string of a dependency), the tools look for that mark instead, since it
// survives a move; paths remain only where a mark cannot say the same.

/** What the library's code is made of, beside package.json: what a benchmark of a commit unpacks. */
export const SOURCE_ROOTS = ['src', 'locales'];

/** The package's entry points in the sources: what `react-consent-policy`, `/core` and `/styles.css` name. */
export const ENTRY = {
  index: 'src/index.ts',
  headless: 'src/headless.ts',
  core: 'src/core/index.ts',
  styles: 'src/ui/styles.css',
  embedStyles: 'src/ui/embed.css',
};

/** The consent UI: none of it may reach the headless entry's first visit. */
export const UI_SOURCES = 'src/ui/';

/**
 * The main chunk's UI, text and React modules: the on-demand panels get what they use of them as a prop,
 * so that no module of these directories is imported by both a panel and the main chunk.
 */
export const MAIN_CHUNK_SOURCES = ['src/ui/', 'src/i18n/', 'src/react/'];

/** The library's locale files, `<language>/consent.json` and `<language>/consent-details.json`. */
export const LOCALES = 'locales/';

/** What reads the consent: in a page's first load. */
export const FIRST_LOAD_CORE = ['src/core/create-store.ts'];

/** Decisions, other tabs, the record writer, cleanup, the audit, storage helpers: on demand, never first. */
export const ON_DEMAND_CORE = [
  'src/core/consent-changes.ts',
  'src/core/storage-upkeep.ts',
  'src/core/sync.ts',
  'src/core/consent-record-writer.ts',
  'src/core/storage-cleanup.ts',
  'src/core/audit.ts',
  'src/core/policy-storage.ts',
];

/** Strings that only one part of the built UI holds, whichever file it was built from. */
export const MARKER = {
  banner: 'rcp-banner__inner',
  dialog: 'rcp-dialog__header',
  policy: 'rcp-policy__section',
  /** Radix's dialog, which only the preferences dialog may bring. */
  radix: '"DialogContent"',
  /** The embed's placeholder, which loads where a `<ConsentEmbed>` waits for consent. */
  embed: 'rcp-embed__actions',
  /** i18next, which the preferences dialog and the policy page bring, never the main chunk or the banner. */
  i18next: 'hasLanguageSomeTranslations',
};

/**
 * A phrase of each language's banner texts (`consent.json`), in ASCII because esbuild escapes other
 * characters: a chunk with one of these and no other language's is that language's texts.
 */
export const LANGUAGE_MARKER = {
  fi: 'ja yksityisyytesi',
  en: 'Cookies and your privacy',
  sv: 'Kakor och din integritet',
};

/**
 * A phrase of each language's texts of the demo shop (`locales/<language>/shop-policy.json`, given as
 * `<ConsentProvider texts>`), in ASCII: the shop's words of one language count with that language's texts.
 */
export const SHOP_TEXTS_MARKER = {
  fi: 'Tunnistaa palaavan asiakkaan',
  en: 'Recognizes you as a returning customer',
  sv: 'Identifierar en ',
};

/**
 * A phrase of each language's details (`consent-details.json`: the dialog's and the policy page's words), in
 * ASCII; each language is a chunk of its own, which the dialog and the policy page load on demand.
 */
export const DETAILS_MARKER = {
  fi: 'Suostumuksen tunniste',
  en: 'Consent ID',
  sv: 'Spara valen',
};

/**
 * A phrase of each language's embed words (`consent-embed.json`: what an embed's placeholder says), in
 * ASCII; each language is a chunk of its own, which the placeholder loads, never the banner.
 */
export const EMBED_TEXTS_MARKER = {
  fi: 'Lataa kartta',
  en: 'Load this map',
  sv: 'Ladda kartan',
};
