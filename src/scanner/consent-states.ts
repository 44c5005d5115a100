import type { ConsentAction, ConsentRecord } from '../core/consent-record';
import { encodeRecord, randomId } from '../core/consent-record-writer';
import type { Policy } from '../core/policy';

/**
 * A consent state a visitor can be in. `undecided-scrolled` is the undecided visit again after scrolling to the
 * bottom of the page: it reports only what the scrolling added.
 */
export interface ConsentState {
  /** 'undecided', 'undecided-scrolled', 'rejected', 'accepted', or 'only-<category>'. */
  readonly id: string;
  /** For people: 'undecided', 'only analytics granted'. */
  readonly label: string;
  /** Each category's choice; null while undecided (no consent cookie). */
  readonly choices: Readonly<Record<string, boolean>> | null;
  /** The action the consent cookie records. */
  readonly action: ConsentAction | null;
}

/** Whether a category may store and send in a state: required ones always, the others when chosen. */
export function grants(policy: Policy, state: ConsentState, category: string): boolean {
  const declared = policy.categories.find((candidate) => candidate.name === category);
  if (!declared) return false;
  return declared.required || state.choices?.[category] === true;
}

/**
 * The states a scan visits for this policy: undecided (and after scrolling), rejected, accepted, and each optional
 * category granted alone. A state that grants the same as an earlier one (accepted, when the policy has a single
 * optional category) is left out.
 */
export function consentStates(policy: Policy): ConsentState[] {
  const optional = policy.categories.filter((category) => !category.required).map((category) => category.name);
  const choose = (granted: readonly string[]) =>
    Object.fromEntries(policy.categories.map(({ name, required }) => [name, required || granted.includes(name)]));
  const decided: ConsentState[] = [
    { id: 'rejected', label: 'rejected', choices: choose([]), action: 'reject-all' },
    { id: 'accepted', label: 'accepted', choices: choose(optional), action: 'accept-all' },
    ...optional.map(
      (name): ConsentState => ({
        id: `only-${name}`,
        label: `only ${name} granted`,
        choices: choose([name]),
        action: 'custom',
      }),
    ),
  ];
  const unique = decided.filter(
    (state, index) =>
      decided.findIndex((other) => JSON.stringify(other.choices) === JSON.stringify(state.choices)) === index,
  );
  return [
    { id: 'undecided', label: 'undecided', choices: null, action: null },
    { id: 'undecided-scrolled', label: 'undecided, scrolled to the bottom', choices: null, action: null },
    ...unique,
  ];
}

/**
 * The consent cookie's value for a decided state, encoded by the library's own writer exactly as a visitor's
 * decision would be, decided at `now` and valid for the policy's `consentMaxAge`.
 */
export function consentCookieFor(policy: Policy, state: ConsentState, now: number): string | null {
  if (!state.choices || !state.action) return null;
  const record: ConsentRecord = {
    id: randomId(),
    revision: policy.revision,
    choices: state.choices,
    decidedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + policy.consentMaxAge).toISOString(),
    action: state.action,
    signals: { gpc: false, dnt: false },
  };
  return encodeRecord(policy, record);
}
