/**
 * The content dir's `static/` folder: files published with the site as they are (a `CNAME` for a
 * custom domain, images, PDFs, a `robots.txt`), copied into the built site after its pages and
 * search index, at the same paths (`static/downloads/talk.pdf` -> `/downloads/talk.pdf`).
 *
 * A file that would replace one the build wrote (`static/index.html`, `static/feed.xml`) stops
 * the build, naming both; the same bytes are no conflict. A symbolic link is followed when its
 * target lies in the content dir, and left out with a note otherwise (nothing outside the content
 * dir is published because a link points at it).
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { isWithin, shownPath } from '../paths.ts';

/** The passthrough folder's name in the content dir. */
export const STATIC_DIR = 'static';

/** A file of `static/` would replace a file of the site. */
export class StaticError extends UserError {}

export interface StaticCopy {
  /** The files copied, relative to the site (`/` separators). */
  files: string[];
  /** Links left out, one note each. */
  notes: string[];
}

/**
 * Copies `contentDir/static/` into `siteDir`. `ours` are files an earlier copy into the same folder
 * wrote (the dev server copies again after each rebuild): they may be replaced. Nothing to copy
 * without a `static/` folder.
 */
export function copyStatic(contentDir: string, siteDir: string, ours: ReadonlySet<string> = new Set()): StaticCopy {
  const from = path.join(contentDir, STATIC_DIR);
  const copy: StaticCopy = { files: [], notes: [] };
  if (!existsSync(from) || !statSync(from).isDirectory()) return copy;
  const root = realpathSync(contentDir);
  const seen = new Set<string>([realpathSync(from)]);
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const source = path.join(dir, entry.name);
      const relative = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let real = source;
      if (entry.isSymbolicLink()) {
        try {
          real = realpathSync(source);
        } catch {
          copy.notes.push(`${shownPath(source)} is a link to nothing: not published`);
          continue;
        }
        if (!isWithin(real, root)) {
          copy.notes.push(`${shownPath(source)} links outside the content dir (${real}): not published`);
          continue;
        }
      }
      const stat = lstatSync(real);
      const target = path.join(siteDir, relative);
      if (stat.isDirectory()) {
        if (existsSync(target) && !lstatSync(target).isDirectory())
          throw new StaticError(`${shownPath(source)} is a folder where the site has the file /${relative}: rename it`);
        if (seen.has(real)) {
          copy.notes.push(`${shownPath(source)} links to a folder it is inside of: not published again`);
          continue;
        }
        seen.add(real);
        mkdirSync(target, { recursive: true });
        walk(real, relative);
      } else if (stat.isFile()) {
        if (existsSync(target) && !ours.has(relative)) {
          if (lstatSync(target).isDirectory())
            throw new StaticError(`${shownPath(source)} is a file where the site has the folder /${relative}/: rename it`);
          if (!readFileSync(target).equals(readFileSync(real)))
            throw new StaticError(`${shownPath(source)} would replace /${relative}, which the build writes: rename or remove it`);
        }
        copyFileSync(real, target);
        copy.files.push(relative);
      }
    }
  };
  walk(from, '');
  return copy;
}
