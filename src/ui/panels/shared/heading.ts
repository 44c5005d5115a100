export type Heading = 'h1' | 'h2' | 'h3' | 'h4' | 'h5';

/** The heading element of a level, kept within h1-h5. */
export function heading(level: number): Heading {
  return `h${Math.min(Math.max(level, 1), 5)}` as Heading;
}
