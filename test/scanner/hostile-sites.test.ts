// @vitest-environment node
import { describe, expect, test } from 'vitest';
import type { Handler } from './support/fixture-server';
import { fixtureScannerForThisFile, kindsOf, pathOf } from './support/scan-fixture';

const scan = fixtureScannerForThisFile();

/** Requests that reached this machine under another site's name: anything that got past the scan's blocking. */
const escaped: string[] = [];

/**
 * A site that sends the scan everywhere: an endless link chain, a huge sitemap listing `first` first, a redirect to
 * another host.
 */
const hostileSite =
  (first: readonly string[]): Handler =>
  (request, response, pathname) => {
    if (request.headers.host?.startsWith('elsewhere.scan.example')) {
      escaped.push(pathname);
      response.writeHead(200, { 'content-type': 'text/html' }).end('<title>Elsewhere</title>');
      return true;
    }
    const loop = /^\/loop\/(\d+)$/.exec(pathname);
    if (loop) {
      const next = Number(loop[1]) + 1;
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        `<!doctype html><title>Loop ${loop[1]}</title><a href="/loop/${next}">next</a><a href="/loop/${next}?again=${next}">again</a>`,
      );
      return true;
    }
    if (pathname === '/away') {
      // Another host that this machine answers to (SCAN_EXAMPLE_ARGS): a request that got out would arrive here.
      const port = request.headers.host?.split(':')[1];
      response.writeHead(302, { location: `http://elsewhere.scan.example:${port}/landing` }).end();
      return true;
    }
    if (pathname === '/sitemap.xml') {
      response.writeHead(200, { 'content-type': 'application/xml' });
      const listed = first.map((path) => `<url><loc>${path}</loc></url>`);
      const endless = Array.from({ length: 200_000 }, (_, index) => `<url><loc>/loop/${1000 + index}</loc></url>`);
      response.end(`<?xml version="1.0"?><urlset>${listed.join('')}${endless.join('')}</urlset>`);
      return true;
    }
    return false;
  };

describe('given a site that tries to break the scanner', () => {
  test('the scan keeps to its page budget, stops and notes a redirect to another host, and survives dialogs and popups', async () => {
    const result = await scan('hostile', {
      pages: 7,
      handle: hostileSite(['/away', '/alert', '/popup']),
      timing: { loadTimeout: 4000 },
    });

    expect(result.pages.map((page) => pathOf(page.url))).toEqual([
      '/',
      '/away',
      '/alert',
      '/popup',
      '/loop/1000',
      '/loop/1001',
      '/loop/1002',
    ]);
    const visits = (path: string) => result.pages.find((page) => pathOf(page.url) === path)?.visits ?? [];
    expect(visits('/away').map((visit) => visit.leftTo)).toEqual(Array(5).fill('elsewhere.scan.example'));
    expect(escaped, 'requests that left through the redirect').toEqual([]);
    expect(visits('/away').every((visit) => visit.error === null)).toBe(true);
    expect(visits('/alert').every((visit) => visit.error === null && visit.snapshots.length > 0)).toBe(true);
    expect(visits('/popup').map((visit) => visit.error)).toEqual(Array(5).fill(null));
    // The popup's request to another host was recorded (and aborted): a host no service lists.
    expect(result.findings.map((finding) => `${finding.kind} ${finding.item.name}`)).toContain(
      'undeclared-host popup.example',
    );
    expect(kindsOf(result)).toEqual(['before-consent', 'undeclared-host']);
    expect(result.findings.every((finding) => finding.pages.map(pathOf).join() === '/popup')).toBe(true);
  });

  // A scan of its own: a page that holds a core of its own for three load times at a visit would starve the
  // other pages' visits running beside it, on a two-core machine, past their load timeout.
  test('a page that never lets its main thread go ends each of its visits with an error, and the scan goes on', async () => {
    const result = await scan('hostile', { pages: 2, handle: hostileSite(['/busy']), timing: { loadTimeout: 4000 } });

    expect(result.pages.map((page) => pathOf(page.url))).toEqual(['/', '/busy']);
    const visits = (path: string) => result.pages.find((page) => pathOf(page.url) === path)?.visits ?? [];
    expect(visits('/busy')).toHaveLength(5);
    expect(visits('/busy').every((visit) => visit.error !== null)).toBe(true);
  });
});

describe('given cookies set on the parent domain of the scanned host', () => {
  test('they are judged with their domain, as first-party cookies, and the consent cookie reaches the page there', async () => {
    const result = await scan('parent-domain', { host: 'www.scan.example', pages: 1 });

    expect(
      result.findings.map(
        (finding) => `${finding.kind} ${finding.item.name} ${finding.item.domain} @ ${finding.state}`,
      ),
    ).toEqual([
      'undeclared partner .scan.example @ undecided',
      'undeclared partner .scan.example @ rejected',
      'undeclared partner .scan.example @ accepted',
      'undeclared partner .scan.example @ only-analytics',
      'undeclared partner .scan.example @ only-marketing',
      'before-consent _stats .scan.example @ undecided',
    ]);
    const cookies = result.pages[0]?.visits.find((visit) => visit.state === 'accepted')?.snapshots[0]?.storage ?? [];
    expect(cookies.find((item) => item.name === 'cookie_consent')).toMatchObject({
      domain: '.scan.example',
      party: 'first',
    });
  });
});
