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
import type {
  ArchiveFileName,
  IndexWording,
  IssueFeedView,
  SearchFiltersView,
  SettingsView,
  StaticPageName,
  StaticPageView,
  YearView,
} from './pages/indexes.ts';
import type { IssueView } from './pages/issues.ts';
import type { SearchRecordView } from './pages/search-records.ts';
import type { PageAddress } from './routes.ts';

/**
 * The site's data. One list of views per page family (`FamilyLists`, src/site/families.ts:
 * `issues`, `papers`, `categories`, `summarizers`, `citedBy`, `authors`, `listPages`,
 * `authorLetters`, `chartPages`, `feeds`, `bibFiles`, `redirects`), and what the other pages and
 * files show.
 */
export interface SiteData extends FamilyLists, IndexWording {
  pages: Record<StaticPageName, StaticPageView>;
  /** The files besides the pages: feed, sitemap, exports. */
  files: Record<ArchiveFileName, PageAddress>;
  settings: SettingsView;
  counts: { issues: number; entries: number; papers: number; categories: number; summarizers: number; authors: number; warnings: number };
  latest: IssueView[];
  years: YearView[];
  /** Top-level categories, each with its children, for the categories index. */
  categoryTree: CategoryTree;
  authorIndex: AuthorIndexView;
  /** The search page's filters: the values summary pages declare (`data-pagefind-filter`), in the order the page lists them. */
  searchFilters: SearchFiltersView;
  /** The newest dated issues (an undated one is in no feed: src/site/engines/atom.ts), and how many are left out. */
  feed: IssueFeedView;
  /** sitemap.xml's text (src/site/pages/sitemap.ts): the static pages and the families the registry lists there. */
  sitemap: string;
  records: SummaryRecord[];
  /** Which optional features are on. */
  features: Features;
  /** What search finds besides the summary pages: the items no indexed summary page stands for (src/site/pages/search-records.ts). */
  searchRecords: SearchRecordView[];
}
