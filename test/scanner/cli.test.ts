// @vitest-environment node
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ScanJson } from '../../src/scanner/scan-json';
import { FIXTURES, type FixtureServer, serveFixture } from './support/fixture-server';
import { runCli } from './support/run-cli';

const out = mkdtempSync(join(tmpdir(), 'scan-cli-test-'));
const policyOf = (site: string) => `${FIXTURES}${site}/policy.ts`;
const FAST = ['--settle', '100'];

let clean: FixtureServer;
let undeclared: FixtureServer;
beforeAll(async () => {
  [clean, undeclared] = await Promise.all([serveFixture('clean'), serveFixture('undeclared')]);
});
afterAll(async () => {
  await Promise.all([clean.close(), undeclared.close()]);
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('given the built command line', () => {
  test('a site that keeps its policy exits 0, and its JSON and JUnit reports say so', async () => {
    const json = join(out, 'clean.json');
    const junit = join(out, 'clean.xml');
    const run = await runCli([
      'scan',
      `${clean.url}/`,
      '--policy',
      policyOf('clean'),
      '--json',
      json,
      '--junit',
      junit,
      ...FAST,
    ]);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No findings: every page keeps the policy in every consent state.');
    const report = JSON.parse(readFileSync(json, 'utf8')) as ScanJson;
    expect(report).toMatchObject({
      version: 1,
      url: `${clean.url}/`,
      policy: { export: 'policy', revision: 3 },
      sitemap: true,
      findings: [],
      summary: { pages: 3, visits: 15, findings: 0, errors: 0 },
    });
    expect(report.states.map((state) => [state.id, state.granted])).toEqual([
      ['undecided', null],
      ['undecided-scrolled', null],
      ['rejected', ['necessary']],
      ['accepted', ['necessary', 'analytics', 'marketing']],
      ['only-analytics', ['necessary', 'analytics']],
      ['only-marketing', ['necessary', 'marketing']],
    ]);
    const accepted = report.pages[0]?.visits.find((visit) => visit.state === 'accepted')?.snapshots[0];
    expect(accepted?.cookies.find((cookie) => cookie.name === 'session')).toMatchObject({
      domain: '127.0.0.1',
      path: '/',
      party: 'first',
      expires: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(accepted?.localStorage).toEqual(['cart']);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites [^>]*tests="18" failures="0" errors="0"/,
    );
    expect(xml.match(/<testcase /g)).toHaveLength(18);
  });

  test('a site with findings exits 1; the reports list them, and the draft declares what was found, its guesses marked', async () => {
    const json = join(out, 'undeclared.json');
    const junit = join(out, 'undeclared.xml');
    const run = await runCli([
      'scan',
      `${undeclared.url}/`,
      '--policy',
      policyOf('undeclared'),
      '--json',
      json,
      '--junit',
      junit,
      '--draft',
      ...FAST,
    ]);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('On every page (2)');
    expect(run.stdout).toMatch(/undecided\s+undeclared\s+cookie "mystery" \(domain 127\.0\.0\.1\) is stored/);
    expect(run.stdout).toContain('15 findings: 15 undeclared.');
    expect(run.stdout).not.toContain('\u001b[');
    // The draft: seen without any consent, so it guesses the required category, and says it is a guess.
    expect(run.stdout).toContain("category: 'necessary', // guessed: necessary — confirm");
    expect(run.stdout).toMatch(/\{ name: 'mystery', kind: 'cookie', lifetime: '10min' \}, \/\/ observed: 10 minutes/);
    expect(run.stdout).toContain("// IndexedDB database 'offline-cache': a policy cannot declare IndexedDB yet.");
    const report = JSON.parse(readFileSync(json, 'utf8')) as ScanJson;
    expect(report.summary.byKind).toEqual({
      undeclared: 15,
      'before-consent': 0,
      'not-granted': 0,
      'too-long': 0,
      'undeclared-host': 0,
    });
    expect(report.findings[0]).toMatchObject({
      kind: 'undeclared',
      state: 'undecided',
      item: { kind: 'cookie', name: 'mystery', domain: '127.0.0.1' },
      pages: [`${undeclared.url}/`, `${undeclared.url}/about`],
      category: null,
      service: null,
    });
    const xml = readFileSync(junit, 'utf8');
    // Two pages, six states each: every test case but the scrolled one fails (it adds nothing new).
    expect(xml).toMatch(/<testsuites [^>]*tests="12" failures="10" errors="0"/);
    expect(xml).toContain(
      '<failure type="undeclared" message="cookie &quot;mystery&quot; (domain 127.0.0.1) is stored',
    );
  });

  test.each([
    ['an address that is none', () => ['scan', 'not a url', '--policy', policyOf('clean')], {}, /is not an address/],
    ['no policy file given', () => ['scan', `${clean.url}/`], {}, /Give the policy file with --policy/],
    [
      'a policy file without a policy',
      () => ['scan', `${clean.url}/`, '--policy', `${FIXTURES}policies/none.mjs`],
      {},
      /exports no policy/,
    ],
    [
      'a bad option',
      () => ['scan', `${clean.url}/`, '--policy', policyOf('clean'), '--pages', 'many'],
      {},
      /--pages must be a whole number/,
    ],
    [
      'no browser',
      () => ['scan', `${clean.url}/`, '--policy', policyOf('clean')],
      { CHROMIUM_PATH: '/nowhere/chromium' },
      /CHROMIUM_PATH is \/nowhere\/chromium, and there is no browser there/,
    ],
  ])('%s exits 2 with a message that says what to fix', async (_, args, env, message) => {
    const run = await runCli(args(), env);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  test('an unreachable site exits 2', async () => {
    const run = await runCli(['scan', `http://127.0.0.1:${await closedPort()}/`, '--policy', policyOf('clean')]);
    expect(run.stderr).toMatch(/could not be loaded: .*ERR_CONNECTION_REFUSED/);
    expect(run.code).toBe(2);
  });
});
