/**
 * The author pages (`/authors/<slug>/`): every summary of a paper an author wrote, and the authors
 * index (`/authors/`), every author by family name with how many summaries. Authors come from each
 * summary's paper (`paper.authors`: the text's names, completed from the newsletter's database),
 * split and keyed once (src/merge/author-names.ts), so `Seth D. Baum` and `Seth Baum` are one
 * page; teams and organisations are authors too. Pure.
 */
import type { EntryView, LinkView } from './entry.ts';
import { counted } from './format.ts';
import { addressOf, type PageAddress, routes } from './routes.ts';

export interface AuthorView extends PageAddress {
  slug: string;
  name: string;
  pageTitle: string;
  description: string;
  /** `3 summaries`. */
  countLabel: string;
  /** Summaries of papers this author wrote, newest issue first. */
  entries: EntryView[];
  /** Their page as a summarizer, when the archive has one under the same name. */
  summarizer: LinkView | null;
}

/** The authors index: one group per initial of the family name, A to Z, then the rest. */
export interface AuthorIndexView {
  /** `2,431 authors of 1,812 summaries`. */
  lede: string;
  groups: { letter: string; id: string; authors: (LinkView & { count: number })[] }[];
}

export interface AuthorPagesInput {
  /** The summaries of each author's papers, by author slug, newest issue first. */
  index: ReadonlyMap<string, EntryView[]>;
  /** An author's name by slug (the spelling the archive settled on), and the family name to sort by. */
  spelling: (slug: string) => string;
  surname: (slug: string) => string;
  /** A summarizer's page by slug, when there is one: an author who also summarized links to it. */
  summarizer: (slug: string) => LinkView | null;
  siteUrl: string;
}

/**
 * Family names compared as English readers file them: case and accents aside. One collator for
 * every comparison (`localeCompare` with options makes a new one per call, a tenth of a rebuild).
 */
const BY_NAME = new Intl.Collator('en', { sensitivity: 'base' });

/** One page per author, in index order (family name, then name). */
export function authorViews({ index, spelling, surname, summarizer, siteUrl }: AuthorPagesInput): AuthorView[] {
  return [...index]
    .map(([slug, entries]): AuthorView & { sortKey: string } => {
      const name = spelling(slug);
      const countLabel = counted(entries.length, 'summary', 'summaries');
      return {
        ...addressOf(routes.author(slug), siteUrl),
        slug,
        name,
        pageTitle: `${name}: papers summarized in the newsletter`,
        description: `${countLabel} of papers by ${name} in this archive.`,
        countLabel,
        entries,
        summarizer: summarizer(slug),
        sortKey: `${surname(slug)}\u0000${name}`,
      };
    })
    .sort((a, b) => BY_NAME.compare(a.sortKey, b.sortKey))
    .map(({ sortKey: _sortKey, ...view }) => view);
}

/** The letter an author is filed under: the family name's first letter without accents, `#` for anything else. */
function initialOf(surname: string): string {
  const letter = surname.normalize('NFKD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(letter) ? letter : '#';
}

export function authorIndex(authors: readonly AuthorView[], surname: (slug: string) => string, summaries: number): AuthorIndexView {
  const groups = new Map<string, AuthorIndexView['groups'][number]>();
  for (const author of authors) {
    const letter = initialOf(surname(author.slug));
    const group = groups.get(letter) ?? { letter, id: letter === '#' ? 'other' : letter.toLowerCase(), authors: [] };
    group.authors.push({ href: author.href, label: author.name, count: author.entries.length });
    groups.set(letter, group);
  }
  return {
    lede: `${counted(authors.length, 'author', 'authors')} of ${counted(summaries, 'summary', 'summaries')}, by family name, with how many summaries each.`,
    groups: [...groups.values()].sort((a, b) => (a.letter === '#' ? 1 : b.letter === '#' ? -1 : a.letter.localeCompare(b.letter))),
  };
}
