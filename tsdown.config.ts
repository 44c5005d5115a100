import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', core: 'src/core/index.ts', admin: 'src/admin/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    dts: { sourcemap: true },
    sourcemap: true,
    clean: true,
    // The opt-in stylesheets, published as `react-consent-policy/styles.css` and `react-consent-policy/embed.css`.
    copy: [
      { from: 'src/ui/styles.css', to: 'dist' },
      { from: 'src/ui/embed.css', to: 'dist' },
    ],
    external: [/^react($|\/)/, /^react-dom($|\/)/, /^i18next/, /^react-i18next/, /^@radix-ui\//],
  },
  // The consent log for the shop's server (`react-consent-policy/server`), for Node: no React, no DOM. Its
  // database clients are optional peers, loaded by `import()` only when used, never bundled.
  {
    entry: { server: 'src/server/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'node',
    fixedExtension: false,
    dts: { sourcemap: true },
    sourcemap: true,
    clean: false,
    external: [/^@electric-sql\/pglite/, /^pg$/],
  },
  // The shop's tools, for Node: the command line (`bin`).
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    fixedExtension: false,
    dts: false,
    sourcemap: true,
    clean: false,
    external: [/^@electric-sql\/pglite/, /^pg$/, /^esbuild$/],
  },
]);
