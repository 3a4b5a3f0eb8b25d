/**
 * Long lists split into pages: a category's, a person's or an author's summaries, newest first,
 * at most `LIST_PAGE_SIZE` rows a page, so no page grows past what a phone opens (the editor's
 * 1,800 summaries were 1.1 MB of HTML on one page). The first page is at the list's own address
 * (`categories/<slug>/`), the others under it (`categories/<slug>/page/2/`), each linking every
 * other page, so every summary is reachable without JavaScript. Pure.
 *
 * A person's page has two lists (summaries, then opinions): they are paged as one sequence, each
 * page showing the part of each list it holds under that list's heading, with where it is in the
 * list (`201–300 of 1,812`).
 */
import type { EntryView, LinkView } from '../archive/entry.ts';
import { addressOf, type PageAddress, routes } from '../routes.ts';

/** Rows a page shows at most: ~70 KB of HTML at the archive's usual row, far under the 300 KB a page may weigh. */
export const LIST_PAGE_SIZE = 100;

/** One list as given: an id for its heading's anchor, the heading, every entry in order. */
export interface ListInput {
  id: string;
  heading: string;
  entries: readonly EntryView[];
}

/** The part of one list a page shows. */
export interface ListSection {
  id: string;
  heading: string;
  entries: EntryView[];
  /** `1–100 of 1,812`, or '' when the page shows the whole list. */
  rangeLabel: string;
}

export interface PagerLink {
  href: string;
  number: number;
  /** `WR #173 – WR #165`: the issues of the page's first and last row. */
  range: string;
  current: boolean;
}

/** The links between a list's pages; null when the list fits on one. */
export interface ListPager {
  /** `Page 2 of 19`. */
  label: string;
  pages: PagerLink[];
  prev: PagerLink | null;
  next: PagerLink | null;
}

export interface ListPart {
  /** 1-based. */
  number: number;
  address: PageAddress;
  sections: ListSection[];
  pager: ListPager | null;
}

/** Where page `n` (1-based) of the list at `base` lives: the list's own address for the first. */
export function listPagePath(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** `WR #173 – WR #165`, or one label when the page's rows are of one issue. */
function rangeOf(rows: readonly EntryView[]): string {
  const first = rows[0]?.issue.numberLabel ?? '';
  const last = rows[rows.length - 1]?.issue.numberLabel ?? '';
  return first === last ? first : `${first} – ${last}`;
}

/** The lists at `base` in pages of at most `size` rows, the lists one after the other. */
export function splitLists(base: string, lists: readonly ListInput[], siteUrl: string, size = LIST_PAGE_SIZE): ListPart[] {
  const rows = lists.flatMap((list, which) => list.entries.map((entry, at) => ({ which, at, entry })));
  const count = Math.max(1, Math.ceil(rows.length / size));
  const chunks = Array.from({ length: count }, (_, i) => rows.slice(i * size, (i + 1) * size));
  const links: PagerLink[] = chunks.map((chunk, i) => ({
    href: addressOf(listPagePath(base, i + 1), siteUrl).href,
    number: i + 1,
    range: rangeOf(chunk.map((r) => r.entry)),
    current: false,
  }));
  return chunks.map((chunk, i): ListPart => {
    const sections = lists.flatMap((list, which): ListSection[] => {
      const mine = chunk.filter((r) => r.which === which);
      if (mine.length === 0) return [];
      const from = mine[0]!.at + 1;
      const to = mine[mine.length - 1]!.at + 1;
      return [
        {
          id: list.id,
          heading: list.heading,
          entries: mine.map((r) => r.entry),
          rangeLabel:
            count === 1 ? '' : `${from.toLocaleString('en')}–${to.toLocaleString('en')} of ${list.entries.length.toLocaleString('en')}`,
        },
      ];
    });
    const pages = links.map((link) => ({ ...link, current: link.number === i + 1 }));
    return {
      number: i + 1,
      address: addressOf(listPagePath(base, i + 1), siteUrl),
      sections,
      pager: count === 1 ? null : { label: `Page ${i + 1} of ${count}`, pages, prev: pages[i - 1] ?? null, next: pages[i + 1] ?? null },
    };
  });
}

/** A page of a long list after its first: the list's owner, and its part. */
export interface ListPageView extends PageAddress {
  kind: 'category' | 'person' | 'author';
  pageTitle: string;
  description: string;
  /** The owner's name and first page: `Ada Quill`, `/summarizers/ada-quill/`. */
  owner: LinkView;
  /** The index it belongs to: `Categories`, `Summarizers`, `Authors`. */
  index: LinkView;
  /** `1,812 summaries · 980 opinions`. */
  countsLabel: string;
  part: ListPart;
}

/** The index pages the three kinds of list belong to. */
const INDEXES: Record<ListPageView['kind'], { label: string; path: string }> = {
  category: { label: 'Categories', path: routes.categories },
  person: { label: 'Summarizers', path: routes.summarizers },
  author: { label: 'Authors', path: routes.authors },
};

/** What a list's later pages say of the page whose list they continue: a category's, a person's, an author's alike. */
export interface ListOwner {
  kind: ListPageView['kind'];
  owner: LinkView & { pageTitle: string };
  /** `1,812 summaries · 980 opinions`. */
  countsLabel: string;
}

export interface ListPagesInput extends ListOwner {
  parts: readonly ListPart[];
  siteUrl: string;
}

/** The pages after the first of one owner's lists. */
export function listPageViews({ kind, owner, countsLabel, parts, siteUrl }: ListPagesInput): ListPageView[] {
  const index = INDEXES[kind];
  return parts.slice(1).map((part) => ({
    ...part.address,
    kind,
    pageTitle: `${owner.pageTitle} (page ${part.number} of ${parts.length})`,
    description: `${owner.label}: ${countsLabel}, page ${part.number} of ${parts.length}, ${part.pager?.pages[part.number - 1]?.range ?? ''}.`,
    owner: { href: owner.href, label: owner.label },
    index: { href: addressOf(index.path, siteUrl).href, label: index.label },
    countsLabel,
    part,
  }));
}
