import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  // The shop's product images, so that the whole-shop story looks like the shop.
  staticDirs: ['../examples/shop/public'],
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      resolve: {
        alias: [
          { find: /^react-consent-policy\/core$/, replacement: src('core/index.ts') },
          { find: /^react-consent-policy$/, replacement: src('index.ts') },
        ],
      },
    }),
};

export default config;
