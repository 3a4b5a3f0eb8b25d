/**
 * Which input a page of the site comes from, so that a problem with a page names the newsletter
 * file and line a user can open: `wr-098.txt:41 "Title"`, not `templates/paper-pages.njk`.
 *
 * Pure: site data and the parsed issues in, text out. Used before Eleventy runs (two pages
 * planned at one address) and when Eleventy fails on a page. Both go over the page families
 * (families.ts), so a new family is covered by its entry there.
 */
import type { EntryView } from './archive/entry.ts';
import { FAMILIES, type FamilyLists, type FamilyRegistry, listOf, type SourceNamer } from './families.ts';
import { ARCHIVE_FILES } from './routes.ts';
import type { SiteData } from './site-data.ts';
import type { Issue } from '../records/types.ts';

/** How many entries a message names before it says "and N more". */
const NAMED = 5;

/** The static pages' and archive files' paths, then every family's pages', in the families' order, repeats kept. */
export function plannedPaths(site: Pick<SiteData, 'pages'> & FamilyLists, registry: FamilyRegistry = FAMILIES): string[] {
  return [...fixedPaths(site), ...Object.keys(registry).flatMap((family) => listOf(site, family).map((view) => view.path))];
}

/** The pages that are not of a family (home, the indexes, search, 404) and the archive files (feed, sitemap, exports). */
export function fixedPaths(site: Pick<SiteData, 'pages'>): string[] {
  return [...Object.values(site.pages).map((p) => p.path), ...ARCHIVE_FILES];
}

/** The input records a page is made from, as `file:line "title"` (an issue page: its file). */
export function sourcesOf(path: string, site: SiteData, issues: Issue[], registry: FamilyRegistry = FAMILIES): string[] {
  const byId = new Map<string, Issue[]>();
  for (const issue of issues) byId.set(issue.id, [...(byId.get(issue.id) ?? []), issue]);
  const entrySource = (view: EntryView): string => {
    const issue = byId.get(view.issue.id)?.find((i) => i.entries.some((e) => e.id === view.anchor && e.title === view.title));
    const entry = issue?.entries.find((e) => e.id === view.anchor);
    return `${issue?.file ?? view.issue.id}${entry ? `:${entry.line}` : ''} "${view.title}"`;
  };
  const name: SourceNamer = {
    files: (id) => byId.get(id)?.map((issue) => issue.file) ?? [id],
    entries: (views) => {
      const named = [...new Set(views.map(entrySource))];
      return named.length > NAMED ? [...named.slice(0, NAMED), `and ${named.length - NAMED} more`] : named;
    },
  };
  const out: string[] = [];
  for (const [family, { sources }] of Object.entries(registry))
    for (const view of listOf(site, family)) if (view.path === path) out.push(...sources(view, name));
  if (out.length === 0 && fixedPaths(site).includes(path)) out.push('the whole archive');
  return [...new Set(out)];
}

/** Two pages planned at one address: Eleventy would refuse the whole build without naming an input. */
export class DuplicatePageError extends Error {}

/** Throws DuplicatePageError naming the pages' input files and lines when two pages share an address. */
export function checkUniquePages(site: SiteData, issues: Issue[], registry: FamilyRegistry = FAMILIES): void {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const path of plannedPaths(site, registry)) (seen.has(path) ? repeated : seen).add(path);
  if (repeated.size === 0) return;
  const lines = [...repeated].map(
    (path) => `  /${path} would be written by each of: ${sourcesOf(path, site, issues, registry).join('; ')}`,
  );
  throw new DuplicatePageError(`two pages would have the same address:\n${lines.join('\n')}`);
}
