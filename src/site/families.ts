/**
 * The page families: every kind of page the site writes one of per view (an issue page per issue,
 * a summary page per title, a feed per category and person, ...), each named once here with what
 * the rest of the build needs to know about it:
 *
 * - `route`: where its pages go (`issues/<id>/`; the paths themselves come from `routes.ts`);
 * - `kind` and `ogType`: what a page of it is, which the layout prints (`<body data-page-kind>`,
 *   `og:type`) instead of working it out;
 * - `template`: the file under `templates/` that paginates `site.render.<family>`;
 * - `sitemap`: whether its pages are listed in `sitemap.xml`;
 * - `views`: its views, from the parts `collectSite` assembles (`FamilyParts`);
 * - `sources`: what a page of it is made from, for messages that name the newsletter file and line.
 *
 * `SiteData` has one list per family (`FamilyLists`), and the page list (`plannedPaths`), the
 * duplicate-page check, the render plan and the sitemap all go over this table, so a new family
 * is an entry here and its template (docs/ARCHITECTURE.md, "Adding a page family").
 *
 * Pure.
 */
import type { Person } from '../merge/people.ts';
import type { EntryView } from './archive/entry.ts';
import type { AuthorLetterView, AuthorView } from './pages/authors.ts';
import type { BibFileView } from './pages/bib.ts';
import type { CategoryView } from './pages/categories.ts';
import type { CategoryExtras } from './pages/extras.ts';
import type { FeedLink, FeedView } from './pages/feeds.ts';
import type { CitedByView, IssueView } from './pages/issues.ts';
import { type ListPageView, listPageViews } from './pages/list-pages.ts';
import type { PaperView } from './pages/papers.ts';
import { type MovedTitle, paperRedirects } from './pages/paper-redirects.ts';
import { authorRedirects, personRedirects, type RedirectView } from './pages/redirects.ts';
import type { StatsView } from './pages/stats.ts';
import type { PersonView } from './pages/summarizers.ts';
import type { StaticPageName } from './pages/indexes.ts';
import type { PageAddress } from './routes.ts';

/** What a page is, as the layout says it: one word per family, and the pages that are not of one. */
export type PageKind =
  | 'issue'
  | 'summary'
  | 'category'
  | 'person'
  | 'cited-by'
  | 'author'
  | 'author-letter'
  | 'list'
  | 'stats'
  | 'feed'
  | 'bibtex'
  | 'redirect';

/** What `collectSite` has assembled when the families' views are taken: each family's views come from these. */
export interface FamilyParts {
  siteUrl: string;
  issues: IssueView[];
  citedBy: CitedByView[];
  papers: PaperView[];
  categories: (CategoryView & CategoryExtras)[];
  people: (PersonView & { feed: FeedLink | null })[];
  authors: AuthorView[];
  authorLetters: AuthorLetterView[];
  feeds: FeedView[];
  bibFiles: BibFileView[];
  chartPages: StatsView[];
  /** What the redirects are made from: everyone with their spellings, the authors' old spellings, the titles left without a page. */
  moved: {
    people: readonly Person[];
    authorAliases: ReadonlyMap<string, { slug: string }>;
    /** Every author slug a summary names. */
    written: ReadonlySet<string>;
    titles: readonly MovedTitle[];
  };
}

/** How a page names its inputs: an issue's files, and entries as `file:line "title"` (at most a few, then "and N more"). */
export interface SourceNamer {
  files(issueId: string): string[];
  entries(views: readonly EntryView[]): string[];
}

export interface Family<V extends PageAddress> {
  /** Where its pages go, as a pattern of `routes.ts`'s paths: `issues/<id>/`. */
  route: string;
  kind: PageKind;
  ogType: 'article' | 'website';
  /** Its template, under `templates/`. */
  template: string;
  /** Listed in sitemap.xml (pages a search engine should find; not feeds, files or redirects). */
  sitemap: boolean;
  /**
   * Written only where no other page or file is (`taken`: every other family's paths, the
   * static pages and the archive files). Such a family's views are taken after the others'.
   */
  yields?: boolean;
  views(parts: FamilyParts, taken: ReadonlySet<string>): V[];
  sources(view: V, name: SourceNamer): string[];
}

const family = <V extends PageAddress>(f: Family<V>): Family<V> => f;

/**
 * Every family, in the order the sitemap lists them (and the render plan and `plannedPaths` go
 * over them). A family's name is its list in `SiteData` and in `site.render`.
 */
