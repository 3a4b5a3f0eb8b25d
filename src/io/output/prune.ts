/**
 * The dev server writes only the pages that changed into its output folder; a page whose issue
 * was deleted or renamed is written by no one and would stay, served and indexed for search.
 * After each rebuild every file the dev server wrote before and the site no longer has is removed
 * (and folders left empty). Files it never wrote (one the user put there) are left alone.
 */
import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isListed } from './manifest.ts';

/** The file a page path is written to: `issues/wr-098/` -> `issues/wr-098/index.html`. */
export function pageFile(pagePath: string): string {
  return pagePath === '' || pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath;
}

/**
 * Removes from `outputDir` each file of `before` (what the tool wrote there, relative paths with
 * `/` separators) that `now` does not list (itself or under a listed `folder/`), then the folders
 * that leaves empty. Entries of `before` that are folders (`pagefind/`) are written whole by other
 * steps and left to them. Returns the files removed.
 */
export function pruneOutput(outputDir: string, before: ReadonlySet<string>, now: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const file of [...before].sort()) {
    if (file.endsWith('/') || isListed(file, now)) continue;
    try {
      rmSync(path.join(outputDir, file));
      removed.push(file);
    } catch {
      continue; // already gone
    }
    for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) {
      const full = path.join(outputDir, dir);
      try {
        if (readdirSync(full).length > 0) break;
        rmdirSync(full);
      } catch {
        break;
      }
    }
  }
  return removed;
}
