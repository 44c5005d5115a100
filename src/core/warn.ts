/**
 * True in development builds. Bundlers replace `process.env.NODE_ENV`; where nothing does and `process`
 * does not exist (a plain browser), this is production: warnings are for developers, never for visitors.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

/** A loud development-only warning that names the library. */
export function warn(message: string): void {
  if (isDevelopment()) console.warn(`react-consent-policy: ${message}`);
}
