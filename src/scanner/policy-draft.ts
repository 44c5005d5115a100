import { DURATION_UNITS } from '../core/duration';
import type { Policy } from '../core/policy';
import { grants } from './consent-states';
import { shownDuration } from './findings';
import type { ObservedKind } from './observations';
import type { ScanResult } from './scan-site';

/** Names that usually mean a kind of category, for a guess when the states seen say nothing. */
const NAME_HINTS: readonly [RegExp, readonly string[]][] = [
  [/^(_ga|_gid|_gat|_hj|_pk_|_clck|_clsk|amplitude|mp_|ajs_|_vwo|optimizely|__utm)/i, ['analytics', 'statistics']],
  [/^(_fbp|_fbc|_gcl|_uet|_tt|_pin|IDE$|test_cookie|fr$|_scid|li_|ad)/i, ['marketing', 'advertising', 'ads']],
  [/(recent|reco|prefer|theme|wishlist)/i, ['personalization', 'preferences', 'functional']],
  [/(session|csrf|xsrf|cart|basket|login|auth|token|lang|locale)/i, ['necessary', 'essential', 'functional']],
];

/** One undeclared thing, with what the scan saw of it. */
interface Unknown {
  kind: ObservedKind | 'host';
  name: string;
  /** The consent states it was seen in. */
  states: Set<string>;
  /** Cookies: the longest lifetime seen (ms from when it was read); null for a session cookie. */
  lifetime: number | null | undefined;
}

/**
 * A lifetime as a policy writes it, rounded up so that the declaration covers what was seen: whole seconds under
 * two minutes, whole minutes under two hours, hours under two days, days under 60 days, then months, then years.
 */
export function policyDuration(ms: number): string {
  const steps: [number, keyof typeof DURATION_UNITS][] = [
    [2 * DURATION_UNITS.min, 's'],
    [2 * DURATION_UNITS.h, 'min'],
    [2 * DURATION_UNITS.d, 'h'],
    [60 * DURATION_UNITS.d, 'd'],
    [36 * DURATION_UNITS.mo, 'mo'],
  ];
  const unit = steps.find(([below]) => ms < below)?.[1] ?? 'y';
  return `${Math.max(1, Math.ceil(ms / DURATION_UNITS[unit] - 1e-9))}${unit}`;
}

/** The category to guess for something seen in `states`, and why; null when there is nothing to go on. */
function guess(policy: Policy, result: ScanResult, unknown: Unknown): { category: string; why: string } | null {
  const states = result.states.filter((state) => unknown.states.has(state.id));
  const required = policy.categories.find((category) => category.required)?.name;
  if (states.some((state) => state.choices === null || state.id === 'rejected')) {
    return required
      ? {
          category: required,
          why: 'seen without any consent: if it is not needed for the shop to work, it must wait for consent',
        }
      : null;
  }
  const optional = policy.categories.filter((category) => !category.required).map((category) => category.name);
  const always = optional.filter((category) => states.every((state) => grants(policy, state, category)));
  if (always.length === 1 && always[0]) {
    return { category: always[0], why: `seen only while ${always[0]} was granted` };
  }
  const candidates = always.length > 0 ? always : optional;
  for (const [pattern, words] of NAME_HINTS) {
    if (!pattern.test(unknown.name)) continue;
    const named = candidates.find((category) => words.some((word) => category.toLowerCase().includes(word)));
    if (named) return { category: named, why: `its name looks like ${named}` };
  }
  return null;
}

/** A JavaScript string literal in single quotes. */
const quoted = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The storage line of the draft: its declaration, and what the scan saw of its lifetime (or why it guessed it). */
function storageLine(policy: Policy, category: string | null, unknown: Unknown): string {
  if (unknown.kind === 'indexedDB' || unknown.kind === 'host') {
    return `      // IndexedDB database ${quoted(unknown.name)}: a policy cannot declare IndexedDB yet.`;
  }
  let lifetime: string;
  let note: string;
  if (unknown.kind === 'cookie' && typeof unknown.lifetime === 'number') {
    lifetime = policyDuration(unknown.lifetime);
    note = `observed: ${shownDuration(unknown.lifetime)}`;
    const max = policy.categories.find((candidate) => candidate.name === category)?.lifetime.max;
    if (max !== undefined && unknown.lifetime > max) {
      note += `, longer than ${category} allows: shorten the cookie, or the policy's promise must change`;
    }
  } else if (unknown.kind === 'cookie') {
    lifetime = '1d';
    note = "guessed: a session cookie ends with the browser session; '1d' is a guess — confirm";
  } else {
    lifetime = '30d';
    note = `guessed: ${unknown.kind} keeps it until it is deleted; '30d' is a guess — confirm the lifetime you promise`;
  }
  return `      { name: ${quoted(unknown.name)}, kind: ${quoted(unknown.kind)}, lifetime: ${quoted(lifetime)} }, // ${note}`;
}

