/**
 * The pages that are not one of a family (home, the issue, category and summarizer indexes,
 * search, 404), the links every page carries (stylesheet, scripts, feed, exports), the years of
 * the issue index, the search page's filters and the feed. Pure.
 */
import type { Issue } from '../../records/types.ts';
import type { CategoryTree } from './categories.ts';
import { atomXml, issueFeed, undatedLabel } from '../engines/atom.ts';
import { counted } from '../text/format.ts';
import type { IssueRef } from '../archive/issue-ref.ts';
import type { IssueView } from './issues.ts';
import type { PersonView } from './summarizers.ts';
import { addressOf, hrefOf, type PageAddress, routes } from '../routes.ts';
import type { SearchKindsView } from './search-records.ts';

/** Site settings (content/site.yml) plus the build's path prefix. */
export interface SiteSettings {
  title: string;
  description: string;
  /** Public address of the site root, ending in `/` (with the path prefix): used for absolute URLs. */
  url: string;
  language: string;
  /** Path the site is served under: `/` or `/repo-name/`. */
  pathPrefix: string;
  /** The newsletter's name, as citations give it (`Weekly Robotics`); default: the title. */
  newsletter?: string;
}

/** The settings with the links every page carries. */
export type SettingsView = SiteSettings & {
  home: string;
  feedHref: string;
  feedCanonical: string;
  css: string;
  searchHref: string;
  searchScript: string;
  enhanceScript: string;
  pagefindBundle: string;
  /** The search page's stemmer (`assets/stem.js`), prefixed like `pagefindBundle`: read by the script from a data attribute. */
  stemModule: string;
  categoriesHref: string;
  summarizersHref: string;
  authorsHref: string;
  papersJsonHref: string;
  papersCsvHref: string;
  archiveHref: string;
};

/** A page that is not one of a family (home, search, the indexes, 404). */
export interface StaticPageView extends PageAddress {
  pageTitle: string;
  description: string;
}

export type StaticPageName = 'home' | 'issues' | 'categories' | 'summarizers' | 'authors' | 'search' | 'notFound';

/** The files besides the pages (feed, sitemap, exports), by name: their permalinks. */
export type ArchiveFileName = 'feed' | 'sitemap' | 'summariesJson' | 'summariesCsv';

/** A run of issues of one year in the archive's order; `label` is '' when no issue of the archive has a known year (no heading then). */
export interface YearView {
  label: string;
  issues: IssueRef[];
}

export interface SearchFiltersView {
  /** Top-level categories, each followed by its sub-categories (`sub`), as on the categories page. */
  categories: { label: string; sub: boolean }[];
  /** Newest first. */
  years: string[];
  /** Summaries whose issue's year is unknown: the year filter's last value (`unknown`), and what it says. */
  withoutYear: number;
  /** `12 summaries are from issues of unknown year (no date).`; '' when every summary's issue has a year. */
  withoutYearNote: string;
  /** Who summarized, and who gave opinions, by name: two filters, so each counts its own kind of credit. */
  summarizers: string[];
  opinionAuthors: string[];
  /** Venues (`arXiv`, `NeurIPS 2019`), the most frequent first, then by name. */
  venues: string[];
  /** The papers' own years (not their issues'), newest first. */
  paperYears: string[];
  /** Some summary has an opinion: the "has an opinion" filter is offered. */
  anyOpinion: boolean;
  /**
   * How search tells summaries, items and bare titles apart (src/site/pages/search-records.ts): the
   * search page's `data-kinds` (the tagged kinds, in order) and `data-rest` (the kind of the rest).
   */
  kinds: { tagged: string; rest: string };
}

export function staticPages(settings: SiteSettings, counts: { issues: number; summaries: number }): Record<StaticPageName, StaticPageView> {
  const page = (path: string, pageTitle: string, description: string): StaticPageView => ({
    ...addressOf(path, settings.url),
    pageTitle,
    description,
  });
  const archive = `${counted(counts.issues, 'issue', 'issues')}, ${counted(counts.summaries, 'summary', 'summaries')}`;
  return {
    home: page(routes.home, settings.title, settings.description),
    issues: page(routes.issues, 'All issues', `Every issue of the newsletter by year: ${archive}.`),
    categories: page(routes.categories, 'Categories', `Every category of the newsletter, with the summaries filed under it (${archive}).`),
    summarizers: page(
      routes.summarizers,
      'Summarizers',
      'Everyone who wrote a summary or an opinion in the newsletter, with their summaries.',
    ),
    authors: page(routes.authors, 'Authors', 'Everyone whose papers the newsletter summarized, with their summaries.'),
    search: page(
      routes.search,
      'Search summaries',
      `Full-text search over ${counted(counts.summaries, 'summary', 'summaries')}, with filters for category, summarizer, issue year, venue, paper year, highlights and opinions, sorting by a column, and exports as CSV and BibTeX.`,
    ),
    notFound: page(routes.notFound, 'Page not found', 'There is no page at this address.'),
  };
}

