/**
 * The features beyond the newsletter's text on the archive's own pages and files: the feed of
 * every category and person, the `.bib` files of the archive and of every category, the
 * `/stats/` page, and what category and people pages show of them (their feed's link, their
 * `.bib` file's link, their sparkline). Each is left out when site.yml turns its feature off.
 * (Related summaries and the Cite block are on the summary pages: `engines/related-pages.ts`, `pages/bib.ts`.)
 * Pure, apart from the memos the caller keeps between builds.
 */
import type { CategoryView } from './categories.ts';
import type { CitedIssue } from '../engines/charts.ts';
import type { BibEntry } from '../engines/bibtex.ts';
import { type BibFileView, bibFileView, type CiteMemo } from './bib.ts';
import type { EntryView } from '../archive/entry.ts';
import type { Features } from '../features.ts';
import type { PersonView } from './summarizers.ts';
import type { PageReuse } from '../reuse.ts';
import { addressOf, routes } from '../routes.ts';
import { type ChartMemo, type ChartView, sparkline, type StatsView, statsView } from './stats.ts';
import { type FeedLink, type FeedSource, type FeedView, feedLink, topicFeeds } from './feeds.ts';

/** What a category page shows besides its summaries: its feed, its `.bib` file, its summaries per year. */
export interface CategoryExtras {
  feed: FeedLink | null;
  bib: { href: string } | null;
  sparkline: ChartView | null;
}

export interface ExtrasInput {
  features: Features;
  categories: readonly CategoryView[];
  people: readonly PersonView[];
  /** Every summary of the archive, newest issue first. */
  entries: readonly EntryView[];
  /** Every issue cited by another, with how many cite it. */
  cited: readonly CitedIssue[];
  /** The archive's newest issue date: `updated` of a feed whose summaries have no date. */
  newestDate: string;
  siteTitle: string;
  /** The site's language (the feeds' `xml:lang`). */
  language: string;
  /** The newsletter's name as citations give it. */
  newsletter: string;
  siteUrl: string;
  pages: PageReuse;
  charts: ChartMemo;
  cite: CiteMemo;
  /** Each summary page's paper as its Cite block gives it (null when it cannot be cited), by the page's href. */
  paperEntries: ReadonlyMap<string, BibEntry | null>;
}

export interface Extras {
  categories: (CategoryView & CategoryExtras)[];
  people: (PersonView & { feed: FeedLink | null })[];
  feeds: FeedView[];
  bibFiles: BibFileView[];
  stats: StatsView[];
}

export function extras(input: ExtrasInput): Extras {
  const { features, categories, people, entries, siteUrl, newsletter, pages } = input;
  const sources: FeedSource[] = features.topicFeeds
    ? [
        ...categories.map(
          (c): FeedSource => ({
            kind: 'category',
            key: c.slug,
            label: c.label,
            page: c,
            path: routes.categoryFeed(c.slug),
            entries: c.entries,
          }),
        ),
        ...people.map(
          (p): FeedSource => ({
            kind: 'person',
            key: p.slug,
            label: p.name,
            page: p,
            path: routes.personFeed(p.slug),
            entries: [...p.summarized, ...p.opined],
          }),
        ),
      ]
    : [];
  const feeds = topicFeeds({ sources, siteTitle: input.siteTitle, siteUrl, language: input.language, fallbackDate: input.newestDate });
  const feedOf = new Map(feeds.map((f) => [f.path, feedLink(f)]));
  const { itemOf, paperItemOf } = input.cite;
  const paperOf = (href: string) => {
    const entry = input.paperEntries.get(href) ?? null;
    return entry === null ? null : paperItemOf(href, entry);
  };
  const bib = (key: string, path: string, label: string, list: readonly EntryView[]): BibFileView =>
    pages.page(key, bibFileView, { path, label, entries: list, newsletter, siteUrl, itemOf, paperOf });
  const bibFiles: BibFileView[] = features.cite
    ? [
        bib('bib archive', routes.summariesBib, 'every summary', entries),
        ...categories.map((c) => bib(`bib ${c.slug}`, routes.categoryBib(c.slug), `every summary in ${c.label}`, c.entries)),
      ]
    : [];
  return {
    categories: categories.map((c) => ({
      ...c,
      feed: feedOf.get(routes.categoryFeed(c.slug)) ?? null,
      bib: features.cite ? { href: addressOf(routes.categoryBib(c.slug), siteUrl).href } : null,
      sparkline: features.stats ? sparkline(c.label, c.slug, c.entries, input.charts) : null,
    })),
    people: people.map((p) => ({ ...p, feed: feedOf.get(routes.personFeed(p.slug)) ?? null })),
    feeds,
    bibFiles,
    stats: features.stats
      ? [
          statsView({
            path: routes.stats,
            entries,
            cited: input.cited,
            summaryCount: new Set(entries.flatMap((e) => (e.summaryHref === null ? [] : [e.summaryHref]))).size,
            siteUrl,
            memo: input.charts,
          }),
        ]
      : [],
  };
}
