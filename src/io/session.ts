/**
 * One build session: the options a build runs with, everything it keeps from one build to the
 * next, and what its last load found. `npm run build` makes one session for its one build;
 * `npm start` one for as long as the dev server runs, so each rebuild after an edit redoes only
 * what the edit touched. The session is handed to Eleventy through the programmatic API's
 * `config` callback (src/io/eleventy/config.ts): options travel as arguments, never through the
 * environment, and no module holds state across builds.
 *
 * A new input read from the content dir is read in src/io/load.ts; a new cache or memo of a
 * later build stage gets a field in `caches` and its row in docs/ARCHITECTURE.md, Incremental
 * rebuilds, which says of every cache what it keeps, by what key, and what makes it again.
 */
import path from 'node:path';
import { MergeMemo } from '../merge.ts';
import type { Database } from '../merge/database.ts';
import { DatesMemo } from '../merge/issue-dates.ts';
import type { IssuesFile } from '../merge/issues-file.ts';
import type { PeopleConfig } from '../merge/people.ts';
import type { Reconciliation } from '../merge/reconciliation.ts';
import type { ParseOptions } from '../parse.ts';
import type { MergedIssue } from '../merge/paper.ts';
import type { ParseWarning } from '../records/types.ts';
import type { SiteData } from '../site.ts';
import { newParseCache, type ParseCache } from '../parse/parse-cache.ts';
import type { MarkdownRenderer } from '../site/text/markdown.ts';
import { SiteReuse } from '../site/reuse.ts';
import { RelatedMemo } from '../site/engines/related-pages.ts';
import { ChartMemo } from '../site/pages/stats.ts';
import { CiteMemo } from '../site/pages/bib.ts';
import { parsePathPrefix } from './address.ts';
import { DEFAULT_CONTENT_DIR } from './content-dir.ts';
import { RenderPlanner } from './eleventy/render-plan.ts';
import { ExportRows } from './export-rows.ts';
import type { Progress } from './progress.ts';
import type { ReadCache } from './read.ts';

/** Where the site is written when no output folder is given. */
export const DEFAULT_OUTPUT_DIR = '_site';

/** What one load made: the site data, the issues it came from (parsed and merged; to name the input of a page), and its counts. */
export interface LoadedArchive {
  site: SiteData;
  issues: MergedIssue[];
  report: LoadReport;
  warnings: ParseWarning[];
}

/** What one load found: for the build report. */
export interface LoadReport {
  contentDir: string;
  files: number;
  /** Files in newsletters/ that were left out: not an issue's extension, binary, a link out of the content dir. */
  skipped: number;
  issues: number;
  entries: number;
  warnings: number;
  /** The warnings about the data files (site.yml, categories.yml, database.csv, people.yml), in full: every build lists them. */
  dataFileWarnings: readonly ParseWarning[];
  /** How the database lined up with the issues (`npm run reconcile` lists each case); null without a database.csv. */
  reconciliation: Reconciliation['counts'] | null;
}

/** What a caller decides; every field has a default. */
export interface SessionOptions {
  /** Directory with newsletters/, categories.yml, site.yml. Default `content`. */
  contentDir?: string;
  /** Where the site is written. Default `_site`. */
  outputDir?: string;
  /** `/` or `/repo-name/` (checked: src/io/address.ts). Default `/`. */
  pathPrefix?: string;
  /** Public address of the site root (absolute URLs in the feed, sitemap, Open Graph). Default: site.yml's origin + prefix. */
  siteUrl?: string;
  /** No Eleventy warnings and no warning summary on stderr. */
  quiet?: boolean;
  /** Told when each stage is done (read, parse, render, index, swap), with counts and times. */
  progress?: Progress;
  /** Told each note as the build makes it (a stale lock taken over, an interrupted build's folder removed). */
  onNote?: (note: string) => void;
}

/** What a session keeps from one build to the next: every cache of the pipeline, in stage order (docs/ARCHITECTURE.md, Incremental rebuilds). */
export interface SessionCaches {
  /** Decoded newsletter files, by path: an unchanged file is read but not decoded again. */
  read: ReadCache;
  /**
   * The parse options object, kept while categories.yml and the editor are unchanged: the parse
   * cache holds per options object.
   */
  parseOptions: { key: string; options: ParseOptions } | null;
  /** Parsed files: after one edit, one file is parsed again. */
  parse: ParseCache;
  /** database.csv and people.yml as last read, with their text: parsed again only when the text changes. */
  database: { text: string; value: Database } | null;
  people: { text: string; value: PeopleConfig } | null;
  /** The dates file (issues.csv) as last read, with its text; and the dates stage's memo (src/merge/issue-dates.ts). */
  issuesFile: { text: string; value: IssuesFile } | null;
  dates: DatesMemo;
  /** The database merge's memo: an unchanged entry with the same row is the same merged object (src/merge.ts). */
  merge: MergeMemo;
  /**
   * The Markdown renderer (and its cache of rendered texts), kept while the archive's issue
   * numbers point at the same issues (`issueLinkKey`), so editing one issue re-renders only
   * that issue's text.
   */
  markdown: { key: string; renderer: MarkdownRenderer } | null;
  /** Entry views, records, slugs, excerpts and pages kept by the site data (`SiteReuse`). */
  site: SiteReuse;
  /**
   * Related summaries: each text's analysed terms, each page's engine input and the last result
   * (kept while every input is the same), each page's list (src/site/engines/related-pages.ts).
   */
  related: RelatedMemo;
  /** The charts of /stats/ and the category pages, by the numbers they are drawn from (src/site/pages/stats.ts). */
  charts: ChartMemo;
  /** Each summary's BibTeX entries and text, by entry view, for the .bib files (src/site/pages/bib.ts). */
  cite: CiteMemo;
  /** Each export record's CSV row and JSON text. */
  exports: ExportRows;
  /** Which pages the last builds rendered, by output dir, and the views' fingerprints. */
  render: RenderPlanner;
}

export class BuildSession {
  /** Absolute. */
  readonly contentDir: string;
  /** Absolute. */
  readonly outputDir: string;
  /** `/` or `/repo-name/`, checked. */
  readonly pathPrefix: string;
  readonly siteUrl: string | undefined;
  readonly quiet: boolean;
  readonly progress: Progress | undefined;
  readonly onNote: ((note: string) => void) | undefined;
  readonly caches: SessionCaches;
  /** What the last successful load made (the site data, the issues it came from, its counts); null before the first. */
  loaded: LoadedArchive | null = null;

  /** Throws AddressError when the path prefix cannot be one. */
  constructor(options: SessionOptions = {}) {
    this.contentDir = path.resolve(options.contentDir ?? DEFAULT_CONTENT_DIR);
    this.outputDir = path.resolve(options.outputDir ?? DEFAULT_OUTPUT_DIR);
    this.pathPrefix = parsePathPrefix(options.pathPrefix);
    this.siteUrl = options.siteUrl;
    this.quiet = options.quiet ?? false;
    this.progress = options.progress;
    this.onNote = options.onNote;
    this.caches = {
      read: new Map(),
      parseOptions: null,
      parse: newParseCache(),
      database: null,
      people: null,
      issuesFile: null,
      dates: new DatesMemo(),
      merge: new MergeMemo(),
      markdown: null,
      site: new SiteReuse(),
      related: new RelatedMemo(),
      charts: new ChartMemo(),
      cite: new CiteMemo(),
      exports: new ExportRows(),
      render: new RenderPlanner(this.contentDir),
    };
  }
}
