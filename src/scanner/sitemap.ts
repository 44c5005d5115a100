/** What a sitemap file lists: pages, or further sitemaps (a sitemap index). */
export interface Sitemap {
  readonly pages: readonly string[];
  readonly sitemaps: readonly string[];
}

/** The most `<loc>` entries read from one file: a scan visits a few dozen pages, not fifty thousand. */
const MOST_ENTRIES = 1000;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Reads the `<loc>` addresses of a sitemap (sitemaps.org), at most `MOST_ENTRIES` of them, without a full XML
 * parser: anything that is not a `<urlset>` or `<sitemapindex>` (an HTML page a single-page app serves for every
 * path) lists nothing. Never throws.
 */
export function parseSitemap(text: string): Sitemap {
  const head = text.slice(0, 2000);
  const isIndex = /<(?:\w+:)?sitemapindex[\s>]/.test(head);
  if (!isIndex && !/<(?:\w+:)?urlset[\s>]/.test(head)) return { pages: [], sitemaps: [] };
  const found: string[] = [];
  const pattern = /<(?:\w+:)?loc>\s*(?:<!\[CDATA\[)?([^<\]]*?)(?:\]\]>)?\s*<\/(?:\w+:)?loc>/g;
  for (let match = pattern.exec(text); match && found.length < MOST_ENTRIES; match = pattern.exec(text)) {
    found.push((match[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '').trim());
  }
  return isIndex ? { pages: [], sitemaps: found } : { pages: found, sitemaps: [] };
}
