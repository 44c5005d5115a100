/**
 * A loud development-only warning that names the library. Every call sits inside a plain
 * `if (process.env.NODE_ENV !== 'production')`, as React and TanStack Query write it: bundlers replace the
 * expression, so a production bundle folds the whole statement away with its message. A page that runs
 * React has such a bundler (or a CDN build that replaces it), since React's own entry reads the same
 * expression.
 */
export function warn(message: string): void {
  console.warn(`react-consent-policy: ${message}`);
}
