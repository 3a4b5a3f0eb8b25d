/**
 * The site's one global: read -> parse -> collect, once per build.
 *
 * Eleventy calls it through `addGlobalData("site", ...)`; every template reads the same
 * SiteData, so nothing is parsed or rendered per template. `loadArchive` takes its options as
 * arguments (the build and the dev server bind them, src/eleventy/site-data.ts); `loadSite`
 * fills them from the environment (CONTENT_DIR, PATH_PREFIX, SITE_URL) for the plain Eleventy
 * config file.
 */
import path from 'node:path';
import { parsePathPrefix, siteAddress } from './address.ts';
import { collectSite, type SiteData, type SiteSettings } from '../site.ts';
import { SiteReuse } from '../site/reuse.ts';
import { issueLinker, issueLinkKey } from '../site/routes.ts';
import { readContentSettings, type SiteYaml } from './content-dir.ts';
import { shownPath } from './paths.ts';
import { createMarkdown, type MarkdownRenderer } from '../site/markdown.ts';
import { checkUniquePages } from '../site/page-sources.ts';
import { parseArchive, type ParseOptions } from '../parse.ts';
import { newParseCache } from '../parse/parse-cache.ts';
import type { Progress } from './progress.ts';
import { readNewsletters, type ReadCache } from './read.ts';
import type { Vocabulary } from '../records/categories.ts';
import type { Issue, ParseWarning } from '../records/types.ts';

export interface LoadOptions {
  /** Directory with `newsletters/`, `categories.yml`, `site.yml`. Default: env CONTENT_DIR, else `content`. */
  contentDir?: string;
  /** `/` or `/repo-name/`. Default: env PATH_PREFIX, else `/`. */
  pathPrefix?: string;
  /** Public address of the site root. Default: env SITE_URL, else site.yml's origin plus the path prefix. */
  siteUrl?: string;
  /** No warning summary on stderr. Default: env SITE_QUIET === '1'. */
  quiet?: boolean;
  /** Told when reading and parsing are done, with counts and times. */
  progress?: Progress;
}

/** What one load made: the site data, the parsed issues it came from (to name the input of a page), and its counts. */
export interface LoadedArchive {
  site: SiteData;
  issues: Issue[];
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
}

/**
 * The Markdown renderer survives rebuilds (dev server, benchmark) while the set of issue
 * numbers stays the same, so editing one issue re-renders only that issue's text.
 */
let renderer: { key: string; markdown: MarkdownRenderer } | null = null;

/** Entry views, records, slugs and excerpts kept between rebuilds: after one edit, collect redoes only the edited entries. */
const siteReuse = new SiteReuse();

/** Parsed files kept between rebuilds: after one edit, one file is parsed again. */
const parseCache = newParseCache();

/** Decoded newsletter files kept between rebuilds: an unchanged file is read but not decoded again. */
const readCache: ReadCache = new Map();

const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback);

/**
 * Site settings from site.yml's fields and the build's address settings (checked: see
 * src/address.ts). Returns the warning to report when no public address is configured.
 */
export function readSettings(
  site: SiteYaml,
  siteFile: string,
  pathPrefix: string,
  siteUrl?: string,
): { settings: SiteSettings; warning: string | null } {
  const prefix = parsePathPrefix(pathPrefix);
  const configured = text(site.url, '');
  const address = siteAddress({
    siteUrl,
    pathPrefix: prefix,
    configured: configured === '' ? null : { url: configured, file: shownPath(siteFile) },
  });
  return {
    settings: {
      title: text(site.title, 'Newsletter archive'),
      description: text(site.description, 'Every issue and every summary of the newsletter.'),
      url: address.url,
      language: text(site.language, 'en'),
      pathPrefix: prefix,
    },
    warning: address.warning,
  };
}

/** The same options object while the vocabulary and editor are unchanged, so parseArchive's per-file cache holds across rebuilds. */
let lastParseOptions: { key: string; options: ParseOptions } | null = null;
function parseOptionsFor(categoriesYml: string, vocabulary: Vocabulary, editor: string): ParseOptions {
  const key = `${editor}\u0000${categoriesYml}`;
  if (lastParseOptions?.key !== key) lastParseOptions = { key, options: { vocabulary, editor } };
  return lastParseOptions.options;
}

/** Reads, parses and collects the archive in `contentDir`. Throws when the content dir or a setting is not usable. */
export function loadArchive(options: LoadOptions & { contentDir: string; pathPrefix: string }): LoadedArchive {
  const contentDir = path.resolve(options.contentDir);
  const started = performance.now();
  const content = readContentSettings(contentDir);
  const { settings, warning } = readSettings(content.site, content.siteFile, options.pathPrefix, options.siteUrl);
  const parseOptions = parseOptionsFor(content.categoriesYml, content.vocabulary, content.editor);
  const read = readNewsletters([path.join(contentDir, 'newsletters')], readCache, { within: [contentDir] });
  const skipped = read.problems.filter((p) => p.line === 0).length;
  const readMs = performance.now() - started;
  options.progress?.({ stage: 'read', detail: `${read.files.length} files${skipped > 0 ? ` (${skipped} skipped)` : ''}`, ms: readMs });

  const parsed = parseArchive(read.files, parseOptions, parseCache);
  const siteWarnings: ParseWarning[] = warning === null ? [] : [{ file: shownPath(content.siteFile), line: 0, message: warning }];
  const warnings = [...siteWarnings, ...read.problems, ...parsed.warnings];
  const key = issueLinkKey(parsed.issues);
  if (renderer?.key !== key) renderer = { key, markdown: createMarkdown(issueLinker(parsed.issues)) };
  const site = collectSite(parsed.issues, {
    settings,
    vocabulary: parseOptions.vocabulary.all,
    warningCount: warnings.length,
    markdown: renderer.markdown,
    reuse: siteReuse,
  });
  checkUniquePages(site, parsed.issues);
  const report: LoadReport = {
    contentDir,
    files: read.files.length + skipped,
    skipped,
    issues: site.counts.issues,
    entries: site.counts.entries,
    warnings: warnings.length,
  };
  options.progress?.({
    stage: 'parse',
    detail: `${report.issues} issues, ${report.entries} summaries, ${report.warnings} warnings`,
    ms: performance.now() - started - readMs,
  });
  if (!options.quiet && warnings.length > 0) {
    const perFile = new Map<string, number>();
    for (const w of warnings) perFile.set(w.file, (perFile.get(w.file) ?? 0) + 1);
    const detail = [...perFile].map(([file, n]) => `${file}: ${n}`).join(', ');
    process.stderr.write(`site: ${warnings.length} warnings (${detail}); \`npm run parse\` lists them\n`);
  }
  return { site, issues: parsed.issues, report, warnings };
}

/** `loadArchive` with its options from the environment (CONTENT_DIR, PATH_PREFIX, SITE_URL, SITE_QUIET) where not given. */
export function loadSite(options: LoadOptions = {}): SiteData {
  return loadArchive({
    ...options,
    contentDir: options.contentDir ?? process.env.CONTENT_DIR ?? 'content',
    pathPrefix: options.pathPrefix ?? process.env.PATH_PREFIX ?? '/',
    siteUrl: options.siteUrl ?? process.env.SITE_URL,
    quiet: options.quiet ?? process.env.SITE_QUIET === '1',
  }).site;
}
