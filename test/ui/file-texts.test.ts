import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from '../../src/i18n/consent-text';
import { instanceSource } from '../../src/i18n/instance-source';
import { CONSENT_LANGUAGES, type ConsentLanguage } from '../../src/i18n/languages';
import { privateInstance } from '../../src/i18n/own-instance';
import { CONSENT_NAMESPACE } from '../../src/i18n/resources';

// The banner shows its locale file as it is, without i18next; the dialog and the policy page read the same
// words through i18next. A visitor must read the same sentence either way, in every language.

const read = (language: string, file: string) =>
  JSON.parse(readFileSync(resolve(__dirname, `../../locales/${language}/${file}.json`), 'utf8')) as object;

function leaves(node: unknown, prefix = ''): string[] {
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

/** The library's own i18next instance, the one the dialog and the policy page read their words through. */
const i18nextOf = (language: ConsentLanguage) => privateInstance(language, CONSENT_NAMESPACE);

// Values a text may be given, with characters that an escaping layer would change.
const VALUES = { name: 'Analytiikka & <b>', description: '"quoted" \'text\'', names: 'A, B', signals: 'GPC ja DNT' };

describe('the banner’s words without i18next', () => {
  for (const language of CONSENT_LANGUAGES) {
    for (const file of ['consent', 'consent-details']) {
      it(`${language}/${file}.json / reads as i18next reads it, with values, without them and with a value left out`, () => {
        const texts = read(language, file);
        const plain = fileSource([texts]);
        const viaI18next = instanceSource(i18nextOf(language), language, [texts]);
        for (const key of leaves(texts)) {
          for (const values of [VALUES, {}, { name: 'Only a name' }]) {
            expect(plain.translate(key, values), `${key} ${JSON.stringify(values)}`).toBe(
              viaI18next.translate(key, values),
            );
          }
        }
      });
    }
  }

  it('a key the file lacks, or a section rather than a text, is no text (the UI then shows the key)', () => {
    const plain = fileSource([read('fi', 'consent')]);
    expect(plain.translate('banner.nothing', {})).toBeUndefined();
    expect(plain.translate('banner', {})).toBeUndefined();
    expect(plain.translate('__proto__.toString', {})).toBeUndefined();
    expect(plain.translate('constructor', {})).toBeUndefined();
  });

  it('a value that is a number or null is filled as i18next fills it', () => {
    const texts = { a: 'x {{n}} y' };
    const viaI18next = instanceSource(i18nextOf('fi'), 'fi', [texts]);
    for (const values of [{ n: 3 }, { n: 0 }, { n: null }, { n: undefined }, { n: true }]) {
      expect(fileSource([texts]).translate('a', values), JSON.stringify(values)).toBe(
        viaI18next.translate('a', values),
      );
    }
  });
});
