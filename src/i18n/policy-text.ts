import { consentResources } from './resources';

/** The paragraph keys of the policy text, in order (p1, p2, ...). */
export const POLICY_PARAGRAPHS = Object.keys(
  consentResources.fi.policy.text,
) as (keyof typeof consentResources.fi.policy.text)[];

/** Link and emphasis tags of the locale texts (`<guidesLink>here</guidesLink>` -> "here"). */
export function stripTags(text: string): string {
  return text.replace(/<\/?[A-Za-z][A-Za-z0-9]*\s*\/?>/g, '');
}

/** The exact full policy text a visitor is shown: the title and every paragraph, as plain text. */
export function fullPolicyText(t: (key: `policy.text.${string}` | 'policy.title') => string): string {
  return [t('policy.title'), ...POLICY_PARAGRAPHS.map((key) => stripTags(t(`policy.text.${key}`)))].join('\n\n');
}
