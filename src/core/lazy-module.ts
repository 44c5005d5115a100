/** A module that is either at hand or still on its way (a chunk loaded on demand). */
export type Part<T> = () => T | Promise<T>;

/**
 * Runs `use` with the part now when it is at hand, else once it arrives; a failed load is reported, not
 * thrown. What `use` returns is a way to undo it: the function returned calls it, or, while the part is
 * still on its way, makes sure `use` never runs.
 */
export function withPart<T>(part: Part<T>, use: (value: T) => (() => void) | undefined): () => void {
  let live = true;
  let undo: (() => void) | undefined;
  const run = (value: T) => {
    if (live) undo = use(value);
  };
  const value = part();
  // The error names the chunk that failed ("Failed to fetch dynamically imported module: …").
  if (value instanceof Promise) value.then(run, console.error);
  else run(value);
  return () => {
    live = false;
    undo?.();
  };
}

/** A part loaded on first use, then at hand; a failed load is tried again on the next use. */
export function lazyPart<T extends object>(load: () => Promise<T>): Part<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().then(
      (loaded) => {
        value = loaded;
        return loaded;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return value ?? pending;
  };
}
