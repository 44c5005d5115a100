/**
 * The canonical JSON of a value: object keys sorted by UTF-16 code units, no white space, strings and numbers
 * written as `JSON.stringify` writes them, properties whose value is `undefined` left out. For the values a
 * consent record holds (strings, integers, booleans, objects) this is the JSON Canonicalization Scheme
 * (RFC 8785): the same record always gives the same text, so the same SHA-256, in any language that
 * implements the scheme. Throws on what JSON cannot hold exactly (a non-finite number, a function, a bigint).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form.`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      // The default sort compares UTF-16 code units, as RFC 8785 asks.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form.`);
}