export const FAMILIES = {
  issues: family<IssueView>({
    route: 'issues/<id>/',
    kind: 'issue',
    ogType: 'article',
    template: 'issue-pages.njk',
    sitemap: true,
    views: (p) => p.issues,
    sources: (view, name) => name.files(view.id),
  }),
  papers: family<PaperView>({
    route: 'papers/<slug>/',
    kind: 'summary',
    ogType: 'article',
    template: 'paper-pages.njk',
    sitemap: true,
    views: (p) => p.papers,
    sources: (view, name) => name.entries(view.appearances),
  }),
  categories: family<CategoryView & CategoryExtras>({
    route: 'categories/<slug>/',
    kind: 'category',
    ogType: 'website',
    template: 'category-pages.njk',
    sitemap: true,
    views: (p) => p.categories,
    sources: (view, name) => name.entries(view.entries),
  }),
  summarizers: family<PersonView & { feed: FeedLink | null }>({
    route: 'summarizers/<key>/',
    kind: 'person',
    ogType: 'website',
    template: 'summarizer-pages.njk',
    sitemap: true,
    views: (p) => p.people,
    sources: (view, name) => name.entries([...view.summarized, ...view.opined]),
  }),
  citedBy: family<CitedByView>({
    route: 'issues/<id>/cited-by/',
    kind: 'cited-by',
    ogType: 'website',
    template: 'cited-by-pages.njk',
    sitemap: true,
    views: (p) => p.citedBy,
    sources: (view, name) => name.files(view.issue.id).map((file) => `${file} (the issues citing it)`),
  }),
  authors: family<AuthorView>({
    route: 'authors/<slug>/',
    kind: 'author',
    ogType: 'website',
    template: 'author-pages.njk',
    sitemap: true,
    views: (p) => p.authors,
    sources: (view, name) => name.entries(view.entries),
  }),
  listPages: family<ListPageView>({
    route: '<list>/page/<n>/',
    kind: 'list',
    ogType: 'website',
    template: 'list-pages.njk',
    sitemap: true,
    // The pages after the first of every long list: a category's, a person's, an author's.
    views: (p) =>
      [...p.categories, ...p.people, ...p.authors].flatMap((owner) =>
        listPageViews({ ...owner.list, parts: owner.parts, siteUrl: p.siteUrl }),
      ),
    sources: (view, name) => name.entries(view.part.sections.flatMap((section) => section.entries)),
  }),
  authorLetters: family<AuthorLetterView>({
    route: 'authors/letter/<letter>/',
    kind: 'author-letter',
    ogType: 'website',
    template: 'author-letter-pages.njk',
    sitemap: true,
    views: (p) => p.authorLetters,
    sources: (view) => [`the authors index (${view.group.letter})`],
  }),
  chartPages: family<StatsView>({
    route: 'stats/',
    kind: 'stats',
    ogType: 'website',
    template: 'chart-pages.njk',
    sitemap: true,
    views: (p) => p.chartPages,
    sources: () => ['the whole archive'],
  }),
  feeds: family<FeedView>({
    route: '<category or person page>/feed.xml',
    kind: 'feed',
    ogType: 'website',
    template: 'feed-pages.njk',
    sitemap: false,
    views: (p) => p.feeds,
    sources: (view) => [`the feed of ${view.feed.title}`],
  }),
  bibFiles: family<BibFileView>({
    route: 'summaries.bib, categories/<slug>/summaries.bib',
    kind: 'bibtex',
    ogType: 'website',
    template: 'bib-pages.njk',
    sitemap: false,
    views: (p) => p.bibFiles,
    sources: (view) => [`the BibTeX of ${view.label}`],
  }),
  redirects: family<RedirectView>({
    route: 'an old address of a page',
    kind: 'redirect',
    ogType: 'website',
    template: 'redirect-pages.njk',
    sitemap: false,
    yields: true,
    // Old addresses of people's, authors' and titles' pages: never where any other page or file of the site is written.
    views: (p, taken) => [
      ...personRedirects({ people: p.moved.people, pages: p.people, taken, siteUrl: p.siteUrl }),
      ...authorRedirects({ aliases: p.moved.authorAliases, written: p.moved.written, pages: p.authors, taken, siteUrl: p.siteUrl }),
      ...paperRedirects(p.moved.titles, taken, p.siteUrl),
    ],
    sources: (view) => [view.source ?? `an old address of ${view.to.label} (a spelling in people.yml or the issues)`],
  }),
} as const;

export type FamilyName = keyof typeof FAMILIES;
/** A family's view. */
export type ViewOf<F extends FamilyName> = (typeof FAMILIES)[F] extends Family<infer V> ? V : never;
/** One list of views per family: the families' part of `SiteData`. */
export type FamilyLists = { [F in FamilyName]: ViewOf<F>[] };

/** The families' names, in the table's order. */
export const FAMILY_NAMES = Object.keys(FAMILIES) as FamilyName[];

/**
 * A table of families. The site's is `FAMILIES`; the functions that go over the families take
 * another only so that a test can show a family added to the table is covered with no other edit.
 */
export type FamilyRegistry = Readonly<Record<string, Family<PageAddress>>>;

/** A site's lists, by family name, as a loop over the families reads them. */
export function listOf(site: object, name: string): readonly PageAddress[] {
  return (site as Record<string, readonly PageAddress[] | undefined>)[name] ?? [];
}

/**
 * Every family's views: those that yield after the others, with `taken` (the paths given, plus
 * every other family's) so they are never written over another page.
 */
export function familyLists(parts: FamilyParts, taken: Iterable<string>, registry: FamilyRegistry = FAMILIES): FamilyLists {
  const lists: Record<string, PageAddress[]> = {};
  const names = Object.keys(registry);
  const first = names.filter((name) => !registry[name]!.yields);
  for (const name of first) lists[name] = registry[name]!.views(parts, new Set());
  const paths = new Set([...taken, ...first.flatMap((name) => lists[name]!.map((view) => view.path))]);
  for (const name of names.filter((n) => registry[n]!.yields)) lists[name] = registry[name]!.views(parts, paths);
  return lists as unknown as FamilyLists;
}

/** A page to render with what kind of page it is, as the layout prints it (src/io/eleventy/render-plan.ts). */
export interface PlannedPage<V> {
  /** Its family's kind; a static page's name (`home`, `search`, `issues` for the issue index, ...). */
  kind: PageKind | StaticPageName;
  ogType: 'article' | 'website';
  view: V;
}
