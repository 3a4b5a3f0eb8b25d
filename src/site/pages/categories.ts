/**
 * The category pages (`/categories/<slug>/`): every entry filed under a heading or below it, the
 * heading's parent and children; and the tree the categories index shows. Categories come in
 * vocabulary order (categories.yml), then any other heading alphabetically. Pure.
 */
import type { EntryView, LinkView } from '../archive/entry.ts';
import { byLabel, counted } from '../text/format.ts';
import { type ListOwner, type ListPart, splitLists } from './list-pages.ts';
import { addressOf, type PageAddress, routes } from '../routes.ts';
import type { CategoryIndex } from '../archive/page-lists.ts';

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
  /** `1 summary`, `40 summaries`. */
  countLabel: string;
  highlight: boolean;
  /** The search page filtered to this category (a highlight section: to the highlights), to sort and export them. */
  searchHref: string;
  /** The entries in pages (list-pages.ts): the first is this page's, the others are pages of their own. */
  parts: ListPart[];
  /** What the list's later pages say of this one. */
  list: ListOwner;
}

/** Top-level categories, each with its children, for the categories index. */
export type CategoryTree = (LinkView & { slug: string; count: number; children: (LinkView & { count: number })[] })[];

/** Gathered with the other page lists (archive/page-lists.ts). */
export type { CategoryIndex };

export interface CategoryPagesInput {
  index: CategoryIndex;
  /** A category's label, by slug: the spelling the archive settled on. */
  spelling: (slug: string) => string;
  /** A category's link, by label. */
  link: (label: string) => LinkView;
  /** The vocabulary's order of categories, by slug. */
  order: ReadonlyMap<string, number>;
  /** Slugs of the highlight sections. */
  highlights: ReadonlySet<string>;
  /** The search page's address. */
  searchHref: string;
  siteUrl: string;
}

export function categoryViews({ index, spelling, link, order, highlights, searchHref, siteUrl }: CategoryPagesInput): CategoryView[] {
  const countOf = (slug: string): number => index.entries.get(slug)?.length ?? 0;
  const inOrder = (a: { slug: string; label: string }, b: { slug: string; label: string }): number =>
    (order.get(a.slug) ?? Infinity) - (order.get(b.slug) ?? Infinity) || byLabel(a, b);
  return [...index.entries.keys()]
    .map((slug): CategoryView => {
      const label = spelling(slug);
      const parentSlug = index.parent.get(slug);
      const entries = index.entries.get(slug)!;
      const address = addressOf(routes.category(slug), siteUrl);
      const pageTitle = `${label}: every summary in this category`;
      const countLabel = counted(entries.length, 'summary', 'summaries');
      return {
        ...address,
        slug,
        label,
        pageTitle,
        description: `${counted(entries.length, 'summary', 'summaries')} filed under ${label} in this archive.`,
        parent: parentSlug === undefined ? null : link(spelling(parentSlug)),
        children: [...(index.children.get(slug) ?? [])]
          .map((child) => ({ ...link(spelling(child)), count: countOf(child), slug: child }))
          .sort(inOrder)
          .map(({ href, label, count }) => ({ href, label, count })),
        entries,
        count: entries.length,
        countLabel,
        highlight: highlights.has(slug),
        searchHref: `${searchHref}?${highlights.has(slug) ? 'highlight=yes' : `category=${encodeURIComponent(label)}`}`,
        parts: splitLists(routes.category(slug), [{ id: 'summaries', heading: 'Summaries', entries }], siteUrl),
        list: { kind: 'category', owner: { href: address.href, label, pageTitle }, countsLabel: countLabel },
      };
    })
    .sort(inOrder);
}

/** The categories index: top-level categories with their children. */
export function categoryTree(categories: CategoryView[]): CategoryTree {
  return categories
    .filter((c) => c.parent === null)
    .map((c) => ({ href: c.href, label: c.label, slug: c.slug, count: c.count, children: c.children }));
}
