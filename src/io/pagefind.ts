/**
 * The search index: Pagefind's Node API over the built site, its bundle written into the site's
 * `pagefind/` folder.
 *
 * Pagefind runs one indexing service per process (inside the `pagefind` package), and closing it
 * stops every index of the process: indexing takes turns (`PagefindTurns`), the one thing builds in
 * one process wait for each other for.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { routes } from '../site/routes.ts';
import type { SearchRecordView } from '../site/pages/search-records.ts';
import type { SiteData } from '../site.ts';

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
export function indexSite(outputDir: string, input: SearchIndexInput | null = null): Promise<number> {
  return PAGEFIND_TURNS.take(() => indexWithService(outputDir, input));
}

/**
 * What search finds: the pages that are search records (`pages`, paths under the site such as
 * `papers/x/`: the summary pages and essays that carry `data-pagefind-body`), read from the built
 * site, and the items no summary page stands for (src/site/pages/search-records.ts), in the site's
 * language. Only those pages are handed to Pagefind: reading every page of the site to find them
 * would cost a link digest of 40,000 pages most of its indexing time. Without an input (a site
 * this build did not plan), every HTML file of the folder is read.
 */
export interface SearchIndexInput {
  pages: readonly string[];
  records: readonly SearchRecordView[];
  language: string;
}

/**
 * The search index's input from the site data: the pages whose templates mark them
 * `data-pagefind-body` (a summary page that is a record of its own, templates/_includes/pages/paper.njk;
 * an issue written as one essay, pages/issue.njk), and the other records.
 */
export function searchInputOf(site: Pick<SiteData, 'papers' | 'issues' | 'searchRecords' | 'settings'>): SearchIndexInput {
  return {
    pages: [
      ...site.papers.filter((p) => p.search.indexed).map((p) => p.path),
      ...site.issues.filter((i) => i.introStyle === 'essay').map((i) => i.path),
    ],
    records: site.searchRecords,
    language: site.settings.language,
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A record as the HTML Pagefind reads: its metadata, filters and sort keys as a summary page
 * declares them (on elements left out of the text), and its items: an item's own record is its
 * title and text; a section's, each item's title as a heading with its anchor (Pagefind's
 * sub-results), then its text. Every value is escaped; the items' HTML is the issue page's,
 * already sanitized.
 */
export function recordHtml(record: SearchRecordView, language: string): string {
  const hidden = (attribute: string, name: string, value: string): string =>
    `<span data-pagefind-ignore ${attribute}="${escapeHtml(name)}">${escapeHtml(value)}</span>`;
  const meta = Object.entries(record.meta).map(([name, value]) => hidden('data-pagefind-meta', name, value));
  const filters = Object.entries(record.filters).flatMap(([name, values]) =>
    values.map((value) => hidden('data-pagefind-filter', name, value)),
  );
  const sort = Object.entries(record.sort).map(
    ([name, value]) => `<span data-pagefind-sort="${escapeHtml(name)}:${escapeHtml(value)}"></span>`,
  );
  const items =
    record.kind === 'one'
      ? record.items.map((item) => `<p>${escapeHtml(item.title)}</p>${item.html}`)
      : record.items.map((item) => `<h2 id="${escapeHtml(item.anchor)}">${escapeHtml(item.title)}</h2>${item.html}`);
  return `<!doctype html><html lang="${escapeHtml(language)}"><body><div data-pagefind-body>${[...meta, ...filters, ...sort, ...items].join('')}</div></body></html>`;
}

/**
 * The turns of Pagefind's one service. The service is the `pagefind` package's own, one per
 * process, so its turns are too: `PAGEFIND_TURNS` is the one instance, beside the service it
 * stands for.
 */
class PagefindTurns {
  /** The end of the last indexing started: the next one starts after it. */
  #last: Promise<unknown> = Promise.resolve();

  /** Runs `task` once every indexing started before it is done. */
  take<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#last.then(task, task);
    this.#last = run.catch(() => undefined);
    return run;
  }
}

const PAGEFIND_TURNS = new PagefindTurns();

async function indexWithService(outputDir: string, input: SearchIndexInput | null): Promise<number> {
  try {
    // The service starts inside createIndex, with the environment of that moment.
    const created = await withPagefindEnv(() => pagefind.createIndex({}));
    check('createIndex', created.errors);
    if (!created.index) throw new SearchIndexError('pagefind createIndex returned no index');
    let pageCount = 0;
    if (input === null) {
      const added = await created.index.addDirectory({ path: outputDir });
      check('addDirectory', added.errors);
      pageCount = added.page_count;
    } else {
      for (const page of input.pages) {
        const content = readFileSync(path.join(outputDir, page, 'index.html'), 'utf8');
        const file = await created.index.addHTMLFile({ url: `/${page}`, content });
        check(`addHTMLFile /${page}`, file.errors);
      }
      for (const record of input.records) {
        const file = await created.index.addHTMLFile({ url: record.url, content: recordHtml(record, input.language) });
        check(`addHTMLFile ${record.url}`, file.errors);
      }
      pageCount = input.pages.length + input.records.length;
    }
    if (pageCount === 0) throw new SearchIndexError(`pagefind found no pages to index in ${outputDir}`);
    const bundle = await created.index.getFiles();
    check('getFiles', bundle.errors);
    await created.index.deleteIndex();
    const entry = bundle.files.find((f) => f.path === 'pagefind-entry.json');
    if (!entry) throw new SearchIndexError('pagefind wrote no pagefind-entry.json');
    const indexed = indexedPages(entry.content);
    if (indexed === 0) throw new SearchIndexError(`pagefind indexed no pages in ${outputDir}: no page has data-pagefind-body`);
    const dir = path.join(outputDir, routes.pagefind);
    const fresh = new Set(bundle.files.map((f) => f.path));
    for (const stale of filesUnder(dir).filter((f) => !fresh.has(f))) rmSync(path.join(dir, stale), { force: true });
    for (const file of bundle.files) {
      const target = path.join(dir, file.path);
      try {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, file.content);
      } catch (error) {
        // A failed write (a full disk) names no file of its own: name the one being written.
        (error as NodeJS.ErrnoException).path ??= target;
        throw error;
      }
    }
    return indexed;
  } finally {
    await pagefind.close();
  }
}
