import type { PolicyCategory, PolicyService } from '../../core/policy';
import type { ConsentText } from '../../i18n/use-consent-text';

/** A category's name and description in the language shown (the name itself when the locale has none). */
export function categoryText(category: PolicyCategory, text: ConsentText) {
  return {
    name: text.tPolicy(['categories', category.name, 'name'], category.name),
    description: text.tPolicy(['categories', category.name, 'description'], ''),
    required: text.tPolicy(['categories', category.name, 'required'], text.t('dialog.alwaysOn')),
  };
}

/** The name a visitor reads for a service: the locale's, else the policy's label. */
export function serviceName(service: PolicyService, text: ConsentText): string {
  return text.tPolicy(['services', service.id, 'name'], service.label);
}
