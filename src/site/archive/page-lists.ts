/**
 * What every page family lists, gathered in one pass over every entry with maps (no nested
 * scans): the appearances of each summary, the entries of each category, person and author, each
 * issue's entries, and every export record.
 */
import type { Issue } from '../../records/types.ts';
import type { EntryFacts, EntryView } from './entry.ts';
import type { SiteEntry } from './entry-facts.ts';
import type { EntryOutput } from './entry-outputs.ts';
import { push } from './multimap.ts';
import type { SummaryRecord } from './summary-record.ts';

/** What the archive files under each category, by slug. */
export interface CategoryIndex {
  /** Entries in each category or under it, newest issue first. */
  entries: ReadonlyMap<string, EntryView[]>;
  /** The sub-categories seen under each category. */
  children: ReadonlyMap<string, ReadonlySet<string>>;
  /** The first parent each category was seen under. */
  parent: ReadonlyMap<string, string>;
}

/** What the archive credits to each person, by key. */
export interface PersonIndex {
  summarized: ReadonlyMap<string, EntryView[]>;
  opined: ReadonlyMap<string, EntryView[]>;
}

/** What each page family lists, gathered in one pass over every entry, newest issue first. */
export interface Collections {
  /** Each summary page's title and appearances, by paper slug: titles with no summary have none. */
  papers: Map<string, { title: string; appearances: EntryView[] }>;
  categories: CategoryIndex;
  people: PersonIndex;
  /** The summaries of each author's papers, by author slug, newest issue first. */
  authors: Map<string, EntryView[]>;
  /** Each issue's entry views, by issue id, in reading order. */
  issueEntries: Map<string, EntryView[]>;
  records: SummaryRecord[];
  /** Every entry's words, for search ranking. */
  texts: EntryFacts['words'][];
}

/**
 * `highlightsSlug`: the highlight section's category, where every highlight is listed as well as
 * under its topic (a highlight's topic comes from a "Listed among the highlights." stub or the
 * database's Category; `paper.topic`).
 */
export function collections(
  issues: readonly Issue[],
  outputOf: (issue: Issue, entry: SiteEntry) => EntryOutput,
  highlightsSlug: string,
  pageOf: (slug: string) => string | null,
  /** An author's page slug from their name's (people.yml applied: `Names.authorSlugOf`). */
  authorSlugOf: (slug: string) => string = (slug) => slug,
): Collections {
  const papers = new Map<string, { title: string; appearances: EntryView[] }>();
  const categoryEntries = new Map<string, EntryView[]>();
  const categoryChildren = new Map<string, Set<string>>();
  const categoryParent = new Map<string, string>();
  const summarized = new Map<string, EntryView[]>();
  const opined = new Map<string, EntryView[]>();
  const authored = new Map<string, EntryView[]>();
  const issueEntries = new Map<string, EntryView[]>();
  const records: SummaryRecord[] = [];
  const texts: EntryFacts['words'][] = [];
  for (const issue of issues) {
    const views: EntryView[] = [];
    for (const entry of issue.entries) {
      const { view, record, facts, summarizerKeys, opinionKeys } = outputOf(issue, entry);
      views.push(view);
      if (pageOf(facts.paperSlug) === facts.paperSlug) {
        const paper = papers.get(facts.paperSlug);
        if (paper) paper.appearances.push(view);
        else papers.set(facts.paperSlug, { title: entry.title, appearances: [view] });
      }
      if (facts.paper.highlight) push(categoryEntries, highlightsSlug, view);
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
      for (const key of summarizerKeys) push(summarized, key, view);
      for (const key of opinionKeys) push(opined, key, view);
      for (const author of facts.paper.authors) push(authored, authorSlugOf(author.slug), view);
      records.push(record);
      texts.push(facts.words);
    }
    issueEntries.set(issue.id, views);
  }
  return {
    papers,
    categories: { entries: categoryEntries, children: categoryChildren, parent: categoryParent },
    people: { summarized, opined },
    authors: authored,
    issueEntries,
    records,
    texts,
  };
}
