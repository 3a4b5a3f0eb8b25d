/**
 * Site-wide records from parsed issues: everything a template prints, prepared here.
 *
 * Pure: issues and settings in, SiteData out. Every collection is built in one pass over the
 * entries with maps (no nested scans), and every display string (dates, labels, hrefs with the
 * path prefix, rendered Markdown) is computed once, so templates only loop and print.
 */
import type { Category } from './records/categories.ts';
import type { Entry, Issue } from './records/types.ts';
import { citedIssues, numberOwners } from './records/citations.ts';
import { createMarkdown, plainExcerpt, type MarkdownRenderer } from './site/markdown.ts';
import { normalizeWords, textWeight, titleMentions } from './site/search-rank.ts';
import { safeHref } from './site/safe-url.ts';
import { stableSlug } from './records/slug.ts';

/** Site settings (content/site.yml) plus the build's path prefix. */
export interface SiteSettings {
  title: string;
  description: string;
  /** Public address of the site root, ending in `/` (with the path prefix): used for absolute URLs. */
  url: string;
  language: string;
  /** Path the site is served under: `/` or `/repo-name/`. */
  pathPrefix: string;
}

export interface CollectOptions {
  settings: SiteSettings;
  /** The section vocabulary, in file order: decides the order of categories on the site. */
  vocabulary?: Category[];
  /** Parse warnings, only counted for the report. */
  warningCount?: number;
  /** Newest issues shown on the home page. */
  latestCount?: number;
  /** Issues in the Atom feed. */
  feedCount?: number;
  /**
   * A renderer to reuse (and its cache) across builds; it must link references as
   * `createMarkdown(issueLinker(issues))` would. Default: a fresh one.
   */
  markdown?: MarkdownRenderer;
  /**
   * Work kept between calls (watch mode): entry views, export records, slugs and excerpts of
   * entries that did not change are reused, so collecting after one edit renders and slugs only
   * what the edit touched. Default: a fresh cache, used for this call only.
   */
  cache?: CollectCache;
}

/** What depends on one entry alone. */
interface EntryFacts {
  paperSlug: string;
  /** Slug of each `entry.category` label, same order. */
  categorySlugs: string[];
  summarizerKeys: string[];
  opinionKeys: string[];
  excerpt: string;
  /** The title and the summary and opinions as `normalizeWords` gives them: what search ranking counts title mentions in. */
  words: { title: string; text: string };
}

/** Bounded memo of a pure function of a string: when it outgrows `limit` it is emptied, not evicted one by one. */
class Memo<V> {
  private map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string, make: () => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      value = make();
      this.map.set(key, value);
    }
    return value;
  }
}

/**
 * Two arguments are the same when they are identical, or are arrays or plain objects whose
 * items are, one level down (an issue whose fields are the same values; a list of the same
 * entry views). Equal by this test means equal in content, since only identity and string or
 * number equality are ever used.
 */
function sameArg(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth >= 2 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameArg(x, b[i], depth + 1));
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameArg(x[k], y[k], depth + 1));
}

/**
 * Pages made by a pure function of their arguments, kept from one collect to the next: when a
 * page's function is called with the same arguments as last time, it gets last time's object.
 * The functions live at module level, so whatever a page shows has to come in as an argument,
 * and a page whose inputs changed is always made again.
 */
