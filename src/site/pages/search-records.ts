/**
 * The search records besides the summary pages: how an item found on no summary page of its own
 * is found by search. A summary page is one search record (its page, `data-pagefind-body`) when it
 * has facts of its own a search can show and filter by (`PaperSearchView.indexed`). Every other
 * item is found on its issue page:
 *
 * - an item with facts of its own (authors, a venue, a year: a bare link the database describes)
 *   is a record of its own, leading to its anchor;
 * - the other items of one section of an issue (a digest's links with a line or a quote, bare
 *   titles) share one record, each item a sub-result leading to its anchor: they have no fact a
 *   filter could tell apart, and one record per item would make the index every search loads
 *   grow by about 8 bytes per item (Pagefind's page list), so that a 50,000-item digest would cost
 *   a reader 400 KB before the first result.
 *
 * A section's record holds its items with a line or a quote and its bare titles alike (a record of
 * items: one record less per section, so the page list every search loads stays short).
 *
 * An item whose paper has an indexed summary page (the same title, or the same link) has no record:
 * search finds that page, which lists the item among its appearances. By relevance, search shows
 * summaries first, then records of items, then records of bare titles: it tells them apart by the
 * filter `kind` (`KIND_FILTER`), which only the records of the kinds `searchKinds` tags carry, the
 * rest being told by elimination (`SearchKindsView`). Pure.
 */
import type { EntryView } from '../archive/entry.ts';
import type { IssueView } from './issues.ts';
import { titleSortKey } from './papers.ts';

/** One item of a record: a sub-result (its title a heading with its anchor), or the whole of an item's own record. */
export interface SearchItemView {
  anchor: string;
  title: string;
  /** The item's text as its issue page shows it (sanitized HTML), '' for a bare item. */
  html: string;
  isSummary: boolean;
}

/** A search record that is not a page (Pagefind's `addHTMLFile`): what src/io/pagefind.ts indexes. */
export interface SearchRecordView {
  /** Where the result leads, root-relative (`/issues/wr-035/#robust-program-equilibrium`): an item's anchor, or the first item's of a section. */
  url: string;
  /** `one`: an item with facts of its own; `section`: the items of an issue's section, each a sub-result. */
  kind: 'one' | 'section';
  /** What it holds: `items` when some item has a line or a quote, `titles` when every item is a bare title. */
  holds: RecordKind;
  /** Pagefind metadata, as a summary page's (`title`, `issue`, `category`, `authors`, `venue`, `year`, `link`), `record` (one or section) and `kind` (what it holds). */
  meta: Record<string, string>;
  /** Pagefind filters, as a summary page's: `year`, `category`, `highlight`, `venue`, `published`; and `kind` when its kind is tagged (`SearchKindsView`). */
  filters: Record<string, string[]>;
  /** Pagefind sort keys, as a summary page's: `issue`, `title` (a section's: its first item's), `published`. */
  sort: Record<string, string>;
  items: SearchItemView[];
}

/**
 * The filter every record here carries (`kind`), and its values: `items` for items with text of
 * their own (a line, a quote), `titles` for bare items. Search shows summaries first, then items,
 * then titles.
 */
export const KIND_FILTER = { name: 'kind', items: 'items', titles: 'titles' } as const;

/** What a record holds (`SearchRecordView.holds`). */
export type RecordKind = typeof KIND_FILTER.items | typeof KIND_FILTER.titles;

/**
 * How search tells summaries, items and bare titles apart: the kinds whose records carry the
 * `kind` filter (`tagged`, in the order search shows them), and the kind of every result that
 * carries none (`rest`). A search with a filter loads that filter's whole list of pages (about
 * 2 bytes a record), so the largest kind goes untagged: the summary pages when there are any (they
 * carry no filter of this kind), otherwise the larger of items and titles; with one kind, none is tagged.
 */
export interface SearchKindsView {
  tagged: RecordKind[];
  rest: 'summaries' | RecordKind;
}

/** The tagging of `SearchKindsView` for an index of `summaries` summary pages and these records. */
export function searchKinds(summaries: number, records: readonly { holds: RecordKind }[]): SearchKindsView {
  const items = records.filter((r) => r.holds === KIND_FILTER.items).length;
  const titles = records.length - items;
  const present: RecordKind[] = [];
  if (items > 0) present.push(KIND_FILTER.items);
  if (titles > 0) present.push(KIND_FILTER.titles);
  if (summaries > 0) return { tagged: present, rest: 'summaries' };
  const rest = titles > items ? KIND_FILTER.titles : KIND_FILTER.items;
  return { tagged: present.filter((k) => k !== rest), rest };
}

