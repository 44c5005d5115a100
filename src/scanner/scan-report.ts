import { FINDING_KINDS, type Finding } from './findings';
import { failedVisits, type PolicySource } from './scan-json';
import type { ScanResult } from './scan-site';
import type { Style } from './terminal-style';

/** An address as short as it reads: its path on the scanned site. */
const shortUrl = (url: string, origin: string) => (url.startsWith(origin) ? url.slice(origin.length) || '/' : url);

/**
 * The report for people: what was scanned, then the findings grouped by the pages they were found on (a finding on
 * every page is one group), each with its state, then the pages that could not be scanned, then a count.
 */
export function scanReport(result: ScanResult, source: PolicySource, style: Style): string {
  const out: string[] = [];
  const short = (url: string) => shortUrl(url, result.origin);
  const visits = result.pages.reduce((sum, page) => sum + page.visits.length, 0);
  out.push(
    `${style.bold('react-consent-policy scan')} ${result.url}`,
    style.dim(
      `policy: ${source.exportName} in ${source.file} (revision ${source.revision}); ${result.pages.length} pages, ${visits} visits in ${(result.durationMs / 1000).toFixed(1)} s${result.sitemap ? '; sitemap.xml read' : ''}`,
    ),
    style.dim(`states: ${result.states.map((state) => state.id).join(', ')}`),
    '',
  );

  const groups = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const key = finding.pages.join('\n');
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  const width = Math.max(...result.states.map((state) => state.id.length), 0);
  const kindWidth = Math.max(...FINDING_KINDS.map((kind) => kind.length));
  for (const [key, findings] of groups) {
    const pages = key.split('\n');
    const heading =
      pages.length === result.pages.length && pages.length > 1
        ? `On every page (${pages.length})`
        : pages.length > 3
          ? `On ${pages.length} pages: ${pages.slice(0, 3).map(short).join(', ')}, …`
          : `On ${pages.map(short).join(', ')}`;
    out.push(style.bold(heading));
    for (const finding of findings) {
      out.push(
        `  ${style.dim(finding.state.padEnd(width))}  ${style.red(finding.kind.padEnd(kindWidth))}  ${finding.message}`,
      );
    }
    out.push('');
  }

  const notScanned = result.pages.flatMap((page) =>
    page.visits
      .filter((visit) => visit.error !== null || visit.leftTo !== null)
      .map(
        (visit) =>
          `  ${short(page.url)} ${style.dim(`(${visit.state})`)}: ${
            visit.error !== null ? style.yellow(`not scanned: ${visit.error}`) : `sends the visitor to ${visit.leftTo}`
          }`,
      ),
  );
  if (notScanned.length > 0) out.push(style.bold('Not scanned'), ...notScanned, '');

  const errors = failedVisits(result);
  if (result.findings.length === 0) {
    out.push(
      style.green(
        `No findings: ${errors > 0 ? 'the pages scanned keep' : 'every page keeps'} the policy in every consent state.`,
      ),
    );
  } else {
    const counts = FINDING_KINDS.map(
      (kind) => [kind, result.findings.filter((finding) => finding.kind === kind).length] as const,
    )
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${count} ${kind}`);
    out.push(
      style.red(`${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}: ${counts.join(', ')}.`),
    );
  }
  if (errors > 0) out.push(style.yellow(`${errors} visit${errors === 1 ? '' : 's'} could not be scanned.`));
  return `${out.join('\n')}\n`;
}
