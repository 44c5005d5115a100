import type { ConsentText } from '../../../i18n/consent-text';
import type { ConsentContextValue } from '../../../react/consent-context';
import type { Heading } from '../shared/heading';

/** What each section of the policy page gets from the page: its texts, its heading level and the consent. */
export interface PolicySectionProps {
  text: ConsentText;
  heading: Heading;
  consent: ConsentContextValue;
}
