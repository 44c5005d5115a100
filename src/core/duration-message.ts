/** What `parseDuration` says of a value that is not a duration: `where`, the value and the accepted forms. */
export function notADuration(value: unknown, where: string): string {
  let shown: string | undefined;
  try {
    shown = JSON.stringify(value);
  } catch {
    // A BigInt, or an object that cannot be written as JSON.
  }
  return `${where}: ${shown ?? String(typeof value)} is not a duration. Use milliseconds (a number) or a string such as '30s', '15min', '2h', '7d', '6mo' or '1y'.`;
}
