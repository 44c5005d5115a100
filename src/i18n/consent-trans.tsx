import { cloneElement, Fragment, type ReactElement, type ReactNode } from 'react';
import type { ConsentKey } from './resources';
import type { ConsentText } from './use-consent-text';

export interface ConsentTransProps {
  text: ConsentText;
  i18nKey: ConsentKey;
  values?: Record<string, unknown>;
  /** Elements for the tags of the translation (`<policyLink>...</policyLink>`, `<br/>`). */
  components?: Record<string, ReactElement>;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Turns a translated text into React nodes: each `<name>inner</name>` or `<name/>` whose name is a key
 * of `components` becomes that element with `inner` as its text; anything else, markup included, stays
 * text. Never reads HTML: a translation holding `<script>` or `<img onerror>` shows those characters.
 */
export function renderTagged(source: string, components: Record<string, ReactElement> = {}): ReactNode[] {
  const names = Object.keys(components).map(escapeRegExp);
  if (names.length === 0) return [source];
  const pattern = new RegExp(`<(${names.join('|')})>([\\s\\S]*?)</\\1>|<(${names.join('|')})\\s*/>`, 'g');
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push(source.slice(last, index));
    const name = match[1] ?? match[3] ?? '';
    const element = components[name];
    if (element)
      nodes.push(cloneElement(element, { key: nodes.length }, match[1] === undefined ? undefined : match[2]));
    last = index + match[0].length;
  }
  if (last < source.length) nodes.push(source.slice(last));
  return nodes;
}

/**
 * A locale text with links or emphasis, in the manner of react-i18next's `<Trans components>`: the
 * translation names its tags, the code supplies the elements. (react-i18next's own `<Trans>` would add
 * some 5 KiB gzip to the banner, which needs only named tags.)
 */
export function ConsentTrans({ text, i18nKey, values, components }: ConsentTransProps) {
  return <Fragment>{renderTagged(text.t(i18nKey, values), components)}</Fragment>;
}
