// The layers of src/ and the chunk boundary of the UI, checked by `npm test` (`npm run lint:deps`).
// docs/architecture.md draws the same picture. Type-only imports and `import()` count as dependencies too.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, also through types or import(), cannot be read, split or loaded alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-framework-free',
      severity: 'error',
      comment:
        'src/core runs on any server and in any framework: no React, i18next, Radix, and nothing of the other layers.',
      from: { path: '^src/core/' },
      to: { path: ['^src/(react|i18n|ui)/', 'node_modules/(react|react-dom|i18next|react-i18next|@radix-ui)/'] },
    },
    {
      name: 'react-imports-only-core',
      severity: 'error',
      comment:
        'The headless React layer (provider, hooks) stands on the core alone; the text and UI layers build on it.',
      from: { path: '^src/react/' },
      to: { path: ['^src/(i18n|ui)/', 'node_modules/(i18next|react-i18next|@radix-ui)/'] },
    },
    {
      name: 'i18n-imports-only-core',
      severity: 'error',
      comment: 'The wiring of the locale files into i18next knows the core, never the React layer or the UI.',
      from: { path: '^src/i18n/' },
      to: { path: '^src/(react|ui)/' },
    },
    {
      name: 'languages-stay-plain',
      severity: 'error',
      comment:
        "The UI's languages (src/i18n/languages.ts) are read by the server too: they import nothing but the core.",
      from: { path: '^src/i18n/languages[.]ts$' },
      to: { pathNot: '^src/core/' },
    },
    {
      name: 'server-imports-only-core',
      severity: 'error',
      comment:
        "The consent log (react-consent-policy/server) runs on Node without React or a DOM: of the library it uses the core alone, and the list of the UI's languages with the rule that picks one (the banner's preload hints must pick the language the banner will show).",
      from: { path: '^src/server/' },
      to: {
        path: [
          '^src/(react|i18n|ui|cli)/',
          '^src/index[.]ts$',
          'node_modules/(react|react-dom|i18next|react-i18next|@radix-ui)/',
        ],
        pathNot: '^src/i18n/languages[.]ts$',
      },
    },
    {
      name: 'admin-imports-only-core-and-log-types',
      severity: 'error',
      comment:
        "The staff's statistics (react-consent-policy/admin) are React and the core, with the consent log's types: no server code, no consent UI, no i18next.",
      from: { path: '^src/admin/' },
      to: {
        path: [
          '^src/(react|i18n|ui|cli|server)/',
          '^src/index[.]ts$',
          'node_modules/(i18next|react-i18next|@radix-ui)/',
        ],
        pathNot: '^src/server/consent-log-types[.]ts$',
      },
    },
    {
      name: 'browser-layers-never-import-server-or-cli',
      severity: 'error',
      comment:
        "What a page loads never reaches the shop's server code, command line (Node modules, database clients) or staff statistics.",
      from: { path: ['^src/(core|react|ui|i18n)/', '^src/index[.]ts$'] },
      to: { path: '^src/(server|cli|admin)/' },
    },
    {
      name: 'panels-never-import-their-loader',
      severity: 'error',
      comment:
        'An on-demand panel shares with the page that loads it only types (ui/first-load/panel-contract.ts); what it uses of the first load arrives as the `kit` prop. Anything else would be a cycle through the loader, or a module split into a chunk of its own.',
      from: { path: '^src/ui/panels/' },
      to: { path: '^src/ui/first-load/', pathNot: '^src/ui/first-load/panel-contract[.]ts$' },
    },
    {
      name: 'first-load-loads-panels-on-demand',
      severity: 'error',
      comment: 'What a page loads first reaches the banner, the dialog and the policy page only through import().',
      from: { path: '^src/(ui/first-load|react|core|i18n)/' },
      to: { path: '^src/ui/panels/', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'scanner-imports-only-core',
      severity: 'error',
      comment:
        'The policy scanner (Node, Chromium) reads the policy with the core alone: no React, i18next, Radix, UI, or the command line that runs it.',
      from: { path: '^src/scanner/' },
      to: {
        path: [
          '^src/(react|i18n|ui|cli|server)/',
          '^src/index[.]ts$',
          'node_modules/(react|react-dom|i18next|react-i18next|@radix-ui)/',
        ],
      },
    },
    {
      name: 'library-never-imports-tools',
      severity: 'error',
      comment:
        'What a page loads (core, react, ui, i18n) never reaches the Node tools: the scanner and the command line need Node and a browser.',
      from: { path: '^src/(core|react|ui|i18n)/' },
      to: { path: '^src/(scanner|cli)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
