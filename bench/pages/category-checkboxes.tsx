/** The optional categories of every page's policy, with the names a visitor reads. */
const OPTIONAL = { analytics: 'Analytics', marketing: 'Marketing' } as const;

type OptionalCategory = keyof typeof OPTIONAL;
export type Choices = Record<OptionalCategory, boolean>;
export const OPTIONAL_CATEGORIES = Object.keys(OPTIONAL) as OptionalCategory[];

/** Where a visitor's settings start: nothing optional chosen. */
export const NO_CHOICES: Choices = { analytics: false, marketing: false };

/**
 * One checkbox per optional category: the settings a shop writes itself when its consent library offers
 * none. The pages that need them share these, so that their hand-made parts stay the same.
 */
export function CategoryCheckboxes({ choices, onChange }: { choices: Choices; onChange: (choices: Choices) => void }) {
  return OPTIONAL_CATEGORIES.map((name) => (
    <label key={name}>
      <input
        type="checkbox"
        checked={choices[name]}
        onChange={(event) => onChange({ ...choices, [name]: event.target.checked })}
      />{' '}
      {OPTIONAL[name]}{' '}
    </label>
  ));
}
