/**
 * One full build of a session's site: the archive loaded (src/io/load.ts), Eleventy into a
 * fresh folder beside the output, then Pagefind over it, then the content dir's `static/` files
 * and `.nojekyll` (so GitHub Pages serves the files as they are), then the list of every file
 * written in the stamp; only then is the folder swapped in for the output (src/io/output/).
 * A build that fails or is killed leaves the previous site as it was. Before anything is written,
 * the content dir and the output folder are checked, and the output's lock is taken.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkContentDir } from './content-dir.ts';
import { eleventyFor } from './eleventy/config.ts';
import { explainRenderError } from './eleventy/explain-error.ts';
import { loadArchive } from './load.ts';
import { checkOutputDir, type OutputRules, SITE_STAMP } from './output/guard.ts';
import { acquireLock } from './output/lock.ts';
import { filesIn, writeManifest } from './output/manifest.ts';
import { copyStatic, STATIC_DIR } from './output/static.ts';
import { createStaging, recoverInterrupted, swapIn } from './output/swap.ts';
import { inStage } from './errors.ts';
import { indexSite, searchInputOf } from './pagefind.ts';
import { shownPath } from './paths.ts';
import { timed } from './progress.ts';
import type { BuildSession, LoadReport } from './session.ts';

export interface BuildReport {
  outputDir: string;
  pathPrefix: string;
  /** Raw newsletter files found (read, or skipped with a warning). */
  files: number;
  issues: number;
  entries: number;
  warnings: number;
  /** The warnings of the data files (site.yml, categories.yml, database.csv, people.yml), counted in `warnings` too. */
  dataFileWarnings: LoadReport['dataFileWarnings'];
  /** How the database lined up with the issues; null without a database.csv. */
  reconciliation: LoadReport['reconciliation'];
  /** Files Eleventy wrote (HTML pages, feed, sitemap, exports). */
  pagesWritten: number;
  /** Pages Pagefind indexed (the per-summary pages); 0 for an archive without summaries, which gets no index. */
  pagesIndexed: number;
  /** Files copied from the content dir's static/ folder. */
  staticFiles: number;
  /** What the build noticed and did on the side (a stale lock or an interrupted build's folder removed), one line each. */
  notes: string[];
  ms: number;
}

/** The repository root: the project, which no output may replace. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const TOOL = 'npm run build (newsletter archive)';

/** What the site's output folder may be: never the project, the content dir or anything holding them. */
export function siteOutputRules(contentDir: string): OutputRules {
  return {
    name: 'OUTPUT_DIR',
    stamp: SITE_STAMP,
    manifest: { advice: `move them to ${shownPath(path.join(contentDir, STATIC_DIR))}/ (copied into every build) or elsewhere` },
    replace: true,
    keep: [
      { dir: ROOT, what: 'the project', inside: true },
      { dir: contentDir, what: 'the content dir', inside: false },
    ],
  };
}

/** Eleventy's log without its line per page: warnings go to stderr (unless quiet), the rest is dropped. */
function eleventyLogger(quiet: boolean): { log(): void; info(): void; error(): void; warn(message: string): void } {
  return { log: () => {}, info: () => {}, error: () => {}, warn: (message) => void (quiet || process.stderr.write(`${message}\n`)) };
}

/** Builds the session's site: Eleventy, then Pagefind, then `static/` and `.nojekyll`, then the swap. Rejects on any failure, with a StageError naming the stage. */
export async function buildSite(session: BuildSession): Promise<BuildReport> {
  const started = performance.now();
  const { contentDir, outputDir, pathPrefix, progress } = session;
  const notes: string[] = [];
  const note = (text: string): void => {
    notes.push(text);
    session.onNote?.(text);
  };
  const lock = await inStage('check', () => {
    checkContentDir(contentDir);
    checkOutputDir(outputDir, siteOutputRules(contentDir));
    return acquireLock(outputDir, 'another build');
  });
  if (lock.takenOver) note(lock.takenOver);
  let staging: string | null = null;
  try {
    for (const text of await inStage('check', () => recoverInterrupted(outputDir))) note(text);
    // Read, parse and collect before Eleventy starts: a mistake in the content stops the build
    // before a folder is made, with its own message rather than inside Eleventy's.
    const loaded = await inStage('load', () => loadArchive(session));
    staging = await inStage('render', () => createStaging(outputDir, TOOL));
    const into = staging;
    const templates = await inStage('render', () =>
      timed(
        'render',
        progress,
        async () => {
          const eleventy = eleventyFor(session, { output: into, load: () => loaded.site });
          eleventy.logger.overrideLogger(eleventyLogger(session.quiet));
          try {
            const [, written] = await eleventy.write();
            return written.filter((t) => t.outputPath !== false).length;
          } catch (error) {
            // Eleventy's copy of templates/assets runs beside the templates and is not stopped
            // when they fail: removing the folder under it would make it reject later, with no
            // one to catch it. It takes a few milliseconds; give it time to finish.
            await new Promise((resolve) => setTimeout(resolve, 250));
            throw explainRenderError(error, into, loaded);
          }
        },
        (n) => `${n} pages`,
      ),
    );
    // With no summary, no page is made for search; Pagefind would index the site's own pages instead.
    const empty = loaded.report.entries === 0;
    if (empty)
      note(
        `the archive has no summaries (${shownPath(path.join(contentDir, 'newsletters'))} holds no issue with one): the site is built without a search index`,
      );
    const pagesIndexed = await inStage('index', () =>
      timed(
        'index',
        progress,
        () => (empty ? 0 : indexSite(into, searchInputOf(loaded.site))),
        (n) => (empty ? 'no summaries: no search index' : `${n} pages`),
      ),
    );
    const copied = await inStage('static', () => {
      writeFileSync(path.join(into, '.nojekyll'), '');
      const copy = copyStatic(contentDir, into);
      for (const text of copy.notes) note(text);
      writeManifest(into, SITE_STAMP, TOOL, filesIn(into));
      return copy.files.length;
    });
    await inStage('swap', () =>
      timed(
        'swap',
        progress,
        () => {
          for (const text of swapIn(into, outputDir)) note(text);
        },
        () => `${shownPath(outputDir)} replaced`,
      ),
    );
    staging = null;
    const load = loaded.report;
    return {
      outputDir,
      pathPrefix,
      files: load.files,
      issues: load.issues,
      entries: load.entries,
      warnings: load.warnings,
      dataFileWarnings: load.dataFileWarnings,
      reconciliation: load.reconciliation,
      pagesWritten: templates,
      pagesIndexed,
      staticFiles: copied,
      notes,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    if (staging !== null) rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
}
