import type { ScanResult } from './scan-site';

/** Text as XML allows it in attributes and content: escaped, without the control characters XML 1.0 forbids. */
function xml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * The scan as JUnit XML, for a CI's test view: a test suite per page, a test case per consent state, a failure per
 * finding on that page in that state, an error where the visit failed, skipped where the page left the site.
 */
export function scanJunit(result: ScanResult): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const page of result.pages) {
    const cases: string[] = [];
    let pageFailures = 0;
    let pageErrors = 0;
    for (const state of result.states) {
      const visit = page.visits.find(
        (candidate) =>
          candidate.state === state.id || (state.id === 'undecided-scrolled' && candidate.state === 'undecided'),
      );
      const time = visit ? seconds(visit.durationMs) : '0.000';
      const found = result.findings.filter((finding) => finding.state === state.id && finding.pages.includes(page.url));
      const body: string[] = [];
      if (visit?.error) {
        body.push(`      <error type="visit" message="${xml(visit.error)}"/>`);
        pageErrors++;
      } else if (visit?.leftTo) {
        body.push(`      <skipped message="${xml(`the page sends the visitor to ${visit.leftTo}`)}"/>`);
      }
      for (const finding of found) {
        body.push(
          `      <failure type="${finding.kind}" message="${xml(finding.message)}">${xml(
            `${finding.kind}: ${finding.message}\ncategory: ${finding.category ?? '-'}; service: ${finding.service ?? '-'}${finding.example ? `\nrequest: ${finding.example}` : ''}\npages: ${finding.pages.join(' ')}`,
          )}</failure>`,
        );
      }
      pageFailures += found.length > 0 ? 1 : 0;
      tests++;
      cases.push(
        body.length === 0
          ? `    <testcase classname="${xml(page.url)}" name="${xml(state.id)}" time="${time}"/>`
          : [
              `    <testcase classname="${xml(page.url)}" name="${xml(state.id)}" time="${time}">`,
              ...body,
              '    </testcase>',
            ].join('\n'),
      );
    }
    failures += pageFailures;
    errors += pageErrors;
    const time = seconds(page.visits.reduce((sum, visit) => sum + visit.durationMs, 0));
    suites.push(
      `  <testsuite name="${xml(page.url)}" tests="${result.states.length}" failures="${pageFailures}" errors="${pageErrors}" skipped="0" time="${time}">`,
      ...cases,
      '  </testsuite>',
    );
  }
  lines.push(
    `<testsuites name="react-consent-policy scan ${xml(result.url)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds(result.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  );
  return lines.join('\n');
}
