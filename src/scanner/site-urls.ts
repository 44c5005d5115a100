/**
 * File types a link may point to that are no page to scan: opening one downloads it or shows it bare, and it
 * would take a place in the page budget.
 */
const NOT_PAGES =
  /\.(?:pdf|zip|gz|tgz|rar|7z|dmg|exe|msi|jpe?g|png|gif|webp|avif|svg|ico|mp[34]|webm|mov|avi|wav|ogg|css|js|mjs|json|xml|txt|csv|xlsx?|docx?|pptx?|woff2?|ttf|otf)$/i;

/** The longest address the scan follows: longer ones are generated (session ids, loops), not pages. */
const LONGEST_URL = 2048;

/**
 * A page address of the scanned site, the way the scan counts pages: without its fragment; null when it is not
 * one (another origin, not http(s), a file download, unreadable, absurdly long).
 */
export function pageUrl(href: string, origin: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base ?? origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.origin !== origin) return null;
  if (NOT_PAGES.test(url.pathname)) return null;
  url.hash = '';
  return url.href.length > LONGEST_URL ? null : url.href;
}

/** A host name as browsers compare it: lower case, without the dot a cookie Domain may start with. */
export function normalHost(host: string): string {
  return host.toLowerCase().replace(/^\./, '').replace(/\.$/, '');
}

/** Whether `host` is `site` or one of its subdomains (a cookie Domain of `site` reaches it). */
export function withinSite(host: string, site: string): boolean {
  const a = normalHost(host);
  const b = normalHost(site);
  return a === b || a.endsWith(`.${b}`);
}

/**
 * Whether something of `host` belongs to the scanned site at `site`: the same host, a subdomain of it, or a
 * parent domain of it (`Domain=.shop.example` set from `www.shop.example`). Anything else is a third party.
 * Without the public suffix list, a parent domain is taken at its word: browsers refuse cookies on public
 * suffixes (`.co.uk`), so a cookie on one never exists to be judged.
 */
export function isFirstParty(host: string, site: string): boolean {
  return withinSite(host, site) || withinSite(site, host);
}
