import type { ConsentMessages } from './resources';

type ParagraphKey = keyof ConsentMessages['policy']['text'];

/** The paragraph keys of the policy text, in order. */
export const POLICY_PARAGRAPHS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'] as const satisfies readonly ParagraphKey[];

// Every paragraph of the locale files is listed: adding p8 without listing it is a type error.
const allListed: Exclude<ParagraphKey, (typeof POLICY_PARAGRAPHS)[number]> extends never ? true : false = true;
void allListed;

/** Link and emphasis tags of the locale texts (`<guidesLink>here</guidesLink>` -> "here"). */
export function stripTags(text: string): string {
  return text.replace(/<\/?[A-Za-z][A-Za-z0-9]*\s*\/?>/g, '');
}

/** The exact full policy text a visitor is shown: the title and every paragraph, as plain text. */
export function fullPolicyText(t: (key: `policy.text.${string}` | 'policy.title') => string): string {
  return [t('policy.title'), ...POLICY_PARAGRAPHS.map((key) => stripTags(t(`policy.text.${key}`)))].join('\n\n');
}
