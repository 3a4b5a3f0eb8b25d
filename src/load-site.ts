/**
 * The site's one global: read -> parse -> collect, once per build.
 *
 * Eleventy calls `loadSite` through `addGlobalData("site", ...)`; every template reads the
 * same SiteData, so nothing is parsed or rendered per template. Options come from the
 * environment (CONTENT_DIR, PATH_PREFIX, SITE_URL) because that is how both the CLI and
 * `buildSite` reach the Eleventy config file.
 */
import path from 'node:path';
import yaml from 'js-yaml';
import { parseCategories } from './categories.ts';
import { CollectCache, collectSite, issueLinker, issueLinkKey, normalizePrefix, type SiteData, type SiteSettings } from './collect.ts';
import { createMarkdown, type MarkdownRenderer } from './markdown.ts';
import { checkUniquePages } from './page-sources.ts';
import { parseArchive, type ParseOptions } from './parse.ts';
import { readNewsletters, readOptionalText, type ReadCache } from './read.ts';

export interface LoadOptions {
  /** Directory with `newsletters/`, `categories.yml`, `site.yml`. Default: env CONTENT_DIR, else `content`. */
  contentDir?: string;
  /** `/` or `/repo-name/`. Default: env PATH_PREFIX, else `/`. */
  pathPrefix?: string;
  /** Public address of the site root. Default: env SITE_URL, else site.yml's origin plus the path prefix. */
  siteUrl?: string;
  /** No warning summary on stderr. Default: env SITE_QUIET === '1'. */
  quiet?: boolean;
}

/** What the last load found: for the build report. */
export interface LoadReport {
  contentDir: string;
  files: number;
  issues: number;
  entries: number;
  warnings: number;
}

let lastReport: LoadReport | null = null;

/**
 * The Markdown renderer survives rebuilds (dev server, benchmark) while the set of issue
 * numbers stays the same, so editing one issue re-renders only that issue's text.
 */
let renderer: { key: string; markdown: MarkdownRenderer } | null = null;

/** Entry views, records, slugs and excerpts kept between rebuilds: after one edit, collect redoes only the edited entries. */
const collectCache = new CollectCache();

/** Decoded newsletter files kept between rebuilds: an unchanged file is read but not decoded again. */
const readCache: ReadCache = new Map();

/** The report of the most recent `loadSite` call in this process (builds run one at a time). */
export function lastLoadReport(): LoadReport | null {
  return lastReport;
}

interface SiteYaml {
  title?: unknown;
  description?: unknown;
  url?: unknown;
  language?: unknown;
  editor?: unknown;
}

const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback);

/** Site settings from site.yml text; the public URL keeps site.yml's origin and takes the build's path prefix. */
export function readSettings(siteYml: string | null, pathPrefix: string, siteUrl?: string): SiteSettings & { editor: string } {
  const loaded = siteYml === null ? {} : yaml.load(siteYml);
  const raw: SiteYaml = typeof loaded === 'object' && loaded !== null ? (loaded as SiteYaml) : {};
  const prefix = normalizePrefix(pathPrefix);
  const configured = text(raw.url, 'https://example.org/');
  const url = siteUrl && siteUrl.trim() !== '' ? siteUrl.trim() : new URL(prefix, configured).href;
  return {
    title: text(raw.title, 'Newsletter archive'),
    description: text(raw.description, 'Every issue and every summary of the newsletter.'),
    url: url.endsWith('/') ? url : `${url}/`,
    language: text(raw.language, 'en'),
    pathPrefix: prefix,
    editor: text(raw.editor, 'Rohin'),
  };
}

/** The same options object while the vocabulary and editor are unchanged, so parseArchive's per-file cache holds across rebuilds. */
let lastParseOptions: { key: string; options: ParseOptions } | null = null;
function parseOptionsFor(categoriesYml: string, editor: string): ParseOptions {
  const key = `${editor}\u0000${categoriesYml}`;
  if (lastParseOptions?.key !== key) lastParseOptions = { key, options: { vocabulary: parseCategories(categoriesYml), editor } };
  return lastParseOptions.options;
}

/** Reads, parses and collects the archive. Throws when the content directory cannot be read. */
export function loadSite(options: LoadOptions = {}): SiteData {
  const contentDir = path.resolve(options.contentDir ?? process.env.CONTENT_DIR ?? 'content');
  const quiet = options.quiet ?? process.env.SITE_QUIET === '1';
  const settings = readSettings(
    readOptionalText(path.join(contentDir, 'site.yml')),
    options.pathPrefix ?? process.env.PATH_PREFIX ?? '/',
    options.siteUrl ?? process.env.SITE_URL,
  );
  const parseOptions = parseOptionsFor(readOptionalText(path.join(contentDir, 'categories.yml')) ?? '', settings.editor);
  const { vocabulary } = parseOptions;
  const read = readNewsletters([path.join(contentDir, 'newsletters')], readCache);
  const parsed = parseArchive(read.files, parseOptions);
  const warnings = [...read.problems, ...parsed.warnings];
  const { editor: _editor, ...siteSettings } = settings;
  const key = issueLinkKey(parsed.issues);
  if (renderer?.key !== key) renderer = { key, markdown: createMarkdown(issueLinker(parsed.issues)) };
  const site = collectSite(parsed.issues, {
    settings: siteSettings,
    vocabulary: vocabulary.all,
    warningCount: warnings.length,
    markdown: renderer.markdown,
    cache: collectCache,
  });
  checkUniquePages(site, parsed.issues);
  lastReport = { contentDir, files: read.files.length, issues: site.counts.issues, entries: site.counts.entries, warnings: warnings.length };
  if (!quiet && warnings.length > 0) {
    const perFile = new Map<string, number>();
    for (const w of warnings) perFile.set(w.file, (perFile.get(w.file) ?? 0) + 1);
    const detail = [...perFile].map(([file, n]) => `${file}: ${n}`).join(', ');
    process.stderr.write(`site: ${warnings.length} parse warnings (${detail}); \`npm run parse\` lists them\n`);
  }
  return site;
}
