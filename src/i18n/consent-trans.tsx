import type { ReactElement } from 'react';
import { Trans } from 'react-i18next';
import type { ConsentKey } from './resources';
import type { ConsentText } from './use-consent-text';

export interface ConsentTransProps {
  text: ConsentText;
  i18nKey: ConsentKey;
  values?: Record<string, unknown>;
  /** Elements for the tags of the translation (`<policyLink>...</policyLink>`); no HTML is ever read from it. */
  components?: Record<string, ReactElement>;
}

const NO_ESCAPE = { interpolation: { escapeValue: false } };

/** A locale text with links or emphasis, through react-i18next's `<Trans>`: markup in a text stays text. */
export function ConsentTrans({ text, i18nKey, values, components }: ConsentTransProps) {
  return (
    <Trans
      i18n={text.i18n}
      t={text.fixedT}
      i18nKey={i18nKey as never}
      values={values}
      components={components}
      tOptions={NO_ESCAPE}
    />
  );
}