class Reuse {
  private last = new Map<string, { make: unknown; args: unknown[]; value: unknown }>();
  private next = new Map<string, { make: unknown; args: unknown[]; value: unknown }>();
  get<A extends unknown[], V>(key: string, make: (...args: A) => V, ...args: A): V {
    const kept = this.last.get(key);
    let value: V;
    if (
      kept !== undefined &&
      kept.make === make &&
      kept.args.length === args.length &&
      args.every((arg, i) => sameArg(arg, kept.args[i]))
    ) {
      value = kept.value as V;
    } else value = make(...args);
    this.next.set(key, { make, args, value });
    return value;
  }
  /** One collect is done: what it did not ask for is dropped. */
  done(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

/**
 * What `collectSite` can keep from one call to the next. Entries are keyed by identity, so only
 * frozen entries are remembered across calls (parseArchive's are: an unchanged file yields the
 * same frozen entries on every rebuild); an entry view is reused only while everything else it
 * shows (its issue's id, number, date and title, the site URL, the spellings of its people and
 * categories, the Markdown renderer) is the same as when it was made. Issue references, issue
 * pages and summary pages are kept while their inputs are the same (Reuse). Reused views are the
 * same objects as before, which lets the render plan keep their fingerprints too.
 */
export class CollectCache {
  readonly facts = new WeakMap<Entry, EntryFacts>();
  readonly views = new WeakMap<Entry, { context: string; markdown: MarkdownRenderer; view: EntryView; record: SummaryRecord }>();
  /** Person keys (which are their slugs), by name as written. */
  readonly personKeys = new Memo<string>(50_000);
  readonly excerpts = new Memo<string>(50_000);
  readonly pages = new Reuse();
  excerpt(text: string, max: number): string {
    return this.excerpts.get(`${max}\u0000${text}`, () => plainExcerpt(text, max));
  }
}

/** A link as printed: `<a href="{{ href }}">{{ label }}</a>`. */
export interface LinkView {
  href: string;
  label: string;
}

/** Where a page lives: `path` is relative to the site root (`issues/an-098/`). */
export interface PageAddress {
  path: string;
  /** For Eleventy's `permalink`: `/issues/an-098/`. */
  permalink: string;
  /**
   * For links inside the site: root-relative, without the path prefix (`/issues/an-098/`).
   * Eleventy's HTML base plugin adds PATH_PREFIX to every href/src in the HTML it writes.
   */
  href: string;
  /** Absolute URL, for Open Graph, the feed and the sitemap. */
  canonical: string;
}

/** A short reference to an issue: links, prev/next, "referenced by". */
export interface IssueRef {
  id: string;
  href: string;
  canonical: string;
  numberLabel: string;
  title: string;
  dateIso: string | null;
  dateLabel: string;
  /** `AN #98 · 6 May 2020`, for lists. */
  caption: string;
}

export interface OpinionView {
  by: string;
  byHref: string;
  /** `Rohin’s opinion`. */
  label: string;
  html: string;
}

/** One entry, as shown on issue, summary, category and people pages. */
export interface EntryView {
  /** The anchor on the issue page (`Entry.id`). */
  anchor: string;
  title: string;
  /** The link the title carries in a Markdown export, when it is safe to link to (`safeHref`). */
  titleUrl: string | null;
  authors: string | null;
  issue: IssueRef;
  /** The entry on its issue page: `issue.href#anchor`. */
  entryHref: string;
  entryCanonical: string;
  paperHref: string;
  categories: LinkView[];
  /** `Technical AI alignment › Interpretability`, or '' when the entry has none. */
  categoryLabel: string;
  highlight: boolean;
  summarizers: LinkView[];
  hatTips: string[];
  summaryHtml: string;
  opinions: OpinionView[];
  readMoreHtml: string[];
  prerequisitesHtml: string[];
  /** About 200 characters of the summary as plain text, for lists. */
  excerpt: string;
  year: string | null;
}

/** One section of an issue in its "In this issue" list: a link to its heading, and how many summaries it holds. */
export interface TocItem {
  href: string;
  label: string;
  /** Summaries under the heading, its sub-sections' included. */
  count: number;
  children: TocItem[];
}

/**
 * How many citing issues an issue page lists. The list grows with the archive (every later issue
 * may cite an early one), and issue pages have a size budget; the full list is on the issue's
 * "cited by" page. The real archive's most-cited issue is cited by 6 issues, so there the issue
 * page shows them all and no "cited by" page is written.
 */
export const REFERENCED_BY_SHOWN = 6;

export type IssueBlock =
  | { kind: 'heading'; level: number; id: string; label: string; href: string | null }
  | { kind: 'entry'; level: number; entry: EntryView };

export interface IssueView extends IssueRef, PageAddress {
  number: number | null;
  /** `AN #98: Understanding neural net training…`, for `<title>`. */
  pageTitle: string;
  description: string;
  year: string | null;
  sourceHref: string | null;
  introHtml: string;
  /** Category headings and entries in reading order. */
  blocks: IssueBlock[];
  /**
   * The page's sections for its "In this issue" list: top-level headings with their
   * sub-sections; empty when the page has fewer than two headings. Sections, not every summary:
   * a list of all ~40 titles and anchors would repeat a tenth of the page.
   */
  toc: TocItem[];
  entryCount: number;
  /** The issue before this one in time, and after it. */
  prev: IssueRef | null;
  next: IssueRef | null;
  /** Issues in the archive this one cites as `(AN #N)`. */
  cites: IssueRef[];
  /** Issues that cite this one, newest first: at most REFERENCED_BY_SHOWN of them. */
  referencedBy: IssueRef[];
  /** How many issues cite this one. */
  referencedByCount: number;
  /** The page listing every issue that cites this one (`All 36 issues that cite AN #34`), when `referencedBy` does not show them all. */
  citedByAll: LinkView | null;
}

/** `/issues/<id>/cited-by/`: every issue that cites one issue, for issues cited more often than their page lists. */
export interface CitedByView extends PageAddress {
  /** The cited issue. */
  issue: IssueRef;
  pageTitle: string;
  description: string;
  /** Newest first. */
  issues: IssueRef[];
}

export interface PaperView extends PageAddress {
  slug: string;
  title: string;
  pageTitle: string;
  description: string;
  /** Every appearance of this title, oldest first. */
  appearances: EntryView[];
  categories: LinkView[];
  summarizers: LinkView[];
  years: string[];
  search: PaperSearchView;
}

/**
 * What a search result shows of a summary, and how it sorts: the summary page prints these as
 * Pagefind metadata (`data-pagefind-meta`) and sort keys (`data-pagefind-sort`), and the search
 * page shows them as they are. All from the first appearance, which the page's header shows too.
 */
export interface PaperSearchView {
  /** The authors as written (`Geoffrey Irving and Dario Amodei`), '' when none: searched, and weighted. */
  authors: string;
  /** `Rohin Shah, Flo Dorner`: everyone who summarized it or gave an opinion, '' when no one is named. */
  people: string;
  /** `AN #5 · 2 May 2018`. */
  issue: string;
  /** `Technical AI alignment › Iterated amplification`, '' when none; a highlight without a topic has none (`highlight` says it). */
  category: string;
  highlight: boolean;
  /** `2018-05-02`, or `0000-00-00` when the issue's date is unknown: sorts results newest or oldest first. */
  sortDate: string;
  /** How much its text counts in ranking (`data-pagefind-weight`, 1 to 10): see src/search-rank.ts. */
  weight: number;
  /**
   * The title is indexed as text only on a page with no other text (a "see also" entry): Pagefind
   * leaves a page with no indexed text out of the index, and elsewhere the title, already matched
   * as metadata, would come back as the result's excerpt.
   */
  titleIsText: boolean;
}

export interface CategoryView extends PageAddress {
  slug: string;
  label: string;
  pageTitle: string;
  description: string;
  parent: LinkView | null;
  children: (LinkView & { count: number })[];
  /** Entries in this category or under it, newest issue first. */
  entries: EntryView[];
  count: number;
  highlight: boolean;
}

export interface PersonView extends PageAddress {
  slug: string;
  name: string;
  pageTitle: string;
  description: string;
  /** Entries this person summarized, newest first. */
  summarized: EntryView[];
  /** Entries this person gave an opinion on, newest first. */
  opined: EntryView[];
  count: number;
}

export interface YearView {
  label: string;
  issues: IssueRef[];
}

/** One row of summaries.json / summaries.csv. */
export interface SummaryRecord {
  issue_id: string;
  issue_number: number | null;
  issue_date: string | null;
  issue_title: string | null;
  entry_id: string;
  title: string;
  authors: string | null;
  summarizers: string[];
  category: string[];
  highlight: boolean;
  summary: string;
  opinions: { by: string; text: string }[];
  read_more: string[];
  prerequisites: string[];
  references: number[];
  url: string;
  summary_page: string;
}

export interface SearchFiltersView {
  /** Top-level categories, each followed by its sub-categories (`sub`), as on the categories page. */
  categories: { label: string; sub: boolean }[];
  /** Newest first. */
  years: string[];
  /** By name. */
  summarizers: string[];
}

/** A page that is not one of a family (home, search, the indexes, 404). */
export interface StaticPageView extends PageAddress {
  pageTitle: string;
  description: string;
}

export type StaticPageName = 'home' | 'issues' | 'categories' | 'summarizers' | 'search' | 'notFound';

export interface SiteData {
  pages: Record<StaticPageName, StaticPageView>;
  settings: SiteSettings & {
    home: string;
    feedHref: string;
    feedCanonical: string;
    css: string;
    searchHref: string;
    searchScript: string;
    enhanceScript: string;
    pagefindBundle: string;
    categoriesHref: string;
    summarizersHref: string;
    papersJsonHref: string;
    papersCsvHref: string;
    archiveHref: string;
  };
  counts: { issues: number; entries: number; papers: number; categories: number; summarizers: number; warnings: number };
  /** Newest issues first. */
  issues: IssueView[];
  latest: IssueView[];
  years: YearView[];
  papers: PaperView[];
  categories: CategoryView[];
  /** One page per issue cited by more than REFERENCED_BY_SHOWN issues. */
  citedBy: CitedByView[];
  /** Top-level categories, each with its children, for the categories index. */
  categoryTree: (LinkView & { count: number; children: (LinkView & { count: number })[] })[];
  summarizers: PersonView[];
  /** The search page's filters: the values summary pages declare (`data-pagefind-filter`), in the order the page lists them. */
  searchFilters: SearchFiltersView;
  feed: { updated: string; issues: IssueView[] };
  records: SummaryRecord[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2020-05-06` -> `6 May 2020`; text that is not a date is shown as it is. */
export function formatDate(iso: string | null): string {
  if (iso === null) return 'Date unknown';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** Ensures `/`, `/repo/`: a leading and a trailing slash. */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function addressOf(path: string, settings: SiteSettings): PageAddress {
  return { path, permalink: `/${path}`, href: `/${path}`, canonical: `${settings.url}${path}` };
}

/** Newest first: by date, then number, then id; undated issues after dated ones. */
function compareIssues(a: Issue, b: Issue): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  if (a.number !== b.number) {
    if (a.number === null) return 1;
    if (b.number === null) return -1;
    return b.number - a.number;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Key that decides whether two titles are the same paper: its words, case and punctuation ignored. */
export function paperSlug(title: string): string {
  return stableSlug(title, 'summary');
}

/** Category slugs: few distinct labels, each slugged many times (entries, headings, links). */
const categorySlugs = new Memo<string>(10_000);
const categorySlug = (label: string): string => categorySlugs.get(label, () => stableSlug(label, 'category'));

/**
 * A name as shown: what the header's parenthetical held, without the marks around it that are
 * not part of the name (`(summarized by +Rohin.)` -> `Rohin`).
 */
export function personName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/^[\s+]+/, '')
    .replace(/[\s.,;:!?]+$/, '');
}

/**
 * One person, one key, one page: `Rohin`, `rohin`, `Rohin.`, `+Rohin` and `Róhin` are the same
 * person. The key is the slug of the name (case, accents and punctuation dropped), so two names
 * that would share a page address are one person by construction, never two pages at one URL.
 */
export function personKey(name: string): string {
  return stableSlug(personName(name), 'person');
}

const byLabel = (a: { label: string }, b: { label: string }): number => a.label.localeCompare(b.label, 'en');

/** Counts spellings, so a person or category is shown the way it is most often written. */
class Spellings {
  private counts = new Map<string, Map<string, number>>();
  add(key: string, spelling: string): void {
    const forKey = this.counts.get(key) ?? new Map<string, number>();
    forKey.set(spelling, (forKey.get(spelling) ?? 0) + 1);
    this.counts.set(key, forKey);
  }
  best(key: string): string {
    let best = key;
    let bestCount = -1;
    for (const [spelling, count] of this.counts.get(key) ?? []) {
      if (count > bestCount || (count === bestCount && spelling < best)) {
        best = spelling;
        bestCount = count;
      }
    }
    return best;
  }
}

function issueTitle(issue: Issue): string {
  return issue.title ?? issue.entries[0]?.title ?? issue.id;
}

function issueRef(issue: Issue, settings: SiteSettings): IssueRef {
  const address = addressOf(`issues/${issue.id}/`, settings);
  const numberLabel = issue.number === null ? 'Issue number unknown' : `AN #${issue.number}`;
  const dateLabel = formatDate(issue.date);
  return {
    id: issue.id,
    href: address.href,
    canonical: address.canonical,
    numberLabel,
    title: issueTitle(issue),
    dateIso: issue.date,
    dateLabel,
    caption: issue.number === null ? dateLabel : `${numberLabel} · ${dateLabel}`,
  };
}

/** An issue's page: a pure function of its arguments (see Reuse). */
function issueView(
  issue: Issue,
  ref: IssueRef,
  older: IssueRef | null,
  newer: IssueRef | null,
  cited: IssueRef[],
  citing: IssueRef[],
  views: EntryView[],
  settings: SiteSettings,
  markdown: MarkdownRenderer,
  cache: CollectCache,
): IssueView {
  const blocks = issueBlocks(issue, views);
  const description =
    cache.excerpt(issue.intro, 160) ||
    cache.excerpt(`${ref.numberLabel}, ${ref.dateLabel}: ${issue.entries.map((e) => e.title).join('; ')}`, 160);
  return {
    ...ref,
    ...addressOf(`issues/${issue.id}/`, settings),
    number: issue.number,
    pageTitle: issue.number === null ? ref.title : `${ref.numberLabel}: ${ref.title}`,
    description,
    year: issue.date?.slice(0, 4) ?? null,
    sourceHref: safeHref(issue.source),
    introHtml: markdown.render(issue.intro),
    blocks,
    toc: issueToc(blocks),
    entryCount: issue.entries.length,
    prev: older,
    next: newer,
    cites: cited,
    referencedBy: citing.slice(0, REFERENCED_BY_SHOWN),
    referencedByCount: citing.length,
    citedByAll:
      citing.length > REFERENCED_BY_SHOWN
        ? {
            href: addressOf(`issues/${issue.id}/cited-by/`, settings).href,
            label: `All ${citing.length} issues that cite ${issue.number === null ? 'this one' : ref.numberLabel}`,
          }
        : null,
  };
}

/**
 * A summary's page, from its appearances newest first: a pure function of its arguments (see Reuse).
 * `sectionLabels` are the labels of the highlight sections (`Highlights`): a place, not a topic.
 */
function paperView(
  slug: string,
  title: string,
  newestFirst: EntryView[],
  sectionLabels: string[],
  weight: number,
  settings: SiteSettings,
  cache: CollectCache,
): PaperView {
  const appearances = [...newestFirst].reverse();
  const first = appearances[0]!;
  const unique = (links: LinkView[]): LinkView[] => [...new Map(links.map((l) => [l.href, l])).values()];
  const summarizers = unique(appearances.flatMap((a) => [...a.summarizers, ...a.opinions.map((o) => ({ label: o.by, href: o.byHref }))]));
  const topics = first.categories.filter((c) => !sectionLabels.includes(c.label));
  return {
    ...addressOf(`papers/${slug}/`, settings),
    slug,
    title,
    pageTitle: title,
    description: cache.excerpt(first.excerpt, 160) || `${title}: summarized in ${first.issue.caption} of the Alignment Newsletter.`,
    appearances,
    categories: unique(appearances.flatMap((a) => a.categories)),
    summarizers,
    years: [...new Set(appearances.map((a) => a.year).filter((y): y is string => y !== null))],
    search: {
      authors: first.authors ?? '',
      people: summarizers.map((s) => s.label).join(', '),
      issue: first.issue.caption,
      category: topics.map((c) => c.label).join(' › '),
      highlight: first.highlight,
      sortDate: first.issue.dateIso ?? '0000-00-00',
      weight,
      titleIsText: appearances.every(
        (a) => !a.summaryHtml && a.opinions.length === 0 && a.readMoreHtml.length === 0 && a.prerequisitesHtml.length === 0,
      ),
    },
  };
}

/** Where `(AN #N)` points in this archive: `/issues/<id>/`, or null when N is not in it. */
export function issueLinker(issues: Issue[]): (issueNumber: number) => string | null {
  const byNumber = numberOwners(issues);
  return (n) => {
    const target = byNumber.get(n);
    return target ? `/issues/${target.id}/` : null;
  };
}

/**
 * What `issueLinker` depends on, as a string: two archives with the same key link references
 * the same way, so a Markdown cache can be kept across rebuilds while the key stays the same.
 */
export function issueLinkKey(issues: Issue[]): string {
  return [...numberOwners(issues)]
    .map(([n, issue]) => `${n}:${issue.id}`)
    .sort()
    .join(' ');
}

/** Builds everything the templates need. */
export function collectSite(issuesIn: Issue[], options: CollectOptions): SiteData {
  const settings: SiteSettings = {
    ...options.settings,
    pathPrefix: normalizePrefix(options.settings.pathPrefix),
    url: options.settings.url.endsWith('/') ? options.settings.url : `${options.settings.url}/`,
  };
  const issues = [...issuesIn].sort(compareIssues);
  const byNumber = numberOwners(issues);
  const markdown: MarkdownRenderer = options.markdown ?? createMarkdown(issueLinker(issues));
  const cache = options.cache ?? new CollectCache();
  const refs = new Map<string, IssueRef>(issues.map((issue) => [issue.id, cache.pages.get(`ref ${issue.id}`, issueRef, issue, settings)]));
  const refOf = (issue: Issue): IssueRef => refs.get(issue.id)!;
  const personKeyOf = (name: string): string => cache.personKeys.get(name, () => personKey(name));
  const factsOf = (entry: Entry): EntryFacts => {
    let facts = cache.facts.get(entry);
    if (facts === undefined) {
      facts = {
        paperSlug: paperSlug(entry.title),
        categorySlugs: entry.category.map(categorySlug),
        summarizerKeys: entry.summarizers.map(personKeyOf),
        opinionKeys: entry.opinions.map((o) => personKeyOf(o.by)),
        excerpt: plainExcerpt(entry.summary, 220),
        words: {
          title: normalizeWords(entry.title),
          text: normalizeWords([entry.summary, ...entry.opinions.map((o) => o.text)].join(' ')),
        },
      };
      if (Object.isFrozen(entry)) cache.facts.set(entry, facts);
    }
    return facts;
  };

  // People and categories: keys first, display spelling decided after one pass.
  const personSpellings = new Spellings();
  const categorySpellings = new Spellings();
  for (const issue of issues) {
    for (const entry of issue.entries) {
      const facts = factsOf(entry);
      entry.summarizers.forEach((name, i) => {
        personSpellings.add(facts.summarizerKeys[i]!, personName(name));
      });
      entry.opinions.forEach((opinion, i) => {
        personSpellings.add(facts.opinionKeys[i]!, personName(opinion.by));
      });
      entry.category.forEach((label, i) => {
        categorySpellings.add(facts.categorySlugs[i]!, label.trim());
      });
    }
  }
  const personLinkByKey = (key: string): LinkView => ({
    label: personSpellings.best(key),
    href: addressOf(`summarizers/${key}/`, settings).href,
  });
  const categoryLinkBySlug = (slug: string): LinkView => ({
    label: categorySpellings.best(slug),
    href: addressOf(`categories/${slug}/`, settings).href,
  });
  const categoryLink = (label: string): LinkView => categoryLinkBySlug(categorySlug(label));

  /** Everything besides the entry itself that its view and record show. */
  const issueContexts = new Map<string, string>();
  const contextOf = (issue: Issue, facts: EntryFacts): string => {
    let forIssue = issueContexts.get(issue.id);
    if (forIssue === undefined) {
      forIssue = JSON.stringify([settings.url, issue.id, issue.number, issue.date, issue.title, issueTitle(issue)]);
      issueContexts.set(issue.id, forIssue);
    }
    const spellings = [
      ...facts.categorySlugs.map((slug) => categorySpellings.best(slug)),
      ...facts.summarizerKeys.map((key) => personSpellings.best(key)),
      ...facts.opinionKeys.map((key) => personSpellings.best(key)),
    ];
    return `${forIssue}${JSON.stringify(spellings)}`;
  };

  const entryView = (issue: Issue, entry: Entry, facts: EntryFacts): EntryView => {
    const ref = refOf(issue);
    const categories = facts.categorySlugs.map(categoryLinkBySlug);
    return {
      anchor: entry.id,
      title: entry.title,
      titleUrl: safeHref(entry.url),
      authors: entry.authors,
      issue: ref,
      entryHref: `${ref.href}#${entry.id}`,
      entryCanonical: `${ref.canonical}#${entry.id}`,
      paperHref: addressOf(`papers/${facts.paperSlug}/`, settings).href,
      categories,
      categoryLabel: categories.map((c) => c.label).join(' › '),
      highlight: entry.highlight,
      summarizers: facts.summarizerKeys.map(personLinkByKey),
      hatTips: entry.hatTips,
      summaryHtml: markdown.render(entry.summary),
      opinions: entry.opinions.map((opinion, i) => {
        const by = personLinkByKey(facts.opinionKeys[i]!);
        return { by: by.label, byHref: by.href, label: `${by.label}’s opinion`, html: markdown.render(opinion.text) };
      }),
      readMoreHtml: entry.readMore.map((text) => markdown.render(text)),
      prerequisitesHtml: entry.prerequisites.map((text) => markdown.render(text)),
      excerpt: facts.excerpt,
      year: issue.date?.slice(0, 4) ?? null,
    };
  };

  const entryRecord = (issue: Issue, entry: Entry, view: EntryView, facts: EntryFacts): SummaryRecord => ({
    issue_id: issue.id,
    issue_number: issue.number,
    issue_date: issue.date,
    issue_title: issue.title,
    entry_id: entry.id,
    title: entry.title,
    authors: entry.authors,
    summarizers: entry.summarizers,
    category: entry.category,
    highlight: entry.highlight,
    summary: entry.summary,
    opinions: entry.opinions.map((o) => ({ by: o.by, text: o.text })),
    read_more: entry.readMore,
    prerequisites: entry.prerequisites,
    references: entry.references,
    url: view.entryCanonical,
    summary_page: `${settings.url}papers/${facts.paperSlug}/`,
  });

  /** The entry's view and export record: the ones from an earlier call when nothing they show changed. */
  const entryOutput = (issue: Issue, entry: Entry): { view: EntryView; record: SummaryRecord; facts: EntryFacts } => {
    const facts = factsOf(entry);
    const context = contextOf(issue, facts);
    const kept = cache.views.get(entry);
    if (kept !== undefined && kept.context === context && kept.markdown === markdown)
      return { view: kept.view, record: kept.record, facts };
    const view = entryView(issue, entry, facts);
    const record = entryRecord(issue, entry, view, facts);
    if (Object.isFrozen(entry)) cache.views.set(entry, { context, markdown, view, record });
    return { view, record, facts };
  };

  // One pass over every entry: views, papers, categories, people, citations.
  const papers = new Map<string, { title: string; appearances: EntryView[] }>();
  const categoryEntries = new Map<string, EntryView[]>();
  const categoryChildren = new Map<string, Set<string>>();
  const categoryParent = new Map<string, string>();
  const summarized = new Map<string, EntryView[]>();
  const opined = new Map<string, EntryView[]>();
  const citedBy = new Map<string, Issue[]>();
  const issueEntries = new Map<string, EntryView[]>();
  /** Issues each issue cites (intro and entries), in order of first citation. */
  const issueCites = new Map<string, Issue[]>();
  const records: SummaryRecord[] = [];
  const texts: EntryFacts['words'][] = [];
  const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list) {
      if (list[list.length - 1] !== value) list.push(value);
    } else map.set(key, [value]);
  };

  for (const issue of issues) {
    const views: EntryView[] = [];
    const cites = new Set<number>(citedIssues(issue.intro));
    for (const entry of issue.entries) {
      const { view, record, facts } = entryOutput(issue, entry);
      views.push(view);
      const slug = facts.paperSlug;
      const paper = papers.get(slug);
      if (paper) paper.appearances.push(view);
      else papers.set(slug, { title: entry.title, appearances: [view] });
      facts.categorySlugs.forEach((slug, depth) => {
        push(categoryEntries, slug, view);
        const parentSlug = facts.categorySlugs[depth - 1];
        if (parentSlug !== undefined) {
          if (!categoryParent.has(slug)) categoryParent.set(slug, parentSlug);
          const children = categoryChildren.get(parentSlug) ?? new Set<string>();
          children.add(slug);
          categoryChildren.set(parentSlug, children);
        }
      });
      for (const key of facts.summarizerKeys) push(summarized, key, view);
      for (const key of facts.opinionKeys) push(opined, key, view);
      for (const n of entry.references) cites.add(n);
      records.push(record);
      texts.push(facts.words);
    }
    issueEntries.set(issue.id, views);
    const citedTargets = [...cites]
      .map((n) => byNumber.get(n))
      .filter((target): target is Issue => target !== undefined && target.id !== issue.id);
    issueCites.set(issue.id, citedTargets);
    for (const target of citedTargets) push(citedBy, target.id, issue);
  }

  const issueViews: IssueView[] = issues.map((issue, i) => {
    const older = issues[i + 1];
    const newer = issues[i - 1];
    return cache.pages.get(
      `issue ${issue.id}`,
      issueView,
      issue,
      refOf(issue),
      older ? refOf(older) : null,
      newer ? refOf(newer) : null,
      issueCites.get(issue.id)!.map(refOf),
      (citedBy.get(issue.id) ?? []).map(refOf),
      issueEntries.get(issue.id)!,
      settings,
      markdown,
      cache,
    );
  });
  const citedByViews: CitedByView[] = issues.flatMap((issue) => {
    const citing = citedBy.get(issue.id) ?? [];
    if (citing.length <= REFERENCED_BY_SHOWN) return [];
    const ref = refOf(issue);
    const name = issue.number === null ? ref.title : ref.numberLabel;
    return [
      {
        ...addressOf(`issues/${issue.id}/cited-by/`, settings),
        issue: ref,
        pageTitle: `Issues citing ${name}`,
        description: `The ${citing.length} issues of the newsletter that cite ${name}, newest first.`,
        issues: citing.map(refOf),
      },
    ];
  });

  const highlightSlugs = new Set((options.vocabulary ?? []).filter((c) => c.highlight).map((c) => categorySlug(c.label)));
  const sectionLabels = [...highlightSlugs].map((slug) => categorySpellings.best(slug));
  const mentions = titleMentions(
    texts.map((t) => t.title),
    texts,
  );
  const paperViews: PaperView[] = [...papers.entries()]
    .map(([slug, paper]) => {
      const weight = textWeight(
        mentions.get(normalizeWords(paper.title)) ?? 0,
        paper.appearances.some((a) => a.highlight),
      );
      return cache.pages.get(`paper ${slug}`, paperView, slug, paper.title, paper.appearances, sectionLabels, weight, settings, cache);
    })
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

  // Categories: vocabulary order first, then any other heading alphabetically.
  const order = new Map<string, number>((options.vocabulary ?? []).map((c, i) => [categorySlug(c.label), i]));
  const countOf = (slug: string): number => categoryEntries.get(slug)?.length ?? 0;
  const categoryViews: CategoryView[] = [...categoryEntries.keys()]
    .map((slug): CategoryView => {
      const label = categorySpellings.best(slug);
      const parentSlug = categoryParent.get(slug);
      const entries = categoryEntries.get(slug)!;
      return {
        ...addressOf(`categories/${slug}/`, settings),
        slug,
        label,
        pageTitle: `${label}: every summary in this category`,
        description: `${entries.length} ${entries.length === 1 ? 'summary' : 'summaries'} filed under ${label} in the Alignment Newsletter.`,
        parent: parentSlug === undefined ? null : categoryLink(categorySpellings.best(parentSlug)),
        children: [...(categoryChildren.get(slug) ?? [])]
          .map((child) => ({ ...categoryLink(categorySpellings.best(child)), count: countOf(child), order: order.get(child) }))
          .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || byLabel(a, b))
          .map(({ href, label, count }) => ({ href, label, count })),
        entries,
        count: entries.length,
        highlight: highlightSlugs.has(slug),
      };
    })
    .sort((a, b) => (order.get(a.slug) ?? Infinity) - (order.get(b.slug) ?? Infinity) || byLabel(a, b));
  const categoryTree = categoryViews
    .filter((c) => c.parent === null)
    .map((c) => ({ href: c.href, label: c.label, count: c.count, children: c.children }));

