/**
 * The summary pages (`/papers/<slug>/`): every appearance of one title, the one that summarizes it
 * first (`fullest`), with what its search result shows and how much its text weighs in
 * search. Pure.
 */
import { type CiteView, citeView } from './bib.ts';
import type { EntryView, LinkView, PaperInfoView } from '../archive/entry.ts';
import { pathLabel } from '../text/format.ts';
import { fullest } from '../archive/fullest.ts';
import type { Excerpt } from '../text/markdown.ts';
import type { RelatedItemView } from '../engines/related-pages.ts';
import { addressOf, type PageAddress, routes } from '../routes.ts';
import { normalizeWords, textWeight, titleMentions } from '../engines/search-rank.ts';

export interface PaperView extends PageAddress {
  slug: string;
  title: string;
  pageTitle: string;
  description: string;
  /** The paper: its link, authors, venue and year, each from the oldest appearance that has it. */
  paper: PaperInfoView;
  /** `arXiv · 2019`, `Alignment Forum`, `2018`; '' when neither is known. */
  venueYear: string;
  /** `Read the paper` with where it is (`arxiv.org`), or null: the page says it knows no link. */
  read: { href: string; host: string } | null;
  /** Who summarized it and who gave an opinion on it (a person may be both), each once, in order of appearance. */
  summarizedBy: LinkView[];
  opinionsBy: LinkView[];
  /** `Opinion by` or `Opinions by`. */
  opinionsLabel: string;
  /**
   * Every appearance of this title: the fullest summary first (the page's breadcrumb, kicker and
   * search result name its issue), then the others oldest first. An issue that only listed the
   * title before a later one summarized it (`WR #35` lists it, `WR #39` summarizes it) comes second.
   */
  appearances: EntryView[];
  categories: LinkView[];
  summarizers: LinkView[];
  years: string[];
  search: PaperSearchView;
  /** Below the summary: the most related other summaries ([] when none, or the feature is off). */
  related: RelatedItemView[];
  /** Below the summary: how to cite the paper and the summary; null when the feature is off. */
  cite: CiteView | null;
}

/**
 * What a search result shows of a summary, and how it sorts: the summary page prints these as
 * Pagefind metadata (`data-pagefind-meta`) and sort keys (`data-pagefind-sort`), and the search
 * page shows them as they are. All from the leading appearance (the fullest summary), which the page's header shows too.
 */
export interface PaperSearchView {
  /** Every author, one name each (`Geoffrey Irving, Paul Christiano, Dario Amodei`), '' when none: searched, and weighted. */
  authors: string;
  /** `Ada Shah, Flo Dorner`: everyone who summarized it, '' when no one is named. */
  people: string;
  /** Who gave an opinion on it and did not also summarize it, '' when no one else did. */
  opinions: string;
  /** `WR #5 · 2 May 2018`. */
  issue: string;
  /** `Technical AI alignment › Iterated amplification`, '' when none; a highlight without a topic has none (`highlight` says it). */
  category: string;
  highlight: boolean;
  /**
   * What the spreadsheet's columns have and search filters, sorts and exports by, beyond the
   * above: the venue (`arXiv`), the paper's year, the paper's link, who gave the hat tip, each ''
   * when unknown; whether anyone gave an opinion on it.
   */
  venue: string;
  year: string;
  link: string;
  hatTips: string;
  hasOpinion: boolean;
  /**
   * `highlight[data-highlight], venue[data-venue], published[data-year], has[data-has]`: its
   * filters beyond category, summarizer and year (`data-pagefind-filter`), '' when none.
   */
  filterAttribute: string;
  /** `title[data-title], published[data-year]`: the keys it sorts by beyond its issue (`data-pagefind-sort`). */
  sortAttribute: string;
  /** The title as it sorts (`titleSortKey`). */
  titleSort: string;
  /** Its leading issue's place in the archive's order (`000004`): sorts results newest or oldest first, undated issues in sequence. */
  sortOrder: string;
  /** How much its text counts in ranking (`data-pagefind-weight`, 1 to 10): see src/site/engines/search-rank.ts. */
  weight: number;
  /**
   * The page is a search record of its own (`data-pagefind-body`): it has facts a result shows
   * and filters select by beyond its issue and section (who summarized it or gave an opinion, its
   * authors, venue or year). A page with none (a digest's link with a line) is found as an item of
   * its issue's section instead (src/site/pages/search-records.ts).
   */
  indexed: boolean;
}

/** Everything a summary page shows: its page is made again only when one of these changed (see SiteReuse). */
export interface PaperPageInput {
  slug: string;
  title: string;
  /** Its appearances, newest first. */
  newestFirst: EntryView[];
  /** The labels of the highlight sections (`Highlights`): a place, not a topic. */
  sectionLabels: string[];
  /** How much its text weighs in search (`paperWeights`). */
  weight: number;
  siteUrl: string;
  excerpt: Excerpt;
  /** Its related summaries (related-pages.ts). */
  related: RelatedItemView[];
  /** The newsletter's name to cite the summaries with; null: no Cite block. */
  citeAs: string | null;
}

