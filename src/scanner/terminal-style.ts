/** Colours for the terminal report, or none. */
export interface Style {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURS: Style = {
  red: wrap(31, 39),
  green: wrap(32, 39),
  yellow: wrap(33, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};

const PLAIN: Style = { red: String, green: String, yellow: String, dim: String, bold: String };

/** Colours only for a person at a terminal: stdout is a TTY and NO_COLOR (no-color.org) is not set. */
export function styleFor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): Style {
  return stream.isTTY === true && !env.NO_COLOR ? COLOURS : PLAIN;
}
