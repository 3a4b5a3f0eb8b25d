/**
 * The site's data, once per build: read -> parse -> site data, with the session's options and
 * caches. Every template reads the same SiteData (Eleventy's `site` global,
 * src/io/eleventy/config.ts), so nothing is parsed or rendered per template.
 *
 * This is where the content dir is read: `newsletters/`, `categories.yml` and `site.yml`
 * (src/io/content-dir.ts), and the optional reference files of the merge stage, `issues.csv`
 * (each issue's date, title and address), `database.csv` (the newsletter's own spreadsheet) and
 * `people.yml` (who is who), each parsed again only when its text changed. The merge runs between the parser and the site data (src/merge.ts): the
 * parser's records stay what the text says.
 */
import path from 'node:path';
import { mergeDatabase } from '../merge.ts';
import { type Database, DatabaseError, parseDatabase } from '../merge/database.ts';
import type { MergedIssue } from '../merge/paper.ts';
import { dateIssues } from '../merge/issue-dates.ts';
import { type IssuesFile, parseIssuesFile } from '../merge/issues-file.ts';
import { createPeople, type People, parsePeople, type PeopleConfig } from '../merge/people.ts';
import { parseArchive, type ParseOptions, rulesFor } from '../parse.ts';
import type { Vocabulary } from '../records/categories.ts';
import type { Dialect } from '../records/dialect.ts';
import type { Issue, ParseWarning } from '../records/types.ts';
import { collectSite, type SiteSettings } from '../site.ts';
import { counted } from '../site/text/format.ts';
import { peopleNamed } from '../site/text/names.ts';
import { createMarkdown, type MarkdownRenderer } from '../site/text/markdown.ts';
import { checkUniquePages } from '../site/page-sources.ts';
import { issueLinker, issueLinkKey } from '../site/routes.ts';
import { siteAddress } from './address.ts';
import { ContentError, readContentSettings, type SiteYaml } from './content-dir.ts';
import { shownPath } from './paths.ts';
import { formatWarning } from './report.ts';
import { readNewsletters, readOptionalText } from './read.ts';
import type { BuildSession, LoadedArchive, LoadReport } from './session.ts';

const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback);

/**
 * Site settings from site.yml's fields and the build's address settings (checked: see
 * src/io/address.ts). Returns the warning to report when no public address is configured.
 */
export function readSettings(
  site: SiteYaml,
  siteFile: string,
  pathPrefix: string,
  siteUrl?: string,
  newsletterName: string | null = null,
): { settings: SiteSettings; warning: string | null } {
  const configured = text(site.url, '');
  const address = siteAddress({
    siteUrl,
    pathPrefix,
    configured: configured === '' ? null : { url: configured, file: shownPath(siteFile) },
  });
  return {
    settings: {
      // Without a title of its own the site is named for its newsletter (newsletter.yml's `name`).
      title: text(site.title, newsletterName ? `${newsletterName} archive` : 'Newsletter archive'),
      description: text(site.description, `Every issue and every summary of ${newsletterName ?? 'the newsletter'}.`),
      newsletter: newsletterName ?? text(site.newsletter, text(site.title, 'The newsletter')),
      url: address.url,
      language: text(site.language, 'en'),
      pathPrefix,
    },
    warning: address.warning,
  };
}

/** The same options object while the vocabulary and editor are unchanged, so the parse cache holds across rebuilds. */
function parseOptionsFor(session: BuildSession, categoriesYml: string, vocabulary: Vocabulary, dialect: Dialect): ParseOptions {
  const key = `${JSON.stringify(dialect)}\u0000${categoriesYml}`;
  const { caches } = session;
  if (caches.parseOptions?.key !== key) caches.parseOptions = { key, options: { vocabulary, dialect } };
  return caches.parseOptions.options;
}

/** The database file's name in the content dir. */
export const DATABASE_FILE = 'database.csv';
/** The people file's name in the content dir. */
export const PEOPLE_FILE = 'people.yml';
/** The dates file's name in the content dir: each issue's date, title and address (src/merge/issues-file.ts). */
export const ISSUES_FILE = 'issues.csv';

/**
 * An optional reference file of the content dir, parsed with `parse`, or null when there is none;
 * kept in `slot` with its text, so an unchanged file is not parsed again.
 */
function readReference<T>(
  file: string,
  slot: { text: string; value: T } | null,
  keep: (kept: { text: string; value: T } | null) => void,
  parse: (text: string, shown: string) => T,
): T | null {
  const text = readOptionalText(file);
  if (text === null) {
    keep(null);
    return null;
  }
  if (slot?.text === text) return slot.value;
  const value = parse(text, shownPath(file));
  keep({ text, value });
  return value;
}

