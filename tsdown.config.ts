import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', core: 'src/core/index.ts' },
  format: ['esm', 'cjs'],
  platform: 'neutral',
  dts: { sourcemap: true },
  sourcemap: true,
  clean: true,
  external: [/^react($|\/)/, /^react-dom($|\/)/, /^i18next/, /^react-i18next/, /^@radix-ui\//],
});
