/**
 * What a tool wrote into a folder, kept in the folder's stamp file: the stamp says which tool made
 * the folder, and below it lists every file the tool wrote there (a folder's name ending in `/`
 * stands for everything under it: the dev server's `assets/` and `pagefind/`). A later run
 * replaces the folder only while it holds nothing else: a `CNAME` the user dropped in, or a stamp
 * copied into a folder of the user's own files, is noticed and the folder left alone.
 *
 *   Written by npm run build (newsletter archive). A later run may replace this folder ...
 *   files:
 *   "404.html"
 *   "issues/wr-098/index.html"
 *
 * Each path is a JSON string on its own line (`/` separators), so any file name fits.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILES_LINE = 'files:';

/** Every file (and symbolic link) under `dir`, relative to it, with `/` separators, sorted. */
export function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string, rel: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const relative = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(folder, entry.name), relative);
      else out.push(relative);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** Writes `dir`'s stamp: who wrote it, and the files it wrote (relative paths; `folder/` for a whole folder). */
export function writeManifest(dir: string, stamp: string, tool: string, files: Iterable<string>): void {
  const listed = [...new Set(files)].filter((file) => file !== stamp).sort();
  const note = `Written by ${tool}. A later run may replace this folder while it holds only the files listed below; it refuses while it holds any other.`;
  writeFileSync(path.join(dir, stamp), `${[note, FILES_LINE, ...listed.map((file) => JSON.stringify(file))].join('\n')}\n`);
}

/** The files a stamp lists, or null when the stamp has no list (an earlier version's stamp) or cannot be read. */
export function readManifest(dir: string, stamp: string): Set<string> | null {
  let text: string;
  try {
    text = readFileSync(path.join(dir, stamp), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const at = lines.indexOf(FILES_LINE);
  if (at < 0) return null;
  const files = new Set<string>();
  for (const line of lines.slice(at + 1)) {
    if (line === '') continue;
    try {
      const file: unknown = JSON.parse(line);
      if (typeof file === 'string') files.add(file);
    } catch {
      return null;
    }
  }
  return files;
}

/** True when `file` is listed, itself or under a listed folder (`pagefind/` lists `pagefind/x.js`). */
export function isListed(file: string, listed: ReadonlySet<string>): boolean {
  if (listed.has(file)) return true;
  for (let at = file.indexOf('/'); at >= 0; at = file.indexOf('/', at + 1)) if (listed.has(file.slice(0, at + 1))) return true;
  return false;
}

/** The files in `dir` its stamp does not list (the stamp itself aside), or null when the stamp has no list. */
export function unlistedFiles(dir: string, stamp: string): string[] | null {
  const listed = readManifest(dir, stamp);
  if (listed === null) return null;
  return filesIn(dir).filter((file) => file !== stamp && !isListed(file, listed));
}
