/**
 * Why a scan could not run at all (bad URL, unreachable site, no browser, bad policy file): the command line
 * prints the message and exits with 2. Anything the scan finds wrong with the site is a finding instead.
 */
export class ScanError extends Error {
  override name = 'ScanError';
}
