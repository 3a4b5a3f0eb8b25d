/**
 * What a tool may write into and replace. The build replaces its output folder, and `gen-corpus`
 * its `--out` folder: before either touches anything, the folder is checked here.
 *
 * Refused, always: a path that is a file (`OUTPUT_DIR=README.md`) or a symbolic link; a path that
 * is, or holds, one of the folders to keep (the project, the content dir) or the user's home; a
 * path inside the content dir; a path that is or lies inside a `.git` or `node_modules` folder, or
 * holds one (someone's repository). Paths are compared as given and again with every symbolic link
 * resolved, so an output reached through a linked parent is where it really is. Refused unless
 * forced: a folder that exists, is not empty and has no stamp (the small file each tool leaves in
 * what it wrote): it was not made by this tool.
 *
 * With `manifest` (the site), the stamp also lists every file the tool wrote (./manifest.ts), and
 * a folder holding any other file is refused, naming them: the build never removes a file it did
 * not write. With `replace`, the folder and everything in it must be one the user can remove, and
 * its parent one the user can write in, before anything is written.
 */
import { accessSync, constants, existsSync, lstatSync, readdirSync, realpathSync, type Stats, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { isWithin, shownPath } from '../paths.ts';
import { unlistedFiles } from './manifest.ts';

/** The output folder cannot be used: nothing was written or removed. */
export class OutputDirError extends UserError {}

/** The stamp in a site the build wrote. Published with the site: it says which tool made it. */
export const SITE_STAMP = '.newsletter-archive-site';
/** The stamp in a folder of issues `gen-corpus` wrote. A dotfile: the reader passes over it. */
export const CORPUS_STAMP = '.newsletter-archive-corpus';

export interface OutputRules {
  /** What the folder is called in messages: `OUTPUT_DIR`, `--out`. */
  name: string;
  /** The stamp file that marks this tool's own earlier output. */
  stamp: string;
  /** Folders the output may not be, hold, or (`inside: false`) lie inside: the project, the content dir. */
  keep: { dir: string; what: string; inside: boolean }[];
  /** The user's home folder: the output may not be it or hold it. Default: `os.homedir()`. */
  home?: string;
  /** Replace a non-empty folder that has no stamp (gen-corpus `--force`). */
  force?: boolean;
  /** The stamp lists the files written; any other file in the folder refuses it, with this advice (`move them to content/static/`). */
  manifest?: { advice: string };
  /** The folder will be replaced whole: it, everything in it, and its parent must be writable. */
  replace?: boolean;
}

/** How many files a message names before it says how many more there are. */
const NAMED = 5;

/** The path with every symbolic link resolved, for a path that may not exist yet: its deepest existing folder, resolved, then the rest. */
export function resolvedPath(dir: string): string {
  const absolute = path.resolve(dir);
  const rest: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    try {
      return path.join(realpathSync(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return absolute;
      rest.push(path.basename(at));
    }
  }
}

/** `a, b, c and 4 more`. */
function named(files: string[]): string {
  const shown = files.slice(0, NAMED).join(', ');
  return files.length > NAMED ? `${shown} and ${files.length - NAMED} more` : shown;
}

/** The first folders under `dir` (itself included) the user cannot remove things from. */
function unwritableFolders(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    if (out.length >= NAMED) return;
    try {
      accessSync(folder, constants.W_OK | constants.X_OK);
    } catch {
      out.push(folder);
      return;
    }
    for (const entry of readdirSync(folder, { withFileTypes: true })) if (entry.isDirectory()) walk(path.join(folder, entry.name));
  };
  walk(dir);
  return out;
}

/** The deepest folder of `dir`'s path that exists: where a folder that does not exist yet will be made. */
function existingAncestor(dir: string): string {
  let at = path.dirname(dir);
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return at;
}

/** Throws OutputDirError when `dir` may not be written and replaced; see the module comment. */
export function checkOutputDir(dir: string, rules: OutputRules): void {
  const out = path.resolve(dir);
  const real = resolvedPath(out);
  const refuse: (why: string) => never = (why) => {
    throw new OutputDirError(`${rules.name} ${out} ${why}; nothing was written or removed`);
  };
  const via = (resolved: string): string => (resolved === out ? '' : ` (it is ${resolved}, through a symbolic link)`);
  const keep = [...rules.keep, { dir: rules.home ?? os.homedir(), what: 'your home folder', inside: true }];
  for (const { dir: kept, what, inside } of keep) {
    const given = path.resolve(kept);
    for (const [target, protectedDir] of [
      [out, given],
      [real, resolvedPath(given)],
    ] as const) {
      if (isWithin(protectedDir, target))
        refuse(`${target === protectedDir ? `is ${what}` : `holds ${what} (${protectedDir})`}${via(target)}`);
      if (!inside && isWithin(target, protectedDir)) refuse(`is inside ${what} (${protectedDir})${via(target)}`);
    }
  }
  for (const candidate of [out, real]) {
    const parts = candidate.split(path.sep);
    const special = parts.findIndex((part) => part === '.git' || part === 'node_modules');
    if (special >= 0) refuse(`${special === parts.length - 1 ? 'is' : 'is inside'} a ${parts[special]} folder${via(candidate)}`);
  }
  let stat: Stats;
  try {
    stat = lstatSync(out);
  } catch {
    if (rules.replace) checkParent(out, refuse);
    return; // does not exist yet: it will be created
  }
  if (stat.isSymbolicLink()) refuse('is a symbolic link: give the folder it points to');
  if (!stat.isDirectory()) refuse('is a file, not a folder: it would be replaced by a folder');
  for (const special of ['.git', 'node_modules']) if (existsSync(path.join(out, special))) refuse(`holds a ${special} folder`);
  const stamped = existsSync(path.join(out, rules.stamp));
  if (!rules.force && !stamped && readdirSync(out).length > 0) {
    refuse(
      `already holds files that this tool did not write (it has no ${rules.stamp}): choose a new or empty folder, or empty it yourself`,
    );
  }
  if (rules.manifest && stamped) {
    const foreign = unlistedFiles(out, rules.stamp);
    if (foreign === null)
      refuse(
        `has a ${rules.stamp} without the list of the files it wrote (an earlier version's, or a copied one), so its files cannot be told from yours: ${rules.manifest.advice}, then remove the folder yourself`,
      );
    if (foreign.length > 0)
      refuse(
        `holds ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} the last build did not write (${named(foreign)}), which replacing it would delete: ${rules.manifest.advice}`,
      );
  }
  if (rules.replace) {
    checkParent(out, refuse);
    const locked = unwritableFolders(out);
    if (locked.length > 0)
      refuse(
        `cannot be replaced: you cannot remove files from ${named(locked.map(shownPath))} (written by another user, e.g. an earlier build run with sudo): remove the folder as that user (sudo rm -r ${shownPath(out)}) or build into another folder`,
      );
  }
}

/** Refuses unless the folder `out` lies in (or would be made in) is one the user can write in. */
function checkParent(out: string, refuse: (why: string) => never): void {
  const parent = existsSync(path.dirname(out)) ? path.dirname(out) : existingAncestor(out);
  if (!statSync(parent).isDirectory()) refuse(`cannot be made: ${shownPath(parent)} is a file, not a folder`);
  try {
    accessSync(parent, constants.W_OK | constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    refuse(
      `cannot be written: its folder ${shownPath(parent)} is ${code === 'EROFS' ? 'on a read-only file system' : 'not writable by you'} (the build writes beside the output, then swaps it in): choose an output folder you can write in`,
    );
  }
}

/** Marks `dir` as this tool's output, so a later run may replace it. */
export function writeStamp(dir: string, stamp: string, tool: string): void {
  writeFileSync(path.join(dir, stamp), `Written by ${tool}. A later run may replace this folder and everything in it.\n`);
}
