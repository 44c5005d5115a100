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
