/**
 * The people pages (`/summarizers/<key>/`): the entries each person summarized and gave an
 * opinion on. A person is everyone named as a summarizer or an opinion's author, one page per
 * key (names.ts). Pure.
 */
import type { EntryView } from '../archive/entry.ts';
import { counted, countsLabel, ENGLISH } from '../text/format.ts';
import { type ListOwner, type ListPart, splitLists } from './list-pages.ts';
import { addressOf, type PageAddress, routes } from '../routes.ts';
import type { PersonIndex } from '../archive/page-lists.ts';

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
  /** `12 summaries · 3 opinions`, without a part that is zero. */
  countsLabel: string;
  /** Both lists in pages (list-pages.ts): the first is this page's, the others are pages of their own. */
  parts: ListPart[];
  /** What the lists' later pages say of this one. */
  list: ListOwner;
}

/** Gathered with the other page lists (archive/page-lists.ts). */
export type { PersonIndex };

export interface PersonPagesInput {
  index: PersonIndex;
  /** A person's name, by key: the spelling the archive settled on. */
  spelling: (key: string) => string;
  siteUrl: string;
}

/** One page per person, by name. */
export function personViews({ index, spelling, siteUrl }: PersonPagesInput): PersonView[] {
  const keys = new Set([...index.summarized.keys(), ...index.opined.keys()]);
  return [...keys]
    .map((key): PersonView => {
      const name = spelling(key);
      const mine = index.summarized.get(key) ?? [];
      const opinions = index.opined.get(key) ?? [];
      const address = addressOf(routes.person(key), siteUrl);
      const pageTitle = `${name}: summaries and opinions`;
      const counts = countsLabel([
        [mine.length, 'summary', 'summaries'],
        [opinions.length, 'opinion', 'opinions'],
      ]);
      return {
        ...address,
        slug: key,
        name,
        pageTitle,
        description: `${counted(mine.length, 'summary', 'summaries')} by ${name} and ${counted(opinions.length, 'opinion', 'opinions')}, in this archive.`,
        summarized: mine,
        opined: opinions,
        parts: splitLists(
          routes.person(key),
          [
            { id: 'summarized', heading: `Summaries by ${name}`, entries: mine },
            { id: 'opined', heading: `Opinions by ${name}`, entries: opinions },
          ],
          siteUrl,
        ),
        count: new Set([...mine, ...opinions]).size,
        countsLabel: counts,
        list: { kind: 'person', owner: { href: address.href, label: name, pageTitle }, countsLabel: counts },
      };
    })
    .sort((a, b) => ENGLISH.compare(a.name, b.name));
}
