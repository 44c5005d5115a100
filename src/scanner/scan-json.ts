import { FINDING_KINDS, type Finding, type FindingKind } from './findings';
import type { ScanResult } from './scan-site';

/** The version of the JSON report's schema: bumped when a field changes meaning or goes; new fields keep it. */
export const SCAN_JSON_VERSION = 1;

/** Where the policy came from, for the report's header. */
export interface PolicySource {
  readonly file: string;
  readonly exportName: string;
  readonly revision: number;
}

/** The JSON report (`--json <file>`); docs/scanner.md describes each field. */
export interface ScanJson {
  version: typeof SCAN_JSON_VERSION;
  url: string;
  origin: string;
  startedAt: string;
  durationMs: number;
  policy: { file: string; export: string; revision: number };
  sitemap: boolean;
  states: { id: string; label: string; granted: string[] | null }[];
  pages: {
    url: string;
    visits: {
      state: string;
      status: number | null;
      finalUrl: string | null;
      leftTo: string | null;
      error: string | null;
      durationMs: number;
      snapshots: {
        state: string;
        cookies: { name: string; domain: string; path: string; expires: string | null; party: string }[];
        localStorage: string[];
        sessionStorage: string[];
        indexedDB: string[];
        requests: { url: string; host: string; method: string; type: string; party: string; navigation: boolean }[];
      }[];
    }[];
  }[];
  findings: Finding[];
  summary: { pages: number; visits: number; findings: number; errors: number; byKind: Record<FindingKind, number> };
}

/** The number of visits that failed (not a page that left the site: that is where its visit ends). */
export function failedVisits(result: ScanResult): number {
  return result.pages.reduce((sum, page) => sum + page.visits.filter((visit) => visit.error !== null).length, 0);
}

/** The scan as the JSON report holds it: plain data, dates as ISO strings, in the order the scan visited. */
export function scanJson(result: ScanResult, source: PolicySource): ScanJson {
  const byKind = Object.fromEntries(
    FINDING_KINDS.map((kind) => [kind, result.findings.filter((finding) => finding.kind === kind).length]),
  ) as Record<FindingKind, number>;
  return {
    version: SCAN_JSON_VERSION,
    url: result.url,
    origin: result.origin,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    policy: { file: source.file, export: source.exportName, revision: source.revision },
    sitemap: result.sitemap,
    states: result.states.map((state) => ({
      id: state.id,
      label: state.label,
      granted: state.choices
        ? Object.entries(state.choices)
            .filter(([, granted]) => granted)
            .map(([name]) => name)
        : null,
    })),
    pages: result.pages.map((page) => ({
      url: page.url,
      visits: page.visits.map((visit) => ({
        state: visit.state,
        status: visit.status,
        finalUrl: visit.finalUrl,
        leftTo: visit.leftTo,
        error: visit.error,
        durationMs: visit.durationMs,
        snapshots: visit.snapshots.map((snapshot) => ({
          state: snapshot.state,
          cookies: snapshot.storage
            .filter((item) => item.kind === 'cookie')
            .map((item) => ({
              name: item.name,
              domain: item.domain ?? '',
              path: item.path ?? '/',
              expires: typeof item.expires === 'number' ? new Date(item.expires).toISOString() : null,
              party: item.party,
            })),
          localStorage: snapshot.storage.filter((item) => item.kind === 'localStorage').map((item) => item.name),
          sessionStorage: snapshot.storage.filter((item) => item.kind === 'sessionStorage').map((item) => item.name),
          indexedDB: snapshot.storage.filter((item) => item.kind === 'indexedDB').map((item) => item.name),
          requests: snapshot.requests.map((request) => ({ ...request })),
        })),
      })),
    })),
    findings: [...result.findings],
    summary: {
      pages: result.pages.length,
      visits: result.pages.reduce((sum, page) => sum + page.visits.length, 0),
      findings: result.findings.length,
      errors: failedVisits(result),
      byKind,
    },
  };
}
