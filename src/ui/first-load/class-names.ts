/** The library's class (what the opt-in stylesheet targets) followed by the app's own. */
export function classNames(base: string, extra: string | undefined): string {
  return extra ? `${base} ${extra}` : base;
}