export function paperView({
  slug,
  title,
  newestFirst,
  sectionLabels,
  weight,
  siteUrl,
  excerpt,
  related,
  citeAs,
}: PaperPageInput): PaperView {
  const oldestFirst = [...newestFirst].reverse();
  const lead = fullest(newestFirst, (a) => a.words)!;
  const appearances = [lead, ...oldestFirst.filter((a) => a !== lead)];
  const unique = (links: LinkView[]): LinkView[] => [...new Map(links.map((l) => [l.href, l])).values()];
  const summarizers = unique(appearances.flatMap((a) => [...a.summarizers, ...a.opinions.map((o) => ({ label: o.by, href: o.byHref }))]));
  const topics = lead.categories.filter((c) => !sectionLabels.includes(c.label));
  const paper = paperInfo(oldestFirst);
  const summarizedBy = unique(appearances.flatMap((a) => a.summarizers));
  const opinionsBy = unique(appearances.flatMap((a) => a.opinions.map((o) => ({ label: o.by, href: o.byHref }))));
  return {
    venueYear: [paper.venue, paper.year].filter((part) => part !== null).join(' · '),
    read: paper.href === null ? null : { href: paper.href, host: hostOf(paper.href) },
    summarizedBy,
    opinionsBy,
    opinionsLabel: appearances.reduce((n, a) => n + a.opinions.length, 0) === 1 ? 'Opinion by' : 'Opinions by',
    ...addressOf(routes.paper(slug), siteUrl),
    slug,
    title,
    pageTitle: title,
    description: excerpt(lead.excerpt, 160) || `${title}: summarized in ${lead.issue.caption}.`,
    paper,
    appearances,
    categories: unique(appearances.flatMap((a) => a.categories)),
    summarizers,
    years: [...new Set(appearances.map((a) => a.year).filter((y): y is string => y !== null))],
    search: {
      authors: paper.authorsLabel,
      people: summarizedBy.map((s) => s.label).join(', '),
      opinions: opinionsBy
        .filter((o) => !summarizedBy.some((s) => s.href === o.href))
        .map((o) => o.label)
        .join(', '),
      issue: lead.issue.caption,
      category: pathLabel(topics.map((c) => c.label)),
      highlight: lead.highlight,
      venue: paper.venue ?? '',
      year: paper.year ?? '',
      link: paper.href ?? '',
      hatTips: [...new Set(appearances.flatMap((a) => a.hatTips))].join(', '),
      hasOpinion: opinionsBy.length > 0,
      // Every value from an attribute (`name[data-x]`): Pagefind reads a `name:value` pair to the end of the list.
      filterAttribute: [
        lead.highlight ? 'highlight[data-highlight]' : '',
        paper.venue !== null ? 'venue[data-venue]' : '',
        paper.year !== null ? 'published[data-year]' : '',
        opinionsBy.length > 0 ? 'has[data-has]' : '',
      ]
        .filter(Boolean)
        .join(', '),
      sortAttribute: ['title[data-title]', paper.year !== null ? 'published[data-year]' : ''].filter(Boolean).join(', '),
      titleSort: titleSortKey(title),
      sortOrder: lead.issue.order,
      weight,
      indexed: summarizedBy.length > 0 || opinionsBy.length > 0 || paper.venue !== null || paper.year !== null || paper.authors.length > 0,
    },
    related,
    // Only what is a summary is cited as one: a "see also" appearance of the title is not.
    cite:
      citeAs === null
        ? null
        : citeView(
            title,
            paper,
            appearances.filter((a) => a.isSummary),
            citeAs,
            slug,
          ),
  };
}

/** `“Deep” RL à la carte` -> `deep rl a la carte`: how titles sort (case, accents and punctuation aside). */
export function titleSortKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** `https://www.arxiv.org/abs/1` -> `arxiv.org`: where a link leads, shown beside it. */
export function hostOf(href: string): string {
  try {
    return new URL(href).hostname.replace(/^www\./, '');
  } catch {
    return href;
  }
}

/** One paper from its appearances (oldest first): each fact from the first appearance that has it. */
export function paperInfo(appearances: readonly EntryView[]): PaperInfoView {
  const find = <T>(pick: (p: PaperInfoView) => T | null): T | null => {
    for (const a of appearances) {
      const value = pick(a.paper);
      if (value !== null) return value;
    }
    return null;
  };
  const listed = appearances.find((a) => a.paper.authors.length > 0)?.paper;
  return {
    href: find((p) => p.href),
    venue: find((p) => p.venue),
    year: find((p) => p.year),
    authors: listed?.authors ?? [],
    etAl: listed?.etAl ?? false,
    authorsLabel: listed?.authorsLabel ?? '',
  };
}

/**
 * Each summary's search weight, by slug: how often other summaries mention its title
 * (`titleMentions` over every entry's words), and whether any appearance is a highlight.
 */
export function paperWeights(
  papers: ReadonlyMap<string, { title: string; appearances: EntryView[] }>,
  texts: readonly { title: string; text: string }[],
): Map<string, number> {
  const mentions = titleMentions(
    texts.map((t) => t.title),
    texts,
  );
  return new Map(
    [...papers].map(([slug, paper]) => [
      slug,
      textWeight(
        mentions.get(normalizeWords(paper.title)) ?? 0,
        paper.appearances.some((a) => a.highlight),
      ),
    ]),
  );
}