/** The content dir's database.csv, or null; a header without the columns the merge reads stops the build, naming the file. */
function databaseFor(session: BuildSession, series: string | null): Database | null {
  const { caches } = session;
  return readReference(
    path.join(session.contentDir, DATABASE_FILE),
    caches.database,
    (kept) => {
      caches.database = kept;
    },
    (text, shown) => {
      try {
        return parseDatabase(text, shown, series);
      } catch (error) {
        if (error instanceof DatabaseError)
          throw new ContentError(`${error.message}; fix the header, or remove ${shown} to build from the text alone`);
        throw error;
      }
    },
  );
}

/** The content dir's people.yml, read and checked (a bad item is a warning); an empty list when there is none. */
function peopleFor(session: BuildSession): PeopleConfig {
  const { caches } = session;
  const found = readReference(
    path.join(session.contentDir, PEOPLE_FILE),
    caches.people,
    (kept) => {
      caches.people = kept;
    },
    parsePeople,
  );
  return found ?? { people: [], warnings: [] };
}

/** The content dir's issues.csv, read and checked (a bad row or cell is a warning); null when there is none. */
function issuesFileFor(session: BuildSession): IssuesFile | null {
  const { caches } = session;
  return readReference(
    path.join(session.contentDir, ISSUES_FILE),
    caches.issuesFile,
    (kept) => {
      caches.issuesFile = kept;
    },
    parseIssuesFile,
  );
}

/**
 * The merge stage's progress: the counts on its line (`1053 of 1067 database rows linked, 25
 * conflicts`), and under it the file and what did not match (`content/database.csv: 14 unmatched
 * rows, 6 unmatched summaries; \`npm run reconcile\` lists them and the 25 conflicts`).
 */
export function reconciliationProgress(
  file: string,
  counts: Pick<
    NonNullable<LoadReport['reconciliation']>,
    'rowsLinked' | 'rowsOfArchiveIssues' | 'unmatchedRows' | 'unmatchedEntries' | 'conflicts'
  >,
): { detail: string; more: string } {
  const unmatched = `${counted(counts.unmatchedRows, 'unmatched row', 'unmatched rows')}, ${counted(counts.unmatchedEntries, 'unmatched summary', 'unmatched summaries')}`;
  const listed = [
    counts.unmatchedRows + counts.unmatchedEntries > 0 ? 'them' : null,
    counts.conflicts > 0 ? `the ${counted(counts.conflicts, 'conflict', 'conflicts')}` : null,
  ].filter((part) => part !== null);
  const hint = listed.length === 0 ? '' : `; \`npm run reconcile\` lists ${listed.join(' and ')}`;
  return {
    // Plain numbers, as the other stages' lines write them (`1956 summaries`).
    detail: `${counts.rowsLinked} of ${counts.rowsOfArchiveIssues} database rows linked, ${counts.conflicts} conflict${counts.conflicts === 1 ? '' : 's'}`,
    more: `${file}: ${unmatched}${hint}`,
  };
}

/** The session's Markdown renderer for these issues: the same one while citations are written and point as they were. */
function markdownFor(session: BuildSession, issues: readonly Issue[], options: ParseOptions): MarkdownRenderer {
  const key = `${options.dialect?.citation ?? ''}\u0000${issueLinkKey(issues)}`;
  const { caches } = session;
  if (caches.markdown?.key !== key) caches.markdown = { key, renderer: createMarkdown(issueLinker(issues), rulesFor(options)) };
  return caches.markdown.renderer;
}

/** The most data-file warnings a build prints; `npm run reconcile` lists the rest. */
const LISTED_DATA_FILE_WARNINGS = 20;

/**
 * What a build prints about its warnings, on stderr: each warning of a data file (site.yml,
 * categories.yml, database.csv, people.yml) as `file:line: warning: message`, then one line
 * counting all of them by file and saying where the rest are listed:
 *
 *   content/people.yml:4: warning: "Ada" already names "Ada Lovelace" (line 1): ignored here
 *   site: 3 warnings (wr-012.txt: 2, content/people.yml: 1); `npm run parse` lists the newsletters'
 */