/**
 * A policy snippet to paste into `services` for what the scan found undeclared: services grouped by the category
 * guessed for them, each guess marked as one the shop must confirm, with the lifetimes seen rounded up to a policy
 * duration and the hosts requested. Nothing is guessed silently: what cannot be guessed says so. Empty when nothing
 * was undeclared.
 */
export function policyDraft(policy: Policy, result: ScanResult): string {
  const unknowns = new Map<string, Unknown>();
  const wanted = new Set(
    result.findings
      .filter((finding) => finding.kind === 'undeclared' || finding.kind === 'undeclared-host')
      .map((finding) =>
        JSON.stringify([finding.item.kind === 'request' ? 'host' : finding.item.kind, finding.item.name]),
      ),
  );
  if (wanted.size === 0) return '';
  for (const page of result.pages) {
    for (const snapshot of page.visits.flatMap((visit) => visit.snapshots)) {
      const see = (kind: Unknown['kind'], name: string, lifetime?: number | null) => {
        const key = JSON.stringify([kind, name]);
        if (!wanted.has(key)) return;
        const unknown = unknowns.get(key) ?? { kind, name, states: new Set<string>(), lifetime: undefined };
        unknown.states.add(snapshot.state);
        if (lifetime !== undefined && (unknown.lifetime === undefined || (lifetime ?? 0) > (unknown.lifetime ?? 0))) {
          unknown.lifetime = lifetime;
        }
        unknowns.set(key, unknown);
      };
      for (const item of snapshot.storage) {
        see(
          item.kind,
          item.name,
          item.kind === 'cookie' ? (item.expires == null ? null : item.expires - item.seenAt) : undefined,
        );
      }
      for (const request of snapshot.requests) if (!request.navigation) see('host', request.host);
    }
  }
  const groups = new Map<string, { category: string | null; why: Set<string>; items: Unknown[] }>();
  for (const unknown of unknowns.values()) {
    const guessed = guess(policy, result, unknown);
    const key = guessed?.category ?? '';
    const group = groups.get(key) ?? { category: guessed?.category ?? null, why: new Set<string>(), items: [] };
    if (guessed) group.why.add(`${unknown.name}: ${guessed.why}`);
    group.items.push(unknown);
    groups.set(key, group);
  }
  const out = [
    `// Found on ${result.url} and declared nowhere. Add to \`services\` in definePolicy({ ... }), rename each`,
    '// service after who sets it, and confirm every guess before you publish: the policy text is built from this.',
  ];
  let index = 0;
  for (const group of groups.values()) {
    index++;
    const hosts = group.items.filter((item) => item.kind === 'host').map((item) => quoted(item.name));
    const storage = group.items.filter((item) => item.kind !== 'host');
    out.push(`${quoted(`undeclared-${group.category ?? index}`)}: { // rename: the service that sets these`);
    if (group.category) {
      out.push(`  category: ${quoted(group.category)}, // guessed: ${group.category} — confirm`);
      for (const why of group.why) out.push(`  //   ${why}`);
    } else {
      out.push(
        `  category: 'TODO', // not guessed: nothing in the scan tells; choose one of ${policy.categories.map((category) => category.name).join(', ')}`,
      );
    }
    if (hosts.length > 0) out.push(`  hosts: [${hosts.join(', ')}],`);
    out.push('  storage: [');
    for (const item of storage) out.push(storageLine(policy, group.category, item).slice(2));
    out.push('  ],', '},');
  }
  return `${out.join('\n')}\n`;
}