  const personKeys = new Set([...summarized.keys(), ...opined.keys()]);
  const summarizerViews: PersonView[] = [...personKeys]
    .map((key): PersonView => {
      const name = personSpellings.best(key);
      const slug = key;
      const mine = summarized.get(key) ?? [];
      const opinions = opined.get(key) ?? [];
      const count = new Set([...mine, ...opinions]).size;
      return {
        ...addressOf(`summarizers/${slug}/`, settings),
        slug,
        name,
        pageTitle: `${name}: summaries and opinions`,
        description: `${mine.length} ${mine.length === 1 ? 'summary' : 'summaries'} by ${name} and ${opinions.length} ${opinions.length === 1 ? 'opinion' : 'opinions'}, in the Alignment Newsletter.`,
        summarized: mine,
        opined: opinions,
        count,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));

  const years = new Map<string, IssueRef[]>();
  for (const issue of issues) {
    const label = issue.date?.slice(0, 4) ?? 'Undated';
    const list = years.get(label) ?? [];
    list.push(refOf(issue));
    years.set(label, list);
  }

  const at = (path: string): string => `/${path}`;
  const newestDate = issues.find((i) => i.date !== null)?.date ?? '1970-01-01';
  const page = (path: string, pageTitle: string, description: string): StaticPageView => ({
    ...addressOf(path, settings),
    pageTitle,
    description,
  });
  const counted = `${issues.length} issues, ${records.length} summaries`;
  cache.pages.done();
  return {
    pages: {
      home: page('', settings.title, settings.description),
      issues: page('issues/', 'All issues', `Every issue of the newsletter by year: ${counted}.`),
      categories: page('categories/', 'Categories', `Every category of the newsletter, with the summaries filed under it (${counted}).`),
      summarizers: page(
        'summarizers/',
        'Summarizers',
        'Everyone who wrote a summary or an opinion in the newsletter, with their summaries.',
      ),
      search: page(
        'search/',
        'Search summaries',
        `Full-text search over ${records.length} summaries, with filters for category, summarizer and year.`,
      ),
      notFound: page('404.html', 'Page not found', 'There is no page at this address.'),
    },
    settings: {
      ...settings,
      home: at(''),
      archiveHref: at('issues/'),
      feedHref: at('feed.xml'),
      feedCanonical: `${settings.url}feed.xml`,
      css: at('assets/site.css'),
      searchHref: at('search/'),
      searchScript: at('assets/search.js'),
      enhanceScript: at('assets/enhance.js'),
      pagefindBundle: `${settings.pathPrefix}pagefind/`,
      categoriesHref: at('categories/'),
      summarizersHref: at('summarizers/'),
      papersJsonHref: at('summaries.json'),
      papersCsvHref: at('summaries.csv'),
    },
    counts: {
      issues: issues.length,
      entries: records.length,
      papers: paperViews.length,
      categories: categoryViews.length,
      summarizers: summarizerViews.length,
      warnings: options.warningCount ?? 0,
    },
    issues: issueViews,
    latest: issueViews.slice(0, options.latestCount ?? 6),
    years: [...years.entries()].map(([label, list]) => ({ label, issues: list })),
    papers: paperViews,
    categories: categoryViews,
    citedBy: citedByViews,
    categoryTree,
    summarizers: summarizerViews,
    searchFilters: {
      categories: categoryTree.flatMap((c) => [
        { label: c.label, sub: false },
        ...c.children.map((child) => ({ label: child.label, sub: true })),
      ]),
      years: [...new Set(issues.flatMap((issue) => (issue.date === null ? [] : [issue.date.slice(0, 4)])))],
      summarizers: summarizerViews.map((p) => p.name),
    },
    feed: { updated: newestDate, issues: issueViews.slice(0, options.feedCount ?? 20) },
    records,
  };
}

/** The heading highlights stand under on an issue page. */
const HIGHLIGHTS = 'Highlights';

/**
 * Category headings and entries in reading order. A heading is emitted where the top-level
 * section or the sub-section changes; entry titles sit one level below their nearest heading,
 * so the page's headings never skip a level.
 */
export function issueBlocks(issue: Issue, views: EntryView[]): IssueBlock[] {
  const blocks: IssueBlock[] = [];
  const usedIds = new Set(issue.entries.map((e) => e.id));
  const headingId = (label: string): string => {
    const base = `section-${categorySlug(label)}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  let top: string | null = null;
  let sub: string | null = null;
  let anyHeading = false;
  issue.entries.forEach((entry, i) => {
    const view = views[i]!;
    // A highlight stands under Highlights on its issue's page, as the issue prints it, even when a
    // "Summarized in the highlights!" stub gave it a topic (its category, linked from the summary).
    const filedUnder = entry.highlight && entry.category[0] !== HIGHLIGHTS ? [HIGHLIGHTS] : entry.category;
    const [first, ...rest] = filedUnder;
    const nextTop = first ?? (anyHeading ? 'Other summaries' : null);
    const nextSub = rest.length > 0 ? rest[rest.length - 1]! : null;
    const topLink = first === undefined || filedUnder !== entry.category ? null : (view.categories[0] ?? null);
    const subLink = rest.length > 0 ? (view.categories[view.categories.length - 1] ?? null) : null;
    if (nextTop !== top && nextTop !== null) {
      blocks.push({ kind: 'heading', level: 2, id: headingId(nextTop), label: topLink?.label ?? nextTop, href: topLink?.href ?? null });
      anyHeading = true;
      sub = null;
    }
    top = nextTop;
    if (nextSub !== null && nextSub !== sub) {
      blocks.push({ kind: 'heading', level: 3, id: headingId(nextSub), label: subLink?.label ?? nextSub, href: subLink?.href ?? null });
    }
    sub = nextSub;
    blocks.push({ kind: 'entry', level: top === null ? 2 : sub === null ? 3 : 4, entry: view });
  });
  return blocks;
}

/** The "In this issue" list from an issue's blocks: sections, sub-sections and their counts. */
export function issueToc(blocks: IssueBlock[]): TocItem[] {
  const items: TocItem[] = [];
  let top: TocItem | null = null;
  let sub: TocItem | null = null;
  let headings = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      headings++;
      const item: TocItem = { href: `#${block.id}`, label: block.label, count: 0, children: [] };
      if (block.level === 2 || top === null) {
        items.push(item);
        top = item;
        sub = null;
      } else {
        top.children.push(item);
        sub = item;
      }
    } else if (top !== null) {
      // Level 3: directly under the top-level heading; level 4: under its latest sub-section.
      top.count++;
      if (block.level === 4 && sub !== null) sub.count++;
    }
  }
  return headings < 2 ? [] : items;
}
