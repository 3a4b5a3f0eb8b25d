/**
 * One full build: Eleventy (programmatically, with .eleventy.ts) into a fresh folder beside the
 * output, then Pagefind over it, then `.nojekyll` so GitHub Pages serves the files as they are;
 * only then is the folder swapped in for the output (src/output/). A build that fails or is
 * killed leaves the previous site as it was. Before anything is written, the content dir, the
 * address settings and the output folder are checked, and the output's lock is taken.
 *
 * Options are arguments: the archive is loaded here and handed to Eleventy as its `site` global
 * with a plugin (src/eleventy/site-data.ts).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import * as pagefind from 'pagefind';
import { parsePathPrefix } from './address.ts';
import { checkContentDir } from './content-dir.ts';
import { shownPath } from './paths.ts';
import { explainRenderError } from './eleventy/explain-error.ts';
import { sitePlugin } from './eleventy/site-data.ts';
import { loadArchive } from './load.ts';
import { checkOutputDir, type OutputRules, SITE_STAMP } from './output/guard.ts';
import { acquireLock } from './output/lock.ts';
import { createStaging, recoverInterrupted, swapIn } from './output/swap.ts';
import { timed, type Progress } from './progress.ts';

export interface BuildOptions {
  /** Directory with newsletters/, categories.yml, site.yml. Default `content`. */
  contentDir?: string;
  /** Where the site is written. Default `_site`. */
  outputDir?: string;
  /** `/` or `/repo-name/`. Default `/`. */
  pathPrefix?: string;
  /** Public address of the site root (absolute URLs in the feed, sitemap, Open Graph). Default: site.yml's origin + prefix. */
  siteUrl?: string;
  /** No Eleventy warnings and no warning summary. */
  quiet?: boolean;
  /** Told when each stage is done (read, parse, render, index, swap), with counts and times. */
  progress?: Progress;
}

export interface BuildReport {
  outputDir: string;
  pathPrefix: string;
  /** Raw newsletter files found (read, or skipped with a warning). */
  files: number;
  issues: number;
  entries: number;
  warnings: number;
  /** Files Eleventy wrote (HTML pages, feed, sitemap, exports). */
  pagesWritten: number;
  /** Pages Pagefind indexed (the per-summary pages). */
  pagesIndexed: number;
  ms: number;
}