/** What the archive holds, as the home page, the issue index and the footer count it. */
export interface ArchiveCounts {
  issues: number;
  summaries: number;
  categories: number;
  summarizers: number;
  authors: number;
  /** Some issue has a known year: the issue index is by year. */
  dated: boolean;
}

/** The wording of the pages that are not of a family: the footer's phrase, the issue index's heading and lede, the home page's figures, the empty archive's notice. */
export interface IndexWording {
  /** `173 issues, 1,956 summaries`: the archive in a phrase (footer, issue list). */
  archiveLabel: string;
  /** How the issue lists are ordered, in words: by year, or (no issue with a known year) by number alone. */
  order: { heading: string; lede: string };
  /** The home page's figures, each linking to its index: `1,956` `summaries`. */
  stats: { href: string; count: string; noun: string }[];
  /** Said on the home and search pages of an archive without a summary (an empty newsletters/ folder); null otherwise. */
  emptyNotice: string | null;
}

export function indexWording(links: SettingsView, counts: ArchiveCounts): IndexWording {
  const archive = `${counted(counts.issues, 'issue', 'issues')}, ${counted(counts.summaries, 'summary', 'summaries')}`;
  const figures: [string, number, string, string][] = [
    [links.archiveHref, counts.issues, 'issue', 'issues'],
    [links.searchHref, counts.summaries, 'summary', 'summaries'],
    [links.categoriesHref, counts.categories, 'category', 'categories'],
    [links.summarizersHref, counts.summarizers, 'summarizer', 'summarizers'],
    [links.authorsHref, counts.authors, 'author', 'authors'],
  ];
  return {
    archiveLabel: archive,
    order: {
      heading: counts.dated ? 'Archive by year' : 'Every issue, by number',
      lede: `${archive}, newest first${counts.dated ? '.' : ' by number: the issues carry no dates.'}`,
    },
    stats: figures.map(([href, n, one, many]) => {
      const [count = '', ...noun] = counted(n, one, many).split(' ');
      return { href, count, noun: noun.join(' ') };
    }),
    emptyNotice:
      counts.summaries > 0
        ? null
        : counts.issues > 0
          ? 'This archive has issues but no summaries yet, so there is nothing to search.'
          : 'This archive is empty: it has no issues yet. Issue files put in the newsletters/ folder appear here after the next build.',
  };
}

export function archiveFiles(settings: SiteSettings): Record<ArchiveFileName, PageAddress> {
  return {
    feed: addressOf(routes.feed, settings.url),
    sitemap: addressOf(routes.sitemap, settings.url),
    summariesJson: addressOf(routes.summariesJson, settings.url),
    summariesCsv: addressOf(routes.summariesCsv, settings.url),
  };
}

export function settingsView(settings: SiteSettings): SettingsView {
  return {
    ...settings,
    home: hrefOf(routes.home),
    archiveHref: hrefOf(routes.issues),
    feedHref: hrefOf(routes.feed),
    feedCanonical: addressOf(routes.feed, settings.url).canonical,
    css: hrefOf(routes.css),
    searchHref: hrefOf(routes.search),
    searchScript: hrefOf(routes.searchScript),
    enhanceScript: hrefOf(routes.enhanceScript),
    // Read by the scripts from a data attribute, which the base plugin leaves alone: prefixed here.
    pagefindBundle: `${settings.pathPrefix}${routes.pagefind}`,
    stemModule: `${settings.pathPrefix}${routes.stemScript}`,
    categoriesHref: hrefOf(routes.categories),
    summarizersHref: hrefOf(routes.summarizers),
    authorsHref: hrefOf(routes.authors),
    papersJsonHref: hrefOf(routes.summariesJson),
    papersCsvHref: hrefOf(routes.summariesCsv),
  };
}

/**
 * Issues (newest first, in the archive's order) grouped by year, newest first. A run of issues of
 * no known year stays in its place, under a heading of the years their dates are known to lie
 * within (`IssueRef.yearBounds`): `2021 or later, year unknown`, `2019 or earlier, year unknown`,
 * `2019–2020, year unknown`, or `Year unknown`; each issue in it shows what is known of its own
 * date. So the list stays in number order and no heading is shown twice (a heading met again,
 * which only dates out of number order can make, gathers its issues under its first place).
 * When no issue has a known year, one group with no heading.
 */
export function issueYears(refs: readonly IssueRef[]): YearView[] {
  if (refs.every((ref) => ref.year === null)) return refs.length === 0 ? [] : [{ label: '', issues: [...refs] }];
  const groups = new Map<string, IssueRef[]>();
  const add = (label: string, issues: readonly IssueRef[]): void => {
    const group = groups.get(label);
    if (group) group.push(...issues);
    else groups.set(label, [...issues]);
  };
  for (let i = 0; i < refs.length; ) {
    const year = refs[i]!.year;
    if (year !== null) {
      add(year, [refs[i++]!]);
      continue;
    }
    let end = i;
    while (end < refs.length && refs[end]!.year === null) end++;
    const run = refs.slice(i, end);
    add(undatedHeading(run), run);
    i = end;
  }
  return [...groups].map(([label, issues]) => ({ label, issues }));
}

