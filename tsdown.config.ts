import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', core: 'src/core/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    dts: { sourcemap: true },
    sourcemap: true,
    clean: true,
    // The opt-in stylesheet, published as `react-consent-policy/styles.css`.
    copy: [{ from: 'src/ui/styles.css', to: 'dist' }],
    external: [/^react($|\/)/, /^react-dom($|\/)/, /^i18next/, /^react-i18next/, /^@radix-ui\//],
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
  },
]);