export function warningSummary(warnings: readonly ParseWarning[], dataFileWarnings: readonly ParseWarning[]): string {
  const lines = dataFileWarnings.slice(0, LISTED_DATA_FILE_WARNINGS).map(formatWarning);
  const unlisted = dataFileWarnings.length - lines.length;
  if (unlisted > 0)
    lines.push(`... and ${counted(unlisted, 'more data-file warning', 'more data-file warnings')}: \`npm run reconcile\` lists them all`);
  const perFile = new Map<string, number>();
  for (const w of warnings) perFile.set(w.file, (perFile.get(w.file) ?? 0) + 1);
  const detail = [...perFile].map(([file, n]) => `${file}: ${n}`).join(', ');
  const fromNewsletters = warnings.length > dataFileWarnings.length;
  const where = [
    fromNewsletters ? "`npm run parse` lists the newsletters'" : null,
    dataFileWarnings.length > 0 ? "the data files' are above" : null,
  ]
    .filter((part) => part !== null)
    .join(', ');
  lines.push(`site: ${counted(warnings.length, 'warning', 'warnings')} (${detail}); ${where}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Reads, parses and collects the archive in the session's content dir; the result is also kept
 * as `session.loaded`. Throws when the content dir or a setting is not usable.
 */
export function loadArchive(session: BuildSession): LoadedArchive {
  const { contentDir, progress } = session;
  const started = performance.now();
  const content = readContentSettings(contentDir);
  const { settings, warning } = readSettings(content.site, content.siteFile, session.pathPrefix, session.siteUrl, content.dialect.name);
  const parseOptions = parseOptionsFor(session, content.categoriesYml, content.vocabulary, content.dialect);
  const read = readNewsletters([path.join(contentDir, 'newsletters')], session.caches.read, { within: [contentDir] });
  const skipped = read.problems.filter((p) => p.line === 0).length;
  const readMs = performance.now() - started;
  progress?.({ stage: 'read', detail: `${read.files.length} files${skipped > 0 ? ` (${skipped} skipped)` : ''}`, ms: readMs });

  const parsed = parseArchive(read.files, parseOptions, session.caches.parse);
  // The dates file and what each text shows of its date (src/merge/issue-dates.ts).
  const texts = new Map(read.files.map((raw) => [raw.file, raw.text]));
  const dated = dateIssues(parsed.issues, issuesFileFor(session), (file) => texts.get(file) ?? null, session.caches.dates);
  const parseMs = performance.now() - started - readMs;
  const siteWarnings: ParseWarning[] = warning === null ? [] : [{ file: shownPath(content.siteFile), line: 0, message: warning }];
  const parseWarnings = [...siteWarnings, ...content.warnings, ...read.problems, ...parsed.warnings];
  progress?.({
    stage: 'parse',
    detail: `${parsed.issues.length} issues, ${parsed.issues.reduce((n, i) => n + i.entries.length, 0)} summaries, ${parseWarnings.length} ${parseWarnings.length === 1 ? 'warning' : 'warnings'}`,
    ms: parseMs,
  });

  const merging = performance.now();
  const database = databaseFor(session, rulesFor(parseOptions).series);
  const peopleConfig = peopleFor(session);
  const people: People = createPeople(peopleConfig.people, peopleNamed(dated.issues));
  const merged = mergeDatabase(dated.issues, database, {
    vocabulary: parseOptions.vocabulary,
    people,
    memo: session.caches.merge,
  });
  const issues: MergedIssue[] = merged.issues;
  // The data files' own warnings (site.yml, newsletter.yml, categories.yml, the dates file,
  // database.csv, people.yml): listed by every build (below), as the newsletters' are by `npm run parse`.
  const dataFileWarnings = [
    ...siteWarnings,
    ...content.warnings,
    ...dated.warnings,
    ...(database?.warnings ?? []),
    ...peopleConfig.warnings,
  ];
  const warnings = [...parseWarnings, ...dated.warnings, ...(database?.warnings ?? []), ...peopleConfig.warnings];
  if (database !== null)
    progress?.({ stage: 'merge', ...reconciliationProgress(database.file, merged.report.counts), ms: performance.now() - merging });

  const site = collectSite(issues, {
    settings,
    vocabulary: parseOptions.vocabulary.all,
    people,
    warningCount: warnings.length,
    markdown: markdownFor(session, issues, parseOptions),
    citations: rulesFor(parseOptions),
    reuse: session.caches.site,
    features: content.features,
    related: session.caches.related,
    charts: session.caches.charts,
    cite: session.caches.cite,
  });
  checkUniquePages(site, issues);
  const report: LoadReport = {
    contentDir,
    files: read.files.length + skipped,
    skipped,
    issues: site.counts.issues,
    entries: site.counts.entries,
    warnings: warnings.length,
    dataFileWarnings,
    reconciliation: database === null ? null : merged.report.counts,
  };
  if (!session.quiet && warnings.length > 0) process.stderr.write(warningSummary(warnings, dataFileWarnings));
  session.loaded = { site, issues, report, warnings };
  return session.loaded;
}
