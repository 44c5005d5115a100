import type { PrivacySignals } from '../../../core/consent-record';
import type { PolicyCategory, PolicyService } from '../../../core/policy';
import type { ConsentText } from '../../../i18n/consent-text';

// Texts built from the policy and the snapshot, for the banner, the dialog and the policy page. One module,
// so that the three share one chunk for them rather than one chunk per pair.

/** A category's name and description in the language shown (the name itself when the locale has none). */
export function categoryText({ name }: PolicyCategory, text: ConsentText) {
  return {
    name: text.tPolicy(['categories', name, 'name'], name),
    description: text.tPolicy(['categories', name, 'description'], ''),
  };
}

/** The name a visitor reads for a service: the locale's, else the policy's label. */
export function serviceName(service: PolicyService, text: ConsentText): string {
  return text.tPolicy(['services', service.id, 'name'], service.label);
}

/** The line that says a privacy signal (GPC, Do Not Track) was honoured and what that means; null without one. */
export function SignalNote({ signals, text }: { signals: PrivacySignals; text: ConsentText }) {
  const names = (['gpc', 'dnt'] as const)
    .filter((signal) => signals[signal])
    .map((signal) => text.t(`signals.${signal}`));
  return names.length ? (
    <p className="rcp-signal" data-consent-signal="">
      {text.t('banner.signal', { signals: names.join(', ') })}
    </p>
  ) : null;
}
