import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The command line as it is published: the tests run `node dist/cli.js scan ...`. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/**
 * Builds the package (dist/cli.js, and dist/core.js that the JavaScript policy modules import by the package's
 * name) once for the run; SCAN_REUSE_BUILD=1 keeps an existing build while working on the tests.
 */
export default function setup() {
  if (process.env.SCAN_REUSE_BUILD === '1' && existsSync(CLI)) return;
  const started = Date.now();
  const result = spawnSync(fileURLToPath(new URL('../../node_modules/.bin/tsdown', import.meta.url)), [], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`tsdown failed (exit ${result.status})`);
  console.log(`tsdown took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