/** The repository root: .eleventy.ts and templates/ are found from here whatever the cwd. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const TOOL = 'npm run build (newsletter archive)';

let queue: Promise<unknown> = Promise.resolve();

/** Runs builds one after another: Eleventy's render plan and the load caches are per process. */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Thrown when Pagefind reports errors: the build must fail loudly, not ship a site with dead search. */
export class SearchIndexError extends Error {}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new SearchIndexError(`pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Pages in the index, from the `pagefind-entry.json` Pagefind handed back (addDirectory's
 * page_count counts every HTML file it read, also those left out because they have no
 * `data-pagefind-body`).
 */
function indexedPages(entryJson: Uint8Array): number {
  const entry = JSON.parse(Buffer.from(entryJson).toString('utf8')) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((n, language) => n + (language.page_count ?? 0), 0);
}

/**
 * Size of Pagefind's index chunks, in word positions: about a third of Pagefind's default. A query
 * fetches the chunks that hold its words (and, for the word being typed, every word it starts),
 * so smaller chunks cut what one search costs a reader: at 200 issues a two-word query fetched
 * 55-90 KB of index with the default, 25-45 KB with this (README, Performance). Pagefind reads the
 * setting only from its indexing service's environment, under a name it calls unstable; a version
 * without it falls back to its default, which the benchmark would show.
 */
const INDEX_CHUNK_SIZE = 6000;

/**
 * Pagefind's indexing service takes its chunk size only from the environment it starts with
 * (inside createIndex): the variable is set for that call alone and put back afterwards.
 */
async function withPagefindEnv<T>(start: () => Promise<T>): Promise<T> {
  const name = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';
  const saved = process.env[name];
  process.env[name] = String(INDEX_CHUNK_SIZE);
  try {
    return await start();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

/** Files under `dir`, relative to it, with `/` separators. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
}

/**
 * Indexes the built site with Pagefind's Node API; returns the number of pages indexed. The
 * bundle's files are taken from Pagefind in memory (`getFiles`) and written here: the pages are
 * counted from what Pagefind returned, never by reading a file its process may still be writing.
 * Files of an earlier bundle that the new one does not have are removed.
 */
export async function indexSite(outputDir: string): Promise<number> {
  try {
    // The service starts inside createIndex, with the environment of that moment.
    const created = await withPagefindEnv(() => pagefind.createIndex({}));
    check('createIndex', created.errors);
    if (!created.index) throw new SearchIndexError('pagefind createIndex returned no index');
    const added = await created.index.addDirectory({ path: outputDir });
    check('addDirectory', added.errors);
    if (added.page_count === 0) throw new SearchIndexError(`pagefind found no pages to index in ${outputDir}`);
    const bundle = await created.index.getFiles();
    check('getFiles', bundle.errors);
    await created.index.deleteIndex();
    const entry = bundle.files.find((f) => f.path === 'pagefind-entry.json');
    if (!entry) throw new SearchIndexError('pagefind wrote no pagefind-entry.json');
    const indexed = indexedPages(entry.content);
    if (indexed === 0) throw new SearchIndexError(`pagefind indexed no pages in ${outputDir}: no page has data-pagefind-body`);
    const dir = path.join(outputDir, 'pagefind');
    const fresh = new Set(bundle.files.map((f) => f.path));
    for (const stale of filesUnder(dir).filter((f) => !fresh.has(f))) rmSync(path.join(dir, stale), { force: true });
    for (const file of bundle.files) {
      const target = path.join(dir, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    return indexed;
  } finally {
    await pagefind.close();
  }
}

/** What the site's output folder may be: never the project, the content dir or anything holding them. */
export function siteOutputRules(contentDir: string): OutputRules {
  return {
    name: 'OUTPUT_DIR',
    stamp: SITE_STAMP,
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

/** Builds the site: Eleventy, then Pagefind, then `.nojekyll`, then the swap. Rejects on any failure. */
export function buildSite(options: BuildOptions = {}): Promise<BuildReport> {
  return serialized(async () => {
    const started = performance.now();
    const outputDir = path.resolve(options.outputDir ?? '_site');
    const contentDir = path.resolve(options.contentDir ?? 'content');
    const pathPrefix = parsePathPrefix(options.pathPrefix);
    const { progress } = options;
    checkContentDir(contentDir);
    checkOutputDir(outputDir, siteOutputRules(contentDir));
    const lock = acquireLock(outputDir, 'another build');
    let staging: string | null = null;
    try {
      recoverInterrupted(outputDir);
      // Read, parse and collect before Eleventy starts: a mistake in the content stops the build
      // before a folder is made, with its own message rather than inside Eleventy's.
      const loaded = loadArchive({ contentDir, pathPrefix, siteUrl: options.siteUrl, quiet: options.quiet, progress });
      staging = createStaging(outputDir, TOOL);
      const into = staging;
      const templates = await timed(
        'render',
        progress,
        async () => {
          const eleventy = new Eleventy(path.join(ROOT, 'templates'), into, {
            configPath: path.join(ROOT, '.eleventy.ts'),
            pathPrefix,
            quietMode: true,
            source: 'script',
            config: sitePlugin(() => loaded.site),
          });
          eleventy.logger.overrideLogger(eleventyLogger(options.quiet ?? false));
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
      );
      const pagesIndexed = await timed(
        'index',
        progress,
        () => indexSite(into),
        (n) => `${n} pages`,
      );
      writeFileSync(path.join(into, '.nojekyll'), '');
      await timed(
        'swap',
        progress,
        () => swapIn(into, outputDir),
        () => `${shownPath(outputDir)} replaced`,
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
        pagesWritten: templates,
        pagesIndexed,
        ms: Math.round(performance.now() - started),
      };
    } finally {
      if (staging !== null) rmSync(staging, { recursive: true, force: true });
      lock.release();
    }
  });
}
