import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { type StaticServer, serveStatic } from '../../scripts/lib/static-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../../node_modules/.bin/${name}`, import.meta.url));

export const SHOP_DIST = fileURLToPath(new URL('../../examples/shop/dist', import.meta.url));
export const STORYBOOK_DIST = fileURLToPath(new URL('../../storybook-static', import.meta.url));

/**
 * Builds as for a visitor: vitest sets NODE_ENV to 'test', and a build run under it compiles React's
 * development JSX (jsxDEV, with the building machine's paths in it) and keeps development-only code.
 */
function run(command: string, args: string[]) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  console.log(`${args.slice(0, 2).join(' ')} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    shopUrl: string;
    storybookUrl: string | null;
  }
}

/**
 * Builds the demo shop and the Storybook as a visitor gets them, production builds
 * (E2E_REUSE_BUILD=1 keeps existing builds), then serves both from 127.0.0.1 for the whole run.
 */
export default async function setup(project: TestProject) {
  const reuse = process.env.E2E_REUSE_BUILD === '1';
  if (!reuse || !existsSync(SHOP_DIST))
    run(bin('vite'), ['build', '--config', 'examples/shop/vite.config.ts', '--logLevel', 'warn']);
  const hasStorybook = existsSync(`${root}/.storybook/main.ts`);
  if (hasStorybook && (!reuse || !existsSync(STORYBOOK_DIST)))
    run(bin('storybook'), ['build', '--quiet', '--output-dir', STORYBOOK_DIST, '--disable-telemetry']);

  const servers: StaticServer[] = [];
  const shop = await serveStatic(SHOP_DIST, { spaFallback: true, consentLog: true });
  servers.push(shop);
  project.provide('shopUrl', shop.url);
  let storybookUrl: string | null = null;
  if (hasStorybook) {
    const storybook = await serveStatic(STORYBOOK_DIST);
    servers.push(storybook);
    storybookUrl = storybook.url;
  }
  project.provide('storybookUrl', storybookUrl);

  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