/** The heading of a run of issues of unknown year: the years all of them lie within, as far as known. */
function undatedHeading(run: readonly IssueRef[]): string {
  const lows = run.map((r) => r.yearBounds.notBefore);
  const highs = run.map((r) => r.yearBounds.notAfter);
  const low = lows.every((y) => y !== null) ? Math.min(...(lows as number[])) : null;
  const high = highs.every((y) => y !== null) ? Math.max(...(highs as number[])) : null;
  if (low === null && high === null) return 'Year unknown';
  if (high === null) return `${low} or later, year unknown`;
  if (low === null) return `${high} or earlier, year unknown`;
  return `${low}–${high}, year unknown`;
}

/**
 * The search page's filters: the values summary pages declare (`data-pagefind-filter`), in the
 * order the page lists them. `pageYears` holds each summary page's appearances' years (null for
 * one of unknown year), so `withoutYear` is the count the filter's `unknown` value shows.
 */
export function searchFilters(
  refs: readonly IssueRef[],
  pageYears: readonly (readonly (string | null)[])[],
  tree: CategoryTree,
  people: readonly PersonView[],
  /** Every search record's paper facts: the summary pages', and the items' with facts of their own. */
  papers: readonly { venue: string | null; year: string | null; opinion: boolean }[] = [],
  kinds: SearchKindsView = { tagged: [], rest: 'summaries' },
): SearchFiltersView {
  const venueCounts = new Map<string, number>();
  for (const { venue } of papers) if (venue !== null && venue !== '') venueCounts.set(venue, (venueCounts.get(venue) ?? 0) + 1);
  const withoutYear = pageYears.filter((years) => years.includes(null)).length;
  return {
    categories: tree.flatMap((c) => [{ label: c.label, sub: false }, ...c.children.map((child) => ({ label: child.label, sub: true }))]),
    years: [...new Set(refs.flatMap((ref) => (ref.year === null ? [] : [ref.year])))],
    withoutYear,
    withoutYearNote:
      withoutYear === 0
        ? ''
        : `${counted(withoutYear, 'summary is', 'summaries are')} from ${withoutYear === 1 ? 'an issue' : 'issues'} whose year is not known.`,
    summarizers: people.filter((p) => p.summarized.length > 0).map((p) => p.name),
    opinionAuthors: people.filter((p) => p.opined.length > 0).map((p) => p.name),
    venues: [...venueCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([venue]) => venue),
    paperYears: [...new Set(papers.flatMap((p) => (p.year === null || p.year === '' ? [] : [p.year])))].sort((a, b) =>
      a < b ? 1 : a > b ? -1 : 0,
    ),
    anyOpinion: papers.some((p) => p.opinion),
    kinds: { tagged: kinds.tagged.join(' '), rest: kinds.rest },
  };
}

/** The site's feed: which issues, and its text. */
export interface IssueFeedView {
  /** YYYY-MM-DD: the newest date of any issue. */
  updated: string;
  issues: IssueView[];
  undated: number;
  undatedNote: string;
  /** `feed.xml`'s text (engines/atom.ts). */
  xml: string;
}

/**
 * The feed: the newest issues that have a date (an Atom entry needs one, and no other date is
 * true of an undated issue: engines/atom.ts), the date it was last updated (the newest of theirs; with
 * none, 1970-01-01), how many issues are left out for want of a date, and the feed's text.
 */
export function feed(issues: readonly Issue[], views: IssueView[], count: number, settings: SiteSettings): IssueFeedView {
  const dated = views.filter((v): v is IssueView & { dateIso: string } => v.dateIso !== null);
  const shown = dated.slice(0, count);
  const updated = newestDate(issues);
  const undated = views.length - dated.length;
  const undatedNote = undated === 0 ? '' : undatedLabel(undated, 'issues');
  const xml = atomXml(
    issueFeed({
      issues: shown.map((issue) => ({
        url: issue.canonical,
        title: issue.pageTitle,
        date: issue.dateIso,
        summary: issue.description,
        items: issue.blocks.flatMap((b) =>
          b.kind === 'entry' ? [{ url: b.entry.entryCanonical, title: b.entry.title, excerpt: b.entry.excerpt }] : [],
        ),
      })),
      siteUrl: settings.url,
      feedUrl: addressOf(routes.feed, settings.url).canonical,
      title: settings.title,
      subtitle: undatedNote === '' ? settings.description : `${settings.description} ${undatedNote}.`,
      language: settings.language,
      updated,
    }),
  );
  return { updated, issues: shown, undated, undatedNote, xml };
}

/** The newest date any issue has (YYYY-MM-DD), or 1970-01-01 when none has one: `updated` of a feed with no dated entry. */
export function newestDate(issues: readonly { date: string | null }[]): string {
  return issues.reduce((max, i) => (i.date !== null && i.date > max ? i.date : max), '1970-01-01');
}
