/** Small path questions asked by the reader, the output checks and the messages. */
import path from 'node:path';

/** True when `dir` is `parent` or inside it (compare real paths when links matter). */
export function isWithin(dir: string, parent: string): boolean {
  const rel = path.relative(parent, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A path as a user would type it from here: relative when under the working directory. */
export function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
