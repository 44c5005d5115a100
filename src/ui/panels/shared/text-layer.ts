import { renderTagged } from '../../../i18n/consent-text';
import { SignalNote } from './texts';
import { useConsentText } from './use-consent-text';

/**
 * What the preferences dialog and the policy page use of the banner's chunk: its text layer, handed to them
 * as a prop (`ui/first-load/panel-loader.ts` fetches the banner's module beside theirs). A module that the
 * banner and they both imported would be split off into a chunk of its own, which esbuild's banner chunk would
 * import, so that a first visit fetched it only once the banner's chunk had arrived: one more round trip
 * before the banner shows. `test/ui/bundle.test.ts` keeps the banner's chunk free of such imports.
 */
export const textLayer = { useConsentText, SignalNote, renderTagged };

export type TextLayer = typeof textLayer;

export interface TextLayerProps {
  textLayer: TextLayer;
}
