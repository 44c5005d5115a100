// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPolicy } from '../../src/scanner/load-policy';
import { ScanError } from '../../src/scanner/scan-error';
import { FIXTURES } from './support/fixture-server';

const policies = (name: string) => `${FIXTURES}policies/${name}`;

describe('given the policy module of a shop', () => {
  test('a TypeScript module is compiled, and the default export is read before a named one', async () => {
    const loaded = await loadPolicy(policies('two.ts'));
    expect(loaded.exportName).toBe('default');
    expect(loaded.policy.revision).toBe(3);
    expect(loaded.policy.categoryNames).toEqual(['necessary', 'analytics', 'marketing']);
  });

  test('--export picks another export', async () => {
    const loaded = await loadPolicy(policies('two.ts'), { exportName: 'nextPolicy' });
    expect(loaded.policy.revision).toBe(4);
  });

  test('the demo shop’s own policy loads, with its texts’ JSON imports beside it', async () => {
    const loaded = await loadPolicy('examples/shop-policy.ts');
    expect(loaded.exportName).toBe('shopPolicy');
    expect(loaded.policy.storage.map((item) => item.name)).toContain('_ga_*');
  });

  test('a JavaScript module is imported as it is, by the package name', async () => {
    const loaded = await loadPolicy(policies('plain.mjs'));
    expect(loaded.exportName).toBe('policy');
    expect(loaded.policy.categoryNames).toEqual(['necessary', 'analytics']);
  });
});

describe('given a hostile or broken policy module, the scan stops with a ScanError that says why', () => {
  const fails = async (path: string, message: RegExp, options = {}) => {
    const error = await loadPolicy(path, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ScanError);
    expect((error as Error).message).toMatch(message);
  };

  test('a file that does not exist', () => fails('no/such/policy.ts', /does not exist/));

  test('a module that does not compile names the place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-policy-test-'));
    writeFileSync(join(dir, 'broken.ts'), 'export const policy = definePolicy({ revision: 1, categories: {\n');
    return fails(join(dir, 'broken.ts'), /does not compile: .*broken\.ts:\d+/);
  });

  test('a module that throws as it loads', () =>
    fails(policies('throws.mjs'), /could not be loaded: this module fails/));

  test('a module that never finishes loading is given up on', () =>
    fails(policies('loops.mjs'), /did not finish loading within 1 s/, { timeout: 1000 }));

  test('a module that ends the process ends only its worker', () =>
    fails(policies('exits.mjs'), /ended the process while loading/));

  test('a module without a policy lists what it exports', () =>
    fails(policies('none.mjs'), /exports no policy .*callback, notAPolicy/));

  test('a policy edited after definePolicy is checked again, and its mistake named', () =>
    fails(policies('edited.mjs'), /not a valid policy: definePolicy: services\.stats\.storage\[0\]\.lifetime/));

  test('an export that is not there', () =>
    fails(policies('two.ts'), /no export "missing" \(it exports default, nextPolicy\)/, { exportName: 'missing' }));

  test('a default export whose getter throws is passed over for the policy beside it', async () => {
    const loaded = await loadPolicy(policies('getter.mjs'));
    expect(loaded.exportName).toBe('sitePolicy');
  });
});