/** The item has facts of its own a result shows and a filter selects by, beyond its issue and section. */
export function hasOwnFacts(view: EntryView): boolean {
  return (
    view.summarizers.length > 0 ||
    view.opinions.length > 0 ||
    view.paper.venue !== null ||
    view.paper.year !== null ||
    view.paper.authors.length > 0
  );
}

/**
 * The search records of every item that no indexed summary page stands for, issue by issue in the
 * order given, and how search tells their kinds apart (`indexedPages`: the summary pages in the index).
 */
export function searchRecords(
  issues: readonly IssueView[],
  indexedPages: ReadonlySet<string>,
): { records: SearchRecordView[]; kinds: SearchKindsView } {
  const out: SearchRecordView[] = [];
  for (const issue of issues) {
    const sections = new Map<string, SearchRecordView>();
    let section = '';
    for (const block of issue.blocks) {
      if (block.kind === 'heading') {
        section = block.id;
        continue;
      }
      const view = block.entry;
      // Found through a summary page (it lists this appearance too).
      if (view.summaryHref !== null && (indexedPages.has(view.summaryHref) || !view.isSummary)) continue;
      const item: SearchItemView = { anchor: view.anchor, title: view.title, html: view.summaryHtml, isSummary: view.isSummary };
      const filters = filtersOf(issue, view);
      if (hasOwnFacts(view)) {
        const sort: Record<string, string> = { issue: issue.order, title: titleSortKey(view.title) };
        if (view.paper.year !== null) sort.published = view.paper.year;
        out.push({
          url: view.entryHref,
          kind: 'one',
          holds: holdsOf(view),
          meta: { ...metaOf(issue, view, view.title), record: 'one' },
          filters,
          sort,
          items: [item],
        });
        continue;
      }
      // One record per section and set of filter values: a filter selects every item of a record or none.
      const key = `${section}\n${JSON.stringify(filters)}`;
      const record = sections.get(key);
      if (record) {
        record.items.push(item);
        if (view.isSummary) record.holds = KIND_FILTER.items;
      } else {
        const label = view.categoryLabel || (view.highlight ? 'Highlights' : '');
        const fresh: SearchRecordView = {
          url: view.entryHref,
          kind: 'section',
          holds: holdsOf(view),
          meta: {
            title: label ? `${issue.numberLabel} · ${label}` : issue.numberLabel,
            issue: issue.caption,
            ...(label ? { category: label } : {}),
            record: 'section',
          },
          filters,
          sort: { issue: issue.order, title: titleSortKey(view.title) },
          items: [item],
        };
        sections.set(key, fresh);
        out.push(fresh);
      }
    }
  }
  const kinds = searchKinds(indexedPages.size, out);
  const tagged = new Set<RecordKind>(kinds.tagged);
  // Every record says what it holds (its badge); only the tagged kinds' records carry the filter.
  const records = out.map((record) => ({
    ...record,
    meta: { ...record.meta, [KIND_FILTER.name]: record.holds },
    filters: tagged.has(record.holds) ? { ...record.filters, [KIND_FILTER.name]: [record.holds] } : record.filters,
  }));
  return { records, kinds };
}

const holdsOf = (view: EntryView): RecordKind => (view.isSummary ? KIND_FILTER.items : KIND_FILTER.titles);

function filtersOf(issue: IssueView, view: EntryView): Record<string, string[]> {
  const filters: Record<string, string[]> = { year: [issue.year ?? 'unknown'] };
  if (view.categories.length > 0) filters.category = view.categories.map((c) => c.label);
  if (view.highlight) filters.highlight = ['yes'];
  if (view.paper.venue !== null) filters.venue = [view.paper.venue];
  if (view.paper.year !== null) filters.published = [view.paper.year];
  return filters;
}

function metaOf(issue: IssueView, view: EntryView, title: string): Record<string, string> {
  const meta: Record<string, string> = { title, issue: issue.caption };
  if (view.categoryLabel) meta.category = view.categoryLabel;
  if (view.paper.authorsLabel) meta.authors = view.paper.authorsLabel;
  if (view.paper.venue !== null) meta.venue = view.paper.venue;
  if (view.paper.year !== null) meta.year = view.paper.year;
  if (view.paper.href !== null) meta.link = view.paper.href;
  return meta;
}
