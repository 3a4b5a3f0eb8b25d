/**
 * One summary's paper: what its text says, completed from its database row where the text has
 * nothing, and where the two disagree (the text wins). Pure; used by `mergeDatabase`.
 */
import { categoryPath, foldHeading, type Vocabulary } from '../records/categories.ts';
import type { Entry, Issue } from '../records/types.ts';
import { sameAuthor, splitAuthors, type AuthorName } from './author-names.ts';
import { httpUrl, type DatabaseRow } from './database.ts';
import type { Conflict, ConflictField } from './reconciliation.ts';
import type { MatchKind } from './title-match.ts';

/** What the archive knows about the paper a summary is of. */
export interface Paper {
  /** An http(s) link to the paper: the title's link in the text, else the database row's URL. */
  readonly url: string | null;
  readonly urlFrom: 'text' | 'database' | null;
  /** From the database (`arXiv`, `Alignment Forum`). */
  readonly venue: string | null;
  /** From the database. */
  readonly year: number | null;
  /** The text's names, completed from the database row's list when the text's are all in it. */
  readonly authors: readonly AuthorName[];
  /** The list names only some of the authors (`et al`). */
  readonly etAl: boolean;
  /** `both`: the text's names completed from the database. */
  readonly authorsFrom: 'text' | 'database' | 'both' | null;
  /** Heading path of the summary's topic (never Highlights): the text's, else the row's; [] when unknown. */
  readonly topic: readonly string[];
  /** Stood under Highlights; from the row only for a summary under no heading at all. */
  readonly highlight: boolean;
  /** The database row it was matched to: its line and how the titles matched; null when none. */
  readonly row: { readonly line: number; readonly match: MatchKind } | null;
}

/** An entry as parsed, with its paper. Still an `Entry`: every field is the parser's, unchanged. */
export type MergedEntry = Entry & { readonly paper: Paper };

/** An issue whose entries are merged. Still an `Issue`. */
export type MergedIssue = Omit<Issue, 'entries'> & { entries: MergedEntry[] };

/** The row an entry matched, and how the titles matched. */
export interface RowMatch {
  readonly row: DatabaseRow;
  readonly kind: MatchKind;
}

/** A conflict of one entry, before the report adds its issue's file. */
export type EntryConflict = Omit<Conflict, 'file'>;

/**
 * URLs compared for "is this the same page": scheme, `www.`, a trailing slash, the fragment and an
 * arXiv paper's form (`/pdf/1234.5678v2.pdf` and `/abs/1234.5678`) do not count.
 */
export function sameUrl(a: string, b: string): boolean {
  return urlKey(a) === urlKey(b);
}

