/**
 * The output folder is replaced whole, or not at all. A build writes into a fresh folder beside
 * the output (`_site` -> `._site.building-<pid>`), and only when every step succeeded is it
 * swapped in: the old output is renamed aside (`._site.previous-<pid>`), the new one renamed into
 * place, the old one removed. Until then the previous site stays exactly as it was, whether the
 * build fails or is killed; the folders a killed build leaves behind are removed by the next
 * build (they carry the stamp, so only the tool's own folders are ever removed).
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { shownPath } from '../paths.ts';
import { SITE_STAMP, writeStamp } from './guard.ts';
import { escapeRegExp } from '../../records/dialect.ts';

/**
 * The folders beside `outputDir` that builds make: `.<name>.building-<pid>`, `.<name>.previous-<pid>`,
 * each with the stamp. A building folder may also be empty: a build killed between making it and
 * stamping it (`createStaging`) leaves it so, and an empty folder holds nothing anyone could lose.
 */
function leftovers(outputDir: string): { building: string[]; previous: string[] } {
  const parent = path.dirname(outputDir);
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(outputDir))}\\.(building|previous)-\\d+$`);
  const found = { building: [] as string[], previous: [] as string[] };
  if (!existsSync(parent)) return found;
  for (const name of readdirSync(parent)) {
    const kind = pattern.exec(name)?.[1] as 'building' | 'previous' | undefined;
    const dir = path.join(parent, name);
    if (kind && (existsSync(path.join(dir, SITE_STAMP)) || (kind === 'building' && isEmptyFolder(dir)))) found[kind].push(dir);
  }
  return found;
}

/**
 * Clears what an interrupted build left beside `outputDir`; call it holding the output's lock.
 * A build killed between its two renames leaves no output and the previous one aside: it is put
 * back. Returns a note for each folder removed or restored (and for one that could not be
 * removed: it is in no later build's way, each build's folders are named by its process).
 */
export function recoverInterrupted(outputDir: string): string[] {
  const out = path.resolve(outputDir);
  const { building, previous } = leftovers(out);
  const notes: string[] = [];
  if (!existsSync(out) && previous.length > 0) {
    const newest = previous.sort().pop()!;
    renameSync(newest, out);
    notes.push(`the previous site was put back from ${shownPath(newest)}, where an interrupted build had left it`);
  }
  for (const dir of [...building, ...previous]) {
    try {
      rmSync(dir, { recursive: true, force: true });
      notes.push(`removed ${shownPath(dir)}, left by an interrupted build`);
    } catch (error) {
      notes.push(
        `could not remove ${shownPath(dir)}, left by an interrupted build (${(error as NodeJS.ErrnoException).code ?? String(error)}): remove it yourself`,
      );
    }
  }
  return notes;
}

function isEmptyFolder(dir: string): boolean {
  return lstatSync(dir).isDirectory() && readdirSync(dir).length === 0;
}

/** A fresh, stamped folder beside `outputDir` for a build to write into. */
export function createStaging(outputDir: string, tool: string): string {
  const out = path.resolve(outputDir);
  mkdirSync(path.dirname(out), { recursive: true });
  const staging = path.join(path.dirname(out), `.${path.basename(out)}.building-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  writeStamp(staging, SITE_STAMP, tool);
  return staging;
}

/**
 * Puts the finished `staging` folder in place of `outputDir` and removes the previous output.
 * Returns a note when the previous output, already replaced, could not be removed.
 */
export function swapIn(staging: string, outputDir: string): string[] {
  const out = path.resolve(outputDir);
  if (!existsSync(out)) {
    renameSync(staging, out);
    return [];
  }
  const previous = path.join(path.dirname(out), `.${path.basename(out)}.previous-${process.pid}`);
  renameSync(out, previous);
  try {
    renameSync(staging, out);
  } catch (error) {
    renameSync(previous, out);
    throw error;
  }
  try {
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    // The new site is in place: the old one aside is in no later build's way.
    return [
      `the previous site is replaced, but ${shownPath(previous)} could not be removed (${(error as NodeJS.ErrnoException).code ?? String(error)}): remove it yourself`,
    ];
  }
  return [];
}
