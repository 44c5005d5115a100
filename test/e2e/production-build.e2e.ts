import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { SHOP_DIST } from './global-setup';

/** The repository's absolute path on the machine that built the shop, without the trailing slash. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * What the browser tests load is what a visitor would: the shop's production build, served from
 * examples/shop/dist. A build made for development (React's jsxDEV, which also writes each component's
 * source path) would let the tests pass on code no shop ships, and would publish the building machine's paths.
 */
describe('the demo shop the browser tests serve', () => {
  const files = filesUnder(SHOP_DIST).filter((file) => TEXT.has(extname(file)));

  test('is built for production: no development JSX, no path of the machine that built it', () => {
    expect(files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(0);
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const name = relative(SHOP_DIST, file);
      return [
        ...(text.includes('jsxDEV') ? [`${name}: jsxDEV`] : []),
        ...(text.includes(ROOT) ? [`${name}: ${ROOT}`] : []),
      ];
    });
    expect(found, 'rebuild with NODE_ENV=production (test/e2e/global-setup.ts)').toEqual([]);
  });
});
