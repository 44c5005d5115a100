import type { PrivacySignals } from '../../core/consent-record';
import type { ConsentText } from '../../i18n/use-consent-text';

/** The line that says a privacy signal (GPC, Do Not Track) was honoured and what that means; null without one. */
export function SignalNote({ signals, text }: { signals: PrivacySignals; text: ConsentText }) {
  const names = [signals.gpc ? text.t('signals.gpc') : null, signals.dnt ? text.t('signals.dnt') : null].filter(
    (name): name is string => name !== null,
  );
  if (names.length === 0) return null;
  return (
    <p className="rcp-signal" data-consent-signal="">
      {text.t('banner.signal', { signals: names.join(', ') })}
    </p>
  );
}
