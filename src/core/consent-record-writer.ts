import type { ConsentRecord } from './consent-record';
import type { Policy } from './policy';

/**
 * Encodes a record into the consent cookie's value, e.g.
 * `1.<uuid>.<revision>.<decidedAt base36>.<expiresAt base36>.<action>.<signals>.necessary:1|analytics:0`.
 * Only cookie-safe characters (RFC 6265 cookie-octet), categories in the policy's order.
 */
export function encodeRecord<C extends string>(policy: Policy<C>, record: ConsentRecord<C>): string {
  return [
    1,
    record.id,
    record.revision,
    Date.parse(record.decidedAt).toString(36),
    Date.parse(record.expiresAt).toString(36),
    record.action[0],
    +record.signals.gpc + 2 * +record.signals.dnt,
    policy.categoryNames.map((name) => `${name}:${+record.choices[name]}`).join('|'),
  ].join('.');
}

/**
 * A random UUID v4 from `crypto.getRandomValues`, which, unlike `crypto.randomUUID`, also exists on plain
 * http pages; Math.random only where there is no Web Crypto at all.
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  try {
    crypto.getRandomValues(bytes);
  } catch {
    for (let i = 0; i < 16; i++) bytes[i] = Math.random() * 256;
  }
  let hex = '';
  for (let i = 0; i < 16; i++) {
    // Version 4 in byte 6, variant 10xx in byte 8.
    const byte = i === 6 ? ((bytes[i] as number) & 15) | 64 : i === 8 ? ((bytes[i] as number) & 63) | 128 : bytes[i];
    hex += (256 + (byte as number)).toString(16).slice(1) + (i === 3 || i === 5 || i === 7 || i === 9 ? '-' : '');
  }
  return hex;
}