/** A URL as `sameUrl` compares it: `arxiv:1234.5678`, `example.org/post`. */
export function urlKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.trim();
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const arxiv = /^(?:export\.)?arxiv\.org$/.test(host) ? /^\/(?:abs|pdf)\/(.+?)(?:v\d+)?(?:\.pdf)?\/?$/.exec(u.pathname) : null;
  if (arxiv) return `arxiv:${arxiv[1]}`;
  return `${host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
}

/** The label is a highlight section (`Highlights`): the vocabulary says so, or without one, it reads `Highlights`. */
function isHighlightSection(label: string | undefined, vocabulary: Vocabulary | undefined): boolean {
  if (label === undefined) return false;
  const found = vocabulary?.lookup(label);
  return found ? found.highlight : foldHeading(label) === foldHeading('Highlights');
}

/** The paper a summary's text alone describes (no database row): what the site shows without a database. */
export function textPaper(entry: Entry, vocabulary?: Vocabulary): Paper {
  return paperOf(entry, undefined, vocabulary).value.paper;
}

/** The heading path a row's Category names (never the Highlights section itself); [] when empty. */
function rowTopic(row: DatabaseRow, vocabulary: Vocabulary | undefined): string[] {
  if (row.category === '') return [];
  const found = vocabulary?.lookup(row.category);
  if (found) return found.highlight ? [] : categoryPath(found);
  return [row.category];
}

/** The text's names completed from the row's: the row's order, the text's spelling for the names the text has. */
function mergeAuthors(
  entry: Entry,
  row: DatabaseRow | null,
): { authors: AuthorName[]; etAl: boolean; from: Paper['authorsFrom']; conflict: boolean } {
  const text = splitAuthors(entry.authors);
  const fromRow = row ? splitAuthors(row.authors) : { names: [], etAl: false };
  if (fromRow.names.length === 0)
    return { authors: [...text.names], etAl: text.etAl, from: text.names.length > 0 ? 'text' : null, conflict: false };
  if (text.names.length === 0) return { authors: [...fromRow.names], etAl: fromRow.etAl, from: 'database', conflict: false };
  const partner = text.names.map((name) => fromRow.names.find((other) => sameAuthor(name, other)));
  if (partner.some((p) => p === undefined)) return { authors: [...text.names], etAl: text.etAl, from: 'text', conflict: true };
  if (fromRow.names.length === text.names.length) return { authors: [...text.names], etAl: text.etAl, from: 'text', conflict: false };
  const authors = fromRow.names.map((other) => text.names[partner.indexOf(other)] ?? other);
  return { authors, etAl: fromRow.etAl, from: 'both', conflict: false };
}

/** The entry with its paper (frozen), and the conflicts between its text and its row. */
export function paperOf(
  entry: Entry,
  match: RowMatch | undefined,
  vocabulary: Vocabulary | undefined,
): { value: MergedEntry; conflicts: EntryConflict[] } {
  const row = match?.row ?? null;
  const textUrl = httpUrl(entry.url);
  const url = textUrl ?? row?.url ?? null;
  const authors = mergeAuthors(entry, row);
  // A highlight stands under Highlights, a place rather than a topic, unless a highlight stub gave it its topic's heading path (the parser files it there).
  const textTopic = entry.highlight && isHighlightSection(entry.category[0], vocabulary) ? [] : entry.category;
  const fromRow = row ? rowTopic(row, vocabulary) : [];
  const underNoHeading = entry.category.length === 0;
  const paper: Paper = Object.freeze({
    url,
    urlFrom: textUrl !== null ? 'text' : url !== null ? 'database' : null,
    venue: row?.venue ?? null,
    year: row?.year ?? null,
    authors: Object.freeze(authors.authors),
    etAl: authors.etAl,
    authorsFrom: authors.from,
    topic: Object.freeze(textTopic.length > 0 ? [...textTopic] : fromRow),
    highlight: entry.highlight || (underNoHeading && row?.highlight === true),
    row: match ? Object.freeze({ line: match.row.line, match: match.kind }) : null,
  } satisfies Paper);
  const conflicts: EntryConflict[] = [];
  if (row && match) {
    const add = (field: ConflictField, text: string, database: string): void => {
      conflicts.push({ line: entry.line, title: entry.title, field, text, database, row: row.line });
    };
    if (match.kind === 'close' || match.kind === 'contained') add('title', entry.title, row.title);
    if (authors.conflict) add('authors', entry.authors ?? '', row.authors);
    if (
      textTopic.length > 0 &&
      fromRow.length > 0 &&
      foldHeading(textTopic[textTopic.length - 1]!) !== foldHeading(fromRow[fromRow.length - 1]!)
    ) {
      add('category', textTopic.join(' > '), fromRow.join(' > '));
    }
    if (!underNoHeading && entry.highlight !== row.highlight)
      add('highlight', entry.highlight ? 'highlight' : 'not a highlight', row.highlight ? 'highlight' : 'not a highlight');
    if (textUrl !== null && row.url !== null && !sameUrl(textUrl, row.url)) add('url', textUrl, row.url);
  }
  return { value: Object.freeze({ ...entry, paper }), conflicts };
}
