/**
 * Which input a page of the site comes from, so that a problem with a page names the newsletter
 * file and line a user can open: `wr-098.txt:41 "Title"`, not `templates/paper-pages.njk`.
 *
 * Pure: site data and the parsed issues in, text out. Used before Eleventy runs (two pages
 * planned at one address) and when Eleventy fails on a page.
 */
import type { SiteData } from '../site.ts';
import type { EntryView } from './archive/entry.ts';
import { ARCHIVE_FILES } from './routes.ts';
import type { Issue } from '../records/types.ts';

/**
 * The families of pages, one page per view: each is a list of SiteData, paginated by its template
 * (`templates/<family>-pages.njk` over `site.render.<family>`), planned by the render plan and
 * listed in `plannedPaths`. A new family of pages gets its name here.
 */
export const PAGE_FAMILIES = [
  'issues',
  'papers',
  'categories',
  'summarizers',
  'citedBy',
  'authors',
  'feeds',
  'bibFiles',
  'chartPages',
  'redirects',
  'listPages',
  'authorLetters',
] as const;
export type PageFamily = (typeof PAGE_FAMILIES)[number];

/** How many entries a message names before it says "and N more". */
const NAMED = 5;

/** Every page path the site will write (`issues/wr-098/`, `feed.xml`), in template order, repeats kept. */
export function plannedPaths(site: SiteData): string[] {
  return [
    ...Object.values(site.pages).map((p) => p.path),
    ...ARCHIVE_FILES,
    ...PAGE_FAMILIES.flatMap((family) => site[family].map((view) => view.path)),
  ];
}

/** The input records a page is made from, as `file:line "title"` (an issue page: its file). */
export function sourcesOf(path: string, site: SiteData, issues: Issue[]): string[] {
  const byId = new Map<string, Issue[]>();
  for (const issue of issues) byId.set(issue.id, [...(byId.get(issue.id) ?? []), issue]);
  const files = (id: string): string[] => byId.get(id)?.map((issue) => issue.file) ?? [id];
  const entrySource = (view: EntryView): string => {
    const issue = byId.get(view.issue.id)?.find((i) => i.entries.some((e) => e.id === view.anchor && e.title === view.title));
    const entry = issue?.entries.find((e) => e.id === view.anchor);
    return `${issue?.file ?? view.issue.id}${entry ? `:${entry.line}` : ''} "${view.title}"`;
  };
  const entries = (views: EntryView[]): string[] => {
    const named = [...new Set(views.map(entrySource))];
    return named.length > NAMED ? [...named.slice(0, NAMED), `and ${named.length - NAMED} more`] : named;
  };
  const out: string[] = [];
  for (const view of site.issues) if (view.path === path) out.push(...files(view.id));
  for (const view of site.citedBy)
    if (view.path === path) out.push(...files(view.issue.id).map((file) => `${file} (the issues citing it)`));
  for (const view of site.papers) if (view.path === path) out.push(...entries(view.appearances));
  for (const view of site.categories) if (view.path === path) out.push(...entries(view.entries));
  for (const view of site.summarizers) if (view.path === path) out.push(...entries([...view.summarized, ...view.opined]));
  for (const view of site.authors) if (view.path === path) out.push(...entries(view.entries));
  for (const view of site.feeds) if (view.path === path) out.push(`the feed of ${view.feed.title}`);
  for (const view of site.bibFiles) if (view.path === path) out.push(`the BibTeX of ${view.label}`);
  for (const view of site.authorLetters) if (view.path === path) out.push(`the authors index (${view.group.letter})`);
  for (const view of site.listPages) if (view.path === path) out.push(...entries(view.part.sections.flatMap((section) => section.entries)));
  for (const view of site.redirects)
    if (view.path === path) out.push(view.source ?? `an old address of ${view.to.label} (a spelling in people.yml or the issues)`);
  if (out.length === 0 && (ARCHIVE_FILES.includes(path) || Object.values(site.pages).some((p) => p.path === path)))
    out.push('the whole archive');
  return [...new Set(out)];
}

/** Two pages planned at one address: Eleventy would refuse the whole build without naming an input. */
export class DuplicatePageError extends Error {}

/** Throws DuplicatePageError naming the pages' input files and lines when two pages share an address. */
export function checkUniquePages(site: SiteData, issues: Issue[]): void {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const path of plannedPaths(site)) (seen.has(path) ? repeated : seen).add(path);
  if (repeated.size === 0) return;
  const lines = [...repeated].map((path) => `  /${path} would be written by each of: ${sourcesOf(path, site, issues).join('; ')}`);
  throw new DuplicatePageError(`two pages would have the same address:\n${lines.join('\n')}`);
}
