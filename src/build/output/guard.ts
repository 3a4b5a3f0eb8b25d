/**
 * What a tool may write into and replace. The build replaces its output folder, and `gen-corpus`
 * its `--out` folder: before either touches anything, the folder is checked here.
 *
 * Refused, always: a path that is a file (`OUTPUT_DIR=README.md`) or a symbolic link; a path that
 * is, or holds, one of the folders to keep (the project, the content dir) or the user's home; a
 * path inside the content dir; a path that is or lies inside a `.git` or `node_modules` folder, or
 * holds one (someone's repository). Refused unless forced: a folder that exists, is not empty and
 * has no stamp (the small file each tool leaves in what it wrote): it was not made by this tool.
 */
import { existsSync, lstatSync, readdirSync, type Stats, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { isWithin } from '../paths.ts';

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
}

/** Throws OutputDirError when `dir` may not be written and replaced; see the module comment. */
export function checkOutputDir(dir: string, rules: OutputRules): void {
  const out = path.resolve(dir);
  const refuse = (why: string): never => {
    throw new OutputDirError(`${rules.name} ${out} ${why}; nothing was written or removed`);
  };
  const keep = [...rules.keep, { dir: rules.home ?? os.homedir(), what: 'your home folder', inside: true }];
  for (const { dir: kept, what, inside } of keep) {
    const resolved = path.resolve(kept);
    if (isWithin(resolved, out)) refuse(out === resolved ? `is ${what}` : `holds ${what} (${resolved})`);
    if (!inside && isWithin(out, resolved)) refuse(`is inside ${what} (${resolved})`);
  }
  const parts = out.split(path.sep);
  const special = parts.findIndex((part) => part === '.git' || part === 'node_modules');
  if (special >= 0) refuse(`${special === parts.length - 1 ? 'is' : 'is inside'} a ${parts[special]} folder`);
  let stat: Stats;
  try {
    stat = lstatSync(out);
  } catch {
    return; // does not exist yet: it will be created
  }
  if (stat.isSymbolicLink()) refuse('is a symbolic link: give the folder it points to');
  if (!stat.isDirectory()) refuse('is a file, not a folder: it would be replaced by a folder');
  for (const special of ['.git', 'node_modules']) if (existsSync(path.join(out, special))) refuse(`holds a ${special} folder`);
  if (!rules.force && readdirSync(out).length > 0 && !existsSync(path.join(out, rules.stamp))) {
    refuse(
      `already holds files that this tool did not write (it has no ${rules.stamp}): choose a new or empty folder, or empty it yourself`,
    );
  }
}

/** Marks `dir` as this tool's output, so a later run may replace it. */
export function writeStamp(dir: string, stamp: string, tool: string): void {
  writeFileSync(path.join(dir, stamp), `Written by ${tool}. A later run may replace this folder and everything in it.\n`);
}
