/** A mistake in how a command was called: its message is printed with the usage, and the exit code is 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
