// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS as SCRIPTS_CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { CHROMIUM_ARGS, findChromium } from '../../src/scanner/find-chromium';
import { allowedLifetime } from '../../src/scanner/findings';
import { policyDuration } from '../../src/scanner/policy-draft';
import { ScanError } from '../../src/scanner/scan-error';
import { pageUrl } from '../../src/scanner/site-urls';
import { parseSitemap } from '../../src/scanner/sitemap';

describe('the scanner’s parts, without a browser', () => {
  test('the scan drives the same quiet Chromium as the project’s browser scripts', () => {
    expect(CHROMIUM_ARGS).toEqual(SCRIPTS_CHROMIUM_ARGS);
  });

  test('CHROMIUM_PATH wins, then a common path, then Playwright’s own; none is a ScanError', () => {
    const exists = (paths: string[]) => (path: string) => paths.includes(path);
    expect(findChromium({ env: { CHROMIUM_PATH: '/opt/c' }, exists: exists(['/opt/c', '/usr/bin/chromium']) })).toBe(
      '/opt/c',
    );
    expect(
      findChromium({ env: {}, exists: exists(['/usr/bin/google-chrome', '/pw']), playwrightPath: () => '/pw' }),
    ).toBe('/usr/bin/google-chrome');
    expect(findChromium({ env: {}, exists: exists(['/pw']), playwrightPath: () => '/pw' })).toBe('/pw');
    expect(() => findChromium({ env: {}, exists: () => false, playwrightPath: () => '/pw' })).toThrow(ScanError);
    expect(() => findChromium({ env: { CHROMIUM_PATH: '/gone' }, exists: exists(['/usr/bin/chromium']) })).toThrow(
      /CHROMIUM_PATH is \/gone/,
    );
  });

  test('a cookie may outlive its declaration by a minute and 1%, not more', () => {
    expect(allowedLifetime(3_600_000)).toBe(3_600_000 + 60_000 + 36_000);
    expect(allowedLifetime(0)).toBe(60_000);
  });

  test('an observed lifetime becomes a policy duration rounded up, so the declaration covers it', () => {
    expect(policyDuration(45_000)).toBe('45s');
    expect(policyDuration(600_000)).toBe('10min');
    expect(policyDuration(600_001)).toBe('11min');
    expect(policyDuration(24 * 3_600_000)).toBe('24h');
    expect(policyDuration(30 * 86_400_000)).toBe('30d');
    expect(policyDuration(400 * 86_400_000)).toBe('14mo');
    expect(policyDuration(5 * 365.2425 * 86_400_000)).toBe('5y');
  });

  test('a sitemap lists its pages or its sitemaps; an HTML page served in its place lists nothing; a huge one is cut', () => {
    expect(parseSitemap('<urlset><url><loc> https://a.example/x?a=1&amp;b=2 </loc></url></urlset>').pages).toEqual([
      'https://a.example/x?a=1&b=2',
    ]);
    expect(parseSitemap('<sitemapindex><sitemap><loc><![CDATA[/s1.xml]]></loc></sitemap></sitemapindex>')).toEqual({
      pages: [],
      sitemaps: ['/s1.xml'],
    });
    expect(parseSitemap('<!doctype html><html><body><loc>/x</loc></body></html>').pages).toEqual([]);
    const huge = `<urlset>${'<url><loc>/p</loc></url>'.repeat(100_000)}</urlset>`;
    expect(parseSitemap(huge).pages).toHaveLength(1000);
  });

  test('the crawl keeps pages of the scanned origin only, without their fragment, and no files', () => {
    const origin = 'https://shop.example';
    expect(pageUrl('/en/products#top', origin)).toBe('https://shop.example/en/products');
    expect(pageUrl('https://other.example/', origin)).toBeNull();
    expect(pageUrl('http://shop.example/', origin)).toBeNull();
    expect(pageUrl('mailto:a@shop.example', origin)).toBeNull();
    expect(pageUrl('/terms.pdf', origin)).toBeNull();
    expect(pageUrl(`/${'a'.repeat(3000)}`, origin)).toBeNull();
    expect(pageUrl('http://[bad', origin)).toBeNull();
  });
});
