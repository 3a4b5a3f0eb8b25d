/**
 * A mistake the user can fix (a wrong path or setting, an unreadable file, a build already
 * running): its message names the file and says what to do, and the command line prints it
 * without a stack trace. Any other error is a fault of the program or of the machine (a full
 * disk, a folder it may not write): the command line prints it as one line naming the stage it
 * happened in and the file, and its stack only with `DEBUG=1`.
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

/** The steps of a build, as failures name them. */
export type BuildStage = 'check' | 'load' | 'render' | 'index' | 'static' | 'swap';

/** An error of one stage of a build: the stage's name and the error, unchanged, as its cause. */
export class StageError extends Error {
  constructor(
    readonly stage: BuildStage,
    readonly error: unknown,
  ) {
    super(`${stage}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Runs `task` as `stage`: what it throws comes out as a StageError of that stage. A user mistake
 * is thrown as it is (its message names its file and says what to do), and so is a StageError
 * already made.
 */
export async function inStage<T>(stage: BuildStage, task: () => Promise<T> | T): Promise<T> {
  try {
    return await task();
  } catch (error) {
    throw error instanceof StageError || userErrorIn(error) !== null ? error : new StageError(stage, error);
  }
}

/** What the system calls that fail mean to a user. */
const ERRNO: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOENT: 'no such file or folder',
  EISDIR: 'a folder where a file was expected',
  ENOTDIR: 'a file where a folder was expected',
  EMFILE: 'too many open files',
  EBUSY: 'the file is busy',
};

/** The innermost error of a chain (Eleventy wraps its causes as `originalError`). */
function innermost(error: unknown): unknown {
  let e = error;
  for (let depth = 0; e instanceof Error && depth < 10; depth++) {
    const wrapped = e as Error & { originalError?: unknown };
    const next = wrapped.originalError ?? wrapped.cause;
    if (!(next instanceof Error)) break;
    e = next;
  }
  return e;
}

/** One line: a message's lines joined. */
const oneLine = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ');

/**
 * A failure as one line: `index: the disk is full (ENOSPC): /site/pagefind/x.pf_index`. A user
 * mistake is its message; an error of the system names what it means, its code and its file; any
 * other error its message, said to be the program's, with where to find more (`DEBUG=1`).
 */
export function failureLine(error: unknown): string {
  const stage = error instanceof StageError ? `${error.stage}: ` : '';
  const user = userErrorIn(error);
  if (user) return `${stage}${oneLine(user.message)}`;
  const outer = error instanceof StageError ? error.error : error;
  const system = (e: unknown): string | null => {
    const errno = e as NodeJS.ErrnoException;
    if (typeof errno?.code !== 'string' || ERRNO[errno.code] === undefined) return null;
    const file = errno.path ?? /'([^']+)'/.exec(errno.message)?.[1];
    return `${stage}${ERRNO[errno.code]} (${errno.code})${file ? `: ${file}` : ''}`;
  };
  // An error of the system itself; then one of the project's own kinds (RenderError,
  // SearchIndexError), which already says what failed and where; then a system error it wraps.
  const builtIn = [Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError].map((kind) => kind.prototype);
  const own = outer instanceof Error && !builtIn.includes(Object.getPrototypeOf(outer)) ? `${stage}${oneLine(outer.message)}` : null;
  const message = outer instanceof Error ? outer.message : String(outer);
  return (
    system(outer) ??
    own ??
    system(innermost(outer)) ??
    `${stage}${oneLine(message)} (an error in the program: run with DEBUG=1 to see where)`
  );
}

/** What a command prints for a failure: the one line, and with `debug` the stack of every error in the chain. */
export function describeFailure(error: unknown, debug: boolean): string {
  if (!debug) return failureLine(error);
  const stacks: string[] = [failureLine(error)];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; depth++) {
    stacks.push(e.stack ?? `${e.name}: ${e.message}`);
    const wrapped = e as Error & { originalError?: unknown };
    e = wrapped.originalError ?? wrapped.cause;
  }
  return stacks.join('\ncaused by: ');
}
