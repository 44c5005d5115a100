/** The optional categories of the peers' small policy, with the names a visitor reads. */
const OPTIONAL = { analytics: 'Analytics', marketing: 'Marketing' } as const;

type OptionalCategory = keyof typeof OPTIONAL;
export type Choices = Record<OptionalCategory, boolean>;
export const OPTIONAL_CATEGORIES = Object.keys(OPTIONAL) as OptionalCategory[];

/** Where a visitor's settings start: nothing optional chosen. */
export const NO_CHOICES: Choices = { analytics: false, marketing: false };

/**
 * One checkbox per optional category (`names`: category -> the name a visitor reads; default the two
 * categories above): the settings a shop writes itself when its consent library offers none. The pages that
 * need them share these, so that their hand-made parts stay the same.
 */
export function CategoryCheckboxes<Choice extends Record<string, boolean>>({
  choices,
  onChange,
  names = OPTIONAL,
}: {
  choices: Choice;
  onChange: (choices: Choice) => void;
  names?: Record<string, string>;
}) {
  return Object.entries(names).map(([name, label]) => (
    <label key={name}>
      <input
        type="checkbox"
        checked={choices[name]}
        onChange={(event) => onChange({ ...choices, [name]: event.target.checked })}
      />{' '}
      {label}{' '}
    </label>
  ));
}
