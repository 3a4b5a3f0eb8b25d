/**
 * One full build: Eleventy (programmatically, with .eleventy.ts) into the output dir, then
 * Pagefind over it, then `.nojekyll` so GitHub Pages serves the files as they are.
 *
 * The Eleventy config reads CONTENT_DIR / PATH_PREFIX / SITE_URL from the environment (that is
 * the one channel both the CLI and this function share), so builds in one process run one at a
 * time, each with its own environment, restored afterwards.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import * as pagefind from 'pagefind';
import { normalizePrefix } from './collect.ts';
import { lastLoadReport } from './load-site.ts';

export interface BuildOptions {
  /** Directory with newsletters/, categories.yml, site.yml. Default `content`. */
  contentDir?: string;
  /** Where the site is written. Default `_site`. */
  outputDir?: string;
  /** `/` or `/repo-name/`. Default `/`. */
  pathPrefix?: string;
  /** Public address of the site root (absolute URLs in the feed, sitemap, Open Graph). Default: site.yml's origin + prefix. */
  siteUrl?: string;
  /** No Eleventy log lines and no warning summary. */
  quiet?: boolean;
}

export interface BuildReport {
  outputDir: string;
  pathPrefix: string;
  /** Raw newsletter files read. */
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
const ROOT = path.resolve(import.meta.dirname, '..');

let queue: Promise<unknown> = Promise.resolve();

/** Runs builds one after another: each one owns process.env while it runs. */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function withEnv<T>(vars: Record<string, string | undefined>, task: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(vars);
  try {
    return await task();
  } finally {
    set(saved);
  }
}

/** Thrown when Pagefind reports errors: the build must fail loudly, not ship a site with dead search. */
export class SearchIndexError extends Error {}

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new SearchIndexError(`pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Pages in the written index (addDirectory's page_count counts every HTML file it read, also
 * those left out because they have no `data-pagefind-body`).
 */
function indexedPages(bundle: string): number {
  const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
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

/** Indexes the built site with Pagefind's Node API; returns the number of pages indexed. */
export async function indexSite(outputDir: string): Promise<number> {
  try {
    // The service starts inside createIndex, with the environment of that moment.
    const created = await withEnv({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE) }, () => pagefind.createIndex({}));
    check('createIndex', created.errors);
    if (!created.index) throw new SearchIndexError('pagefind createIndex returned no index');
    const added = await created.index.addDirectory({ path: outputDir });
    check('addDirectory', added.errors);
    if (added.page_count === 0) throw new SearchIndexError(`pagefind found no pages to index in ${outputDir}`);
    const bundle = path.join(outputDir, 'pagefind');
    const written = await created.index.writeFiles({ outputPath: bundle });
    check('writeFiles', written.errors);
    await created.index.deleteIndex();
    const indexed = indexedPages(bundle);
    if (indexed === 0) throw new SearchIndexError(`pagefind indexed no pages in ${outputDir}: no page has data-pagefind-body`);
    return indexed;
  } finally {
    await pagefind.close();
  }
}

/**
 * A full build starts from an empty output dir: pages of an issue removed from the archive must
 * not stay behind to be published and indexed. Refuses dirs that hold the project or the content.
 */
function emptyOutputDir(outputDir: string, contentDir: string): void {
  const inside = (dir: string, parent: string): boolean => {
    const rel = path.relative(parent, dir);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  if (inside(ROOT, outputDir) || inside(contentDir, outputDir)) {
    throw new Error(`refusing to build into ${outputDir}: it holds the project or its content`);
  }
  for (const dir of ['src', 'templates', 'content', 'tests', 'scripts']) {
    if (inside(outputDir, path.join(ROOT, dir))) throw new Error(`refusing to build into ${outputDir}: it is inside ${dir}/`);
  }
  rmSync(outputDir, { recursive: true, force: true });
}

/** Builds the site: Eleventy, then Pagefind, then `.nojekyll`. Rejects on any failure. */
export function buildSite(options: BuildOptions = {}): Promise<BuildReport> {
  return serialized(async () => {
    const started = performance.now();
    const outputDir = path.resolve(options.outputDir ?? '_site');
    const contentDir = path.resolve(options.contentDir ?? 'content');
    const pathPrefix = normalizePrefix(options.pathPrefix);
    emptyOutputDir(outputDir, contentDir);
    const templates = await withEnv(
      {
        CONTENT_DIR: contentDir,
        PATH_PREFIX: pathPrefix,
        SITE_URL: options.siteUrl ?? process.env.SITE_URL,
        SITE_QUIET: options.quiet ? '1' : process.env.SITE_QUIET,
      },
      async () => {
        const eleventy = new Eleventy(path.join(ROOT, 'templates'), outputDir, {
          configPath: path.join(ROOT, '.eleventy.ts'),
          pathPrefix,
          quietMode: options.quiet ?? false,
          source: 'script',
        });
        const [, written] = await eleventy.write();
        return written;
      },
    );
    const pagesIndexed = await indexSite(outputDir);
    writeFileSync(path.join(outputDir, '.nojekyll'), '');
    const load = lastLoadReport();
    return {
      outputDir,
      pathPrefix,
      files: load?.files ?? 0,
      issues: load?.issues ?? 0,
      entries: load?.entries ?? 0,
      warnings: load?.warnings ?? 0,
      pagesWritten: templates.filter((t) => t.outputPath !== false).length,
      pagesIndexed,
      ms: Math.round(performance.now() - started),
    };
  });
}
