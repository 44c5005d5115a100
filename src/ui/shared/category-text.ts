import type { PolicyCategory } from '../../core/policy';
import type { ConsentText } from '../../i18n/use-consent-text';

/** A category's name and description in the language shown (the name itself when the locale has none). */
export function categoryText(category: PolicyCategory, text: ConsentText) {
  return {
    name: text.tPolicy(['categories', category.name, 'name'], category.name),
    description: text.tPolicy(['categories', category.name, 'description'], ''),
    required: text.tPolicy(['categories', category.name, 'required'], text.t('dialog.alwaysOn')),
  };
}
