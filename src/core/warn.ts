/**
 * True in development builds. Bundlers replace `process.env.NODE_ENV`; where nothing does and `process`
 * does not exist (a plain browser), this is production: warnings are for developers, never for visitors.
 */
function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

/**
 * A loud development-only warning that names the library. Call sites guard it as well, written out in
 * full, so that a production bundle drops the message text (bundlers only fold that exact expression):
 *
 *     try {
 *       if (process.env.NODE_ENV !== 'production') warn(...);
 *     } catch {
 *       // No `process` (a page without a bundler): production.
 *     }
 *
 * Once `process.env.NODE_ENV` is replaced, the whole statement folds away; `typeof process` guards
 * would leave a `typeof process` test behind in every minified bundle.
 */
export function warn(message: string): void {
  if (isDevelopment()) console.warn(`react-consent-policy: ${message}`);
}
