/**
 * The dev server writes only the pages that changed into its output folder; a page whose issue
 * was deleted or renamed is written by no one and would stay, served and indexed for search.
 * After each rebuild every file the site no longer has is removed (and folders left empty).
 */
import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The file a page path is written to: `issues/wr-098/` -> `issues/wr-098/index.html`. */
export function pageFile(pagePath: string): string {
  return pagePath === '' || pagePath.endsWith('/') ? `${pagePath}index.html` : pagePath;
}

/**
 * Removes from `outputDir` every file that is not in `keep` (paths relative to it, `/`
 * separators), except under the `ownFolders` (`assets`, `pagefind`: written whole by other steps)
 * and dotfiles (`.nojekyll`, the stamp). Returns the files removed.
 */
export function pruneOutput(outputDir: string, keep: Set<string>, ownFolders: string[]): string[] {
  const removed: string[] = [];
  const walk = (dir: string, rel: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('.') || (rel === '' && ownFolders.includes(entry.name))) {
        empty = false;
      } else if (entry.isDirectory()) {
        if (walk(full, relative)) rmdirSync(full);
        else empty = false;
      } else if (keep.has(relative)) {
        empty = false;
      } else {
        rmSync(full, { force: true });
        removed.push(relative);
      }
    }
    return empty;
  };
  walk(outputDir, '');
  return removed;
}
