import type { PolicyTexts } from '../core/policy-texts';

/** Link and emphasis tags of the texts (`<guidesLink>here</guidesLink>` -> "here"). */
export function stripTags(text: string): string {
  return text.replace(/<\/?[A-Za-z][A-Za-z0-9]*\s*\/?>/g, '');
}

/** The exact full policy text a visitor is shown: the title and every paragraph, as plain text. */
export function fullPolicyText({ title, paragraphs }: Pick<PolicyTexts['policyText'], 'title' | 'paragraphs'>): string {
  return [title, ...paragraphs.map(stripTags)].join('\n\n');
}
