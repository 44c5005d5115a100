import type { PrivacySignals } from '../../../core/consent-record';
import type { ConsentText } from '../../../i18n/consent-text';

// The line on privacy signals, for the banner and the dialog (which gets it through `textLayer`).

/**
 * The line that says the privacy signals (GPC, Do Not Track) the browser sends are honored and what that
 * means; null without one. The signals are listed as the language lists ("… ja …"), and the sentence agrees
 * with their number; in the dialog it points below, not to the Settings the visitor is already in.
 */
export function SignalNote({
  signals,
  text,
  within,
}: {
  signals: PrivacySignals;
  text: ConsentText;
  within: 'banner' | 'dialog';
}) {
  const names = (['gpc', 'dnt'] as const)
    .filter((signal) => signals[signal])
    .map((signal) => text.t(`signals.${signal}`));
  if (names.length === 0) return null;
  const list = new Intl.ListFormat(text.lang, { type: 'conjunction' }).format(names);
  return (
    <p className="rcp-signal" data-consent-signal="">
      {text.t(`${within}.${names.length > 1 ? 'signals' : 'signal'}`, { signals: list })}
    </p>
  );
}
