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
import { SITE_STAMP, writeStamp } from './guard.ts';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
 * back. Returns the folders removed or restored, for the report.
 */
export function recoverInterrupted(outputDir: string): string[] {
  const out = path.resolve(outputDir);
  const { building, previous } = leftovers(out);
  const touched: string[] = [];
  if (!existsSync(out) && previous.length > 0) {
    const newest = previous.sort().pop()!;
    renameSync(newest, out);
    touched.push(newest);
  }
  for (const dir of [...building, ...previous]) {
    rmSync(dir, { recursive: true, force: true });
    touched.push(dir);
  }
  return touched;
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

/** Puts the finished `staging` folder in place of `outputDir` and removes the previous output. */
export function swapIn(staging: string, outputDir: string): void {
  const out = path.resolve(outputDir);
  if (!existsSync(out)) {
    renameSync(staging, out);
    return;
  }
  const previous = path.join(path.dirname(out), `.${path.basename(out)}.previous-${process.pid}`);
  renameSync(out, previous);
  try {
    renameSync(staging, out);
  } catch (error) {
    renameSync(previous, out);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
