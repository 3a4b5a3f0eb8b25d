/**
 * The author pages (`/authors/<slug>/`): every summary of a paper an author wrote, and the authors
 * index (`/authors/`), every author by family name with how many summaries. Authors come from each
 * summary's paper (`paper.authors`: the text's names, completed from the newsletter's database),
 * split and keyed once (src/merge/author-names.ts), so `Seth D. Baum` and `Seth Baum` are one
 * page; teams and organisations are authors too. Pure.
 */
import type { EntryView, LinkView } from '../archive/entry.ts';
import { counted } from '../text/format.ts';
import { type ListOwner, type ListPart, splitLists } from './list-pages.ts';
import { addressOf, type PageAddress, routes } from '../routes.ts';

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
  /** The entries in pages (list-pages.ts): the first is this page's, the others are pages of their own. */
  parts: ListPart[];
  /** What the list's later pages say of this one. */
  list: ListOwner;
}

/** One initial's authors on the index. */
export interface AuthorGroup {
  letter: string;
  id: string;
  /** Where the letter's authors are listed: `#a` on the index, or their own page (`/authors/letter/a/`) when the index is split. */
  href: string;
  /** `312 authors`. */
  countLabel: string;
  authors: (LinkView & { count: number })[];
}

/** The authors index: one group per initial of the family name, A to Z, then the rest. */
export interface AuthorIndexView {
  /** `2,431 authors of 1,812 summaries`. */
  lede: string;
  /** The groups listed on the index itself: all of them, or none when each letter has its own page. */
  groups: AuthorGroup[];
  /** Every letter, for the letter links. */
  letters: AuthorGroup[];
}

/** A letter's authors on a page of their own, when the index is split. */
export interface AuthorLetterView extends PageAddress {
  pageTitle: string;
  description: string;
  group: AuthorGroup;
  letters: AuthorGroup[];
}

/**
 * How many authors the index lists on one page (~90 bytes of HTML each: ~135 KB); past that each
 * letter gets a page of its own, so the index stays far under the 300 KB a page may weigh.
 */
export const AUTHORS_ON_ONE_PAGE = 1_500;

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
      const address = addressOf(routes.author(slug), siteUrl);
      const pageTitle = `${name}: papers summarized in the newsletter`;
      return {
        ...address,
        slug,
        name,
        pageTitle,
        description: `${countLabel} of papers by ${name} in this archive.`,
        countLabel,
        entries,
        summarizer: summarizer(slug),
        parts: splitLists(routes.author(slug), [{ id: 'summaries', heading: 'Summaries', entries }], siteUrl),
        list: { kind: 'author', owner: { href: address.href, label: name, pageTitle }, countsLabel: countLabel },
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

export function authorIndex(
  authors: readonly AuthorView[],
  surname: (slug: string) => string,
  summaries: number,
  siteUrl = '',
  onOnePage = AUTHORS_ON_ONE_PAGE,
): AuthorIndexView & { letterPages: AuthorLetterView[] } {
  const split = authors.length > onOnePage;
  const groups = new Map<string, AuthorGroup>();
  for (const author of authors) {
    const letter = initialOf(surname(author.slug));
    let group = groups.get(letter);
    if (group === undefined) {
      const id = letter === '#' ? 'other' : letter.toLowerCase();
      group = { letter, id, href: split ? addressOf(routes.authorLetter(id), siteUrl).href : `#${id}`, countLabel: '', authors: [] };
      groups.set(letter, group);
    }
    group.authors.push({ href: author.href, label: author.name, count: author.entries.length });
  }
  const letters = [...groups.values()]
    .sort((a, b) => (a.letter === '#' ? 1 : b.letter === '#' ? -1 : a.letter.localeCompare(b.letter)))
    .map((g) => ({ ...g, countLabel: counted(g.authors.length, 'author', 'authors') }));
  const lede = `${counted(authors.length, 'author', 'authors')} of ${counted(summaries, 'summary', 'summaries')}, by family name, with how many summaries each.`;
  return {
    lede: split ? `${lede} Each letter is a page of its own.` : lede,
    groups: split ? [] : letters,
    letters,
    letterPages: split
      ? letters.map((group) => ({
          ...addressOf(routes.authorLetter(group.id), siteUrl),
          pageTitle: `Authors: ${group.letter === '#' ? 'other family names' : group.letter}`,
          description: `${group.countLabel} whose family name begins with ${group.letter === '#' ? 'another character' : group.letter}, with how many summaries each.`,
          group,
          letters,
        }))
      : [],
  };
}
