import type { Party, StorageKind } from '../core/policy';

/** What a scan finds stored: the policy's kinds, and IndexedDB databases, which no policy can declare yet. */
export type ObservedKind = StorageKind | 'indexedDB';

/** One cookie, Web Storage key or IndexedDB database, as the browser held it. */
export interface ObservedItem {
  readonly kind: ObservedKind;
  readonly name: string;
  /** Cookies: the Domain the browser keeps it for ('.shop.example' for a domain cookie). */
  readonly domain?: string;
  /** Cookies: its Path. */
  readonly path?: string;
  /** Cookies: when it expires, ms since the epoch; null for a session cookie. */
  readonly expires?: number | null;
  /** First party when its domain is the scanned site's (a subdomain or a parent domain of it). */
  readonly party: Party;
  /** When the scan read it, ms since the epoch. */
  readonly seenAt: number;
}

/** One request the page tried to make to another host: recorded, then aborted, so that nothing left. */
export interface ObservedRequest {
  readonly url: string;
  readonly host: string;
  readonly method: string;
  /** Playwright's resource type ('script', 'image', 'xhr', 'websocket', ...). */
  readonly type: string;
  readonly party: Party;
  /** The page itself navigating to another host (a link followed, a redirect): the visitor leaving, not a tag. */
  readonly navigation: boolean;
}

/** What one state of one page held and sent. */
export interface Snapshot {
  readonly state: string;
  readonly storage: readonly ObservedItem[];
  readonly requests: readonly ObservedRequest[];
}

/** One visit of one page in one consent state (the undecided one gives two snapshots: before and after scrolling). */
export interface Visit {
  readonly page: string;
  readonly state: string;
  readonly snapshots: readonly Snapshot[];
  /** The HTTP status of the page, when it loaded. */
  readonly status: number | null;
  /** Where the page ended up: another address of the site after a redirect, or the same. */
  readonly finalUrl: string | null;
  /** The host the page sent the visitor to, when it left the site: it was not scanned any further. */
  readonly leftTo: string | null;
  /** Why the visit failed (a timeout, a crash, a network error); null when it did not. */
  readonly error: string | null;
  /** The page's links, read while undecided (the crawl follows them). */
  readonly links: readonly string[];
  readonly durationMs: number;
}
