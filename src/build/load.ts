/**
 * The site's data, once per build: read -> parse -> site data, with the session's options and
 * caches. Every template reads the same SiteData (Eleventy's `site` global,
 * src/build/eleventy/config.ts), so nothing is parsed or rendered per template.
 *
 * This is where the content dir is read: `newsletters/`, `categories.yml` and `site.yml`
 * (src/build/content-dir.ts). A new input of the content dir (a reference file for a stage after
 * the parser) is read here, with its cache in the session.
 */
import path from 'node:path';
import { parseArchive, type ParseOptions } from '../parse.ts';
import type { Vocabulary } from '../records/categories.ts';
import type { Issue, ParseWarning } from '../records/types.ts';
import { collectSite, type SiteSettings } from '../site.ts';
import { createMarkdown, type MarkdownRenderer } from '../site/markdown.ts';
import { checkUniquePages } from '../site/page-sources.ts';
import { issueLinker, issueLinkKey } from '../site/routes.ts';
import { siteAddress } from './address.ts';
import { readContentSettings, type SiteYaml } from './content-dir.ts';
import { shownPath } from './paths.ts';
import { readNewsletters } from './read.ts';
import type { BuildSession, LoadedArchive, LoadReport } from './session.ts';

const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback);

/**
 * Site settings from site.yml's fields and the build's address settings (checked: see
 * src/build/address.ts). Returns the warning to report when no public address is configured.
 */
export function readSettings(
  site: SiteYaml,
  siteFile: string,
  pathPrefix: string,
  siteUrl?: string,
): { settings: SiteSettings; warning: string | null } {
  const configured = text(site.url, '');
  const address = siteAddress({
    siteUrl,
    pathPrefix,
    configured: configured === '' ? null : { url: configured, file: shownPath(siteFile) },
  });
  return {
    settings: {
      title: text(site.title, 'Newsletter archive'),
      description: text(site.description, 'Every issue and every summary of the newsletter.'),
      newsletter: text(site.newsletter, text(site.title, 'The newsletter')),
      url: address.url,
      language: text(site.language, 'en'),
      pathPrefix,
    },
    warning: address.warning,
  };
}

/** The same options object while the vocabulary and editor are unchanged, so the parse cache holds across rebuilds. */
function parseOptionsFor(session: BuildSession, categoriesYml: string, vocabulary: Vocabulary, editor: string): ParseOptions {
  const key = `${editor}\u0000${categoriesYml}`;
  const { caches } = session;
  if (caches.parseOptions?.key !== key) caches.parseOptions = { key, options: { vocabulary, editor } };
  return caches.parseOptions.options;
}

/** The session's Markdown renderer for these issues: the same one while `(AN #N)` links point where they did. */
function markdownFor(session: BuildSession, issues: readonly Issue[]): MarkdownRenderer {
  const key = issueLinkKey(issues);
  const { caches } = session;
  if (caches.markdown?.key !== key) caches.markdown = { key, renderer: createMarkdown(issueLinker(issues)) };
  return caches.markdown.renderer;
}

/**
 * Reads, parses and collects the archive in the session's content dir; the result is also kept
 * as `session.loaded`. Throws when the content dir or a setting is not usable.
 */
export function loadArchive(session: BuildSession): LoadedArchive {
  const { contentDir, progress } = session;
  const started = performance.now();
  const content = readContentSettings(contentDir);
  const { settings, warning } = readSettings(content.site, content.siteFile, session.pathPrefix, session.siteUrl);
  const parseOptions = parseOptionsFor(session, content.categoriesYml, content.vocabulary, content.editor);
  const read = readNewsletters([path.join(contentDir, 'newsletters')], session.caches.read, { within: [contentDir] });
  const skipped = read.problems.filter((p) => p.line === 0).length;
  const readMs = performance.now() - started;
  progress?.({ stage: 'read', detail: `${read.files.length} files${skipped > 0 ? ` (${skipped} skipped)` : ''}`, ms: readMs });

  const parsed = parseArchive(read.files, parseOptions, session.caches.parse);
  const siteWarnings: ParseWarning[] = warning === null ? [] : [{ file: shownPath(content.siteFile), line: 0, message: warning }];
  const warnings = [...siteWarnings, ...read.problems, ...parsed.warnings];
  const site = collectSite(parsed.issues, {
    settings,
    vocabulary: parseOptions.vocabulary.all,
    warningCount: warnings.length,
    markdown: markdownFor(session, parsed.issues),
    reuse: session.caches.site,
    features: content.features,
    related: session.caches.related,
    charts: session.caches.charts,
    cite: session.caches.cite,
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
  progress?.({
    stage: 'parse',
    detail: `${report.issues} issues, ${report.entries} summaries, ${report.warnings} warnings`,
    ms: performance.now() - started - readMs,
  });
  if (!session.quiet && warnings.length > 0) {
    const perFile = new Map<string, number>();
    for (const w of warnings) perFile.set(w.file, (perFile.get(w.file) ?? 0) + 1);
    const detail = [...perFile].map(([file, n]) => `${file}: ${n}`).join(', ');
    process.stderr.write(`site: ${warnings.length} warnings (${detail}); \`npm run parse\` lists them\n`);
  }
  session.loaded = { site, issues: parsed.issues, report, warnings };
  return session.loaded;
}
