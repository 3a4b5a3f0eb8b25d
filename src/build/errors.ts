/**
 * A mistake the user can fix (a wrong path or setting, an unreadable file, a build already
 * running): its message names the file and says what to do, and the command line prints it
 * without a stack trace. Any other error is a fault of the program and keeps its stack.
 */
export class UserError extends Error {}

/** The user mistake in an error or its causes (Eleventy wraps errors thrown in its data and templates), or null. */
export function userErrorIn(error: unknown): UserError | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; depth++) {
    if (e instanceof UserError) return e;
    const wrapped = e as Error & { originalError?: unknown };
    e = wrapped.originalError ?? wrapped.cause;
  }
  return null;
}
