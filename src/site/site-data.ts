/**
 * SiteData: everything the templates print, as `collectSite` (src/site.ts) hands it out. Its own
 * module so that the modules of the site stage that read it (the page families' sources, the
 * render plan) need not import the stage's API, which imports them.
 */
import type { Features } from './features.ts';
import type { FamilyLists } from './families.ts';
import type { AuthorIndexView } from './pages/authors.ts';
import type { CategoryTree } from './pages/categories.ts';
import type { SummaryRecord } from './pages/exports.ts';
import type { ArchiveFileName, SearchFiltersView, SettingsView, StaticPageName, StaticPageView, YearView } from './pages/indexes.ts';
import type { IssueView } from './pages/issues.ts';
import type { SearchRecordView } from './pages/search-records.ts';
import type { PageAddress } from './routes.ts';

/**
 * The site's data. One list of views per page family (`FamilyLists`, src/site/families.ts:
 * `issues`, `papers`, `categories`, `summarizers`, `citedBy`, `authors`, `listPages`,
 * `authorLetters`, `chartPages`, `feeds`, `bibFiles`, `redirects`), and what the other pages and
 * files show.
 */
export interface SiteData extends FamilyLists {
  pages: Record<StaticPageName, StaticPageView>;
  /** The files besides the pages: feed, sitemap, exports. */
  files: Record<ArchiveFileName, PageAddress>;
  settings: SettingsView;
  counts: { issues: number; entries: number; papers: number; categories: number; summarizers: number; authors: number; warnings: number };
  /** `173 issues, 1,956 summaries`: the archive in a phrase (footer, issue list). */
  archiveLabel: string;
  /** How the issue lists are ordered, in words: by year, or (no issue with a known year) by number alone. */
  order: { heading: string; lede: string };
  /** The home page's figures, each linking to its index: `1,956` `summaries`. */
  stats: { href: string; count: string; noun: string }[];
  latest: IssueView[];
  /** Said on the home and search pages of an archive without a summary (an empty newsletters/ folder); null otherwise. */
  emptyNotice: string | null;
  years: YearView[];
  /** Top-level categories, each with its children, for the categories index. */
  categoryTree: CategoryTree;
  authorIndex: AuthorIndexView;
  /** The search page's filters: the values summary pages declare (`data-pagefind-filter`), in the order the page lists them. */
  searchFilters: SearchFiltersView;
  /** The newest dated issues (an undated one is in no feed: src/site/engines/atom.ts), and how many are left out. */
  feed: { updated: string; issues: IssueView[]; undated: number; undatedNote: string };
  records: SummaryRecord[];
  /** Which optional features are on. */
  features: Features;
  /** What search finds besides the summary pages: the items no indexed summary page stands for (src/site/pages/search-records.ts). */
  searchRecords: SearchRecordView[];
}
