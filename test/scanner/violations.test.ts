// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { fixtureScannerForThisFile, kindsOf, pathOf } from './support/scan-fixture';

const scan = fixtureScannerForThisFile();

/** What a finding is about, as `kind name @ state`, for readable comparisons. */
const summary = (result: Awaited<ReturnType<typeof scan>>) =>
  result.findings
    .map((finding) => `${finding.kind} ${finding.item.kind}:${finding.item.name} @ ${finding.state}`)
    .sort();

describe('given a site that keeps its policy', () => {
  test('the scan finds nothing, in any state, on the pages its links and its sitemap lead to', async () => {
    const result = await scan('clean');

    expect(result.findings).toEqual([]);
    expect(result.pages.map((page) => pathOf(page.url))).toEqual(['/', '/hidden', '/about']);
    expect(result.sitemap).toBe(true);
    expect(result.states.map((state) => state.id)).toEqual([
      'undecided',
      'undecided-scrolled',
      'rejected',
      'accepted',
      'only-analytics',
      'only-marketing',
    ]);
    // It did see the site's storage and tags, so "nothing" is not "nothing seen".
    const accepted = result.pages[0]?.visits.find((visit) => visit.state === 'accepted')?.snapshots[0];
    expect(accepted?.storage.map((item) => item.name).sort()).toEqual(
      ['_stats', '_stats_a1b2', 'ad_id', 'cart', 'cookie_consent', 'session'].sort(),
    );
    expect(accepted?.requests.map((request) => request.host).sort()).toEqual(['ads.example', 'stats.example']);
    // The link to another host and the file were not followed, and no visit failed.
    expect(result.pages.flatMap((page) => page.visits.map((visit) => visit.error))).not.toContain(expect.any(String));
  });
});

describe('given a site with one kind of violation', () => {
  test('undeclared: a cookie, a sessionStorage key and an IndexedDB database no service declares, in every state', async () => {
    const result = await scan('undeclared');

    expect(kindsOf(result)).toEqual(['undeclared']);
    const items = [...new Set(result.findings.map((finding) => `${finding.item.kind}:${finding.item.name}`))].sort();
    expect(items).toEqual(['cookie:mystery', 'indexedDB:offline-cache', 'sessionStorage:scratch']);
    const mystery = result.findings.filter((finding) => finding.item.name === 'mystery');
    expect(mystery.map((finding) => finding.state)).toEqual([
      'undecided',
      'rejected',
      'accepted',
      'only-analytics',
      'only-marketing',
    ]);
    // One finding per state, listing both pages.
    expect(mystery[0]?.pages.map(pathOf)).toEqual(['/', '/about']);
  });

  test('before-consent: an analytics cookie and request while undecided, and an ad once the visitor scrolls', async () => {
    const result = await scan('before-consent');

    expect(kindsOf(result)).toEqual(['before-consent']);
    expect(summary(result)).toEqual([
      'before-consent cookie:_stats @ undecided',
      'before-consent request:ads.example @ undecided-scrolled',
      'before-consent request:stats.example @ undecided',
    ]);
    expect(result.findings[0]?.category).toBe('analytics');
  });

  test('not-granted: analytics stored and sent after a refusal, and while only marketing is granted', async () => {
    const result = await scan('not-granted');

    expect(kindsOf(result)).toEqual(['not-granted']);
    expect(summary(result)).toEqual([
      'not-granted cookie:_stats @ only-marketing',
      'not-granted cookie:_stats @ rejected',
      'not-granted request:stats.example @ only-marketing',
      'not-granted request:stats.example @ rejected',
    ]);
  });

  test('too-long: a session cookie set for 30 days where the policy allows an hour', async () => {
    const result = await scan('too-long');

    expect(kindsOf(result)).toEqual(['too-long']);
    const finding = result.findings[0];
    expect(finding?.item.name).toBe('session');
    expect(finding?.lifetime?.declared).toBe(3_600_000);
    expect(finding?.lifetime?.observed).toBeGreaterThan(29 * 86_400_000);
    expect(finding?.message).toMatch(/30 days.*1 hour|30 days/);
  });

  test('undeclared-host: a tag from a host no service lists, once analytics is granted', async () => {
    const result = await scan('undeclared-host');

    expect(kindsOf(result)).toEqual(['undeclared-host']);
    expect(summary(result)).toEqual([
      'undeclared-host request:cdn.unlisted.example @ accepted',
      'undeclared-host request:cdn.unlisted.example @ only-analytics',
    ]);
    expect(result.findings[0]?.example).toBe('https://cdn.unlisted.example/tag.js');
  });
});
