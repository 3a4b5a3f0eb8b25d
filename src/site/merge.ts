/**
 * The newsletter's database merged into the parsed archive: each summary gets the facts about its
 * paper that its text lacks, and a reconciliation report says where text and database part. Pure;
 * runs after parsing (the parser's records say only what the text says) and never changes them.
 *
 * Matching: rows and summaries of the same issue number, by title (`src/site/title-match.ts`).
 * Filled from the matched row, only where the text has nothing: the paper's URL, venue and year,
 * the full author list (when the text's names are all in the row's: `A et al` -> `A, B, C`), and
 * the topic of a highlight (the text files it under Highlights only) or of a summary under no
 * heading. The text wins wherever both have a value; the disagreements worth a look are reported:
 * title (matched by a close or contained title, not an equal one), authors, summarizers,
 * category, highlight and URL. Venue and year have no text to disagree with.
 *
 * Fast rebuilds: with the same `MergeMemo`, an entry object merged with the same row (and the same
 * vocabulary) gives the same merged object as last time, so caches keyed by entry keep working.
 */
import { categoryPath, foldHeading, type Vocabulary } from '../categories.ts';
import type { Entry, Issue } from '../types.ts';
import { foldName, sameAuthor, splitAuthors, type AuthorName } from './author-names.ts';
import { httpUrl, summarizersOf, type Database, type DatabaseRow } from './database.ts';
import type { People } from './people.ts';
import { matchTitles, type MatchKind } from './title-match.ts';

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

export type ConflictField = 'title' | 'authors' | 'summarizers' | 'category' | 'highlight' | 'url';

/** Text and database disagree; the text's value is kept. */
export interface Conflict {
  /** The issue's file and the entry's header line. */
  readonly file: string;
  readonly line: number;
  readonly title: string;
  readonly field: ConflictField;
  /** The value as the text has it, and as the database row has it. */
  readonly text: string;
  readonly database: string;
  /** Line of the row in the database file. */
  readonly row: number;
}

export interface UnmatchedRow {
  /** The database file and the row's line. */
  readonly file: string;
  readonly line: number;
  readonly issue: number;
  readonly title: string;
  /** The issue's file that has no summary with a matching title. */
  readonly issueFile: string;
}

export interface UnmatchedEntry {
  readonly file: string;
  readonly line: number;
  readonly issue: number | null;
  readonly title: string;
  /** `no-number`: the issue's number is unknown; `no-rows`: the database has no rows for the issue; `no-title`: none of its rows has a matching title. */
  readonly reason: 'no-number' | 'no-rows' | 'no-title';
}

export interface Reconciliation {
  /** The database file, or null when the archive has none (then every list is empty). */
  readonly file: string | null;
  readonly counts: {
    /** Rows read from the database. */
    readonly rows: number;
    /** Rows whose issue is in the archive, of another issue, or of no AN issue (`Recon #5`, empty). */
    readonly rowsOfArchiveIssues: number;
    readonly rowsOfOtherIssues: number;
    readonly rowsWithoutIssue: number;
    /** Rows of archive issues matched to an entry that links to its paper: the share of summaries with a row that get their paper. */
    readonly rowsLinked: number;
    readonly entries: number;
    /** Entries matched to a row, and of those, by an exact title key. */
    readonly matched: number;
    readonly matchedExactly: number;
    /** Matched entries that link to their paper. */
    readonly matchedWithUrl: number;
    readonly unmatchedRows: number;
    readonly unmatchedEntries: number;
    readonly conflicts: number;
    /** Every entry's paper link, by where it comes from. */
    readonly urlFromText: number;
    readonly urlFromDatabase: number;
    readonly withoutUrl: number;
  };
  readonly unmatchedRows: readonly UnmatchedRow[];
  readonly unmatchedEntries: readonly UnmatchedEntry[];
  readonly conflicts: readonly Conflict[];
}

export interface MergeOptions {
  /** The section vocabulary: resolves a row's Category to a heading path. Without it the path is `[Category]`. */
  vocabulary?: Vocabulary;
  /** Resolves summarizer names, so `Ada` and `Ada Lovelace` do not disagree. Without it names are compared by first name. */
  people?: People;
  /** Kept by the caller between merges: see the module comment. */
  memo?: MergeMemo;
}

/** The row an entry matched, and how the titles matched. */
interface RowMatch {
  readonly row: DatabaseRow;
  readonly kind: MatchKind;
}

/** One entry merged with one row (or none): the merged entry and what about it the report may need. */
interface EntryMerge {
  readonly row: DatabaseRow | null;
  readonly kind: MatchKind | null;
  readonly vocabulary: Vocabulary | undefined;
  readonly value: MergedEntry;
  readonly conflicts: readonly Omit<Conflict, 'file'>[];
}

/**
 * What a merge keeps for the next one with the same inputs: rows grouped by issue per database,
 * title matches per issue (keyed by its frozen entry list, which the parse cache shares), and
 * merged entries per entry. Owned by the caller (one per build session); holds nothing alive.
 */
export class MergeMemo {
  readonly rowsByIssue = new WeakMap<Database, ReadonlyMap<number, readonly DatabaseRow[]>>();
  readonly matches = new WeakMap<readonly Entry[], { rows: readonly DatabaseRow[]; found: readonly (RowMatch | undefined)[] }>();
  readonly entries = new WeakMap<Entry, EntryMerge>();
}

/** Rows by issue number, in file order. */
function groupRows(database: Database): Map<number, DatabaseRow[]> {
  const map = new Map<number, DatabaseRow[]>();
  for (const row of database.rows) {
    if (row.issue === null) continue;
    const list = map.get(row.issue);
    if (list) list.push(row);
    else map.set(row.issue, [row]);
  }
  return map;
}

const sameRows = (a: readonly DatabaseRow[], b: readonly DatabaseRow[]): boolean => a.length === b.length && a.every((row, i) => row === b[i]);

/** The row each entry of an issue matches (index by entry), or undefined. */
function matchIssue(entries: readonly Entry[], rows: readonly DatabaseRow[], memo: MergeMemo | undefined): readonly (RowMatch | undefined)[] {
  const kept = memo?.matches.get(entries);
  if (kept && sameRows(kept.rows, rows)) return kept.found;
  const found: (RowMatch | undefined)[] = entries.map(() => undefined);
  for (const m of matchTitles(entries.map((e) => e.title), rows.map((r) => r.title))) found[m.entry] = { row: rows[m.row]!, kind: m.kind };
  memo?.matches.set(entries, { rows, found });
  return found;
}

/**
 * URLs compared for "is this the same page": scheme, `www.`, a trailing slash, the fragment and an
 * arXiv paper's form (`/pdf/1234.5678v2.pdf` and `/abs/1234.5678`) do not count.
 */
export function sameUrl(a: string, b: string): boolean {
  const norm = (url: string): string => {
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
  };
  return norm(a) === norm(b);
}

/** The heading path a row's Category names (never the Highlights section itself); [] when empty. */
function rowTopic(row: DatabaseRow, vocabulary: Vocabulary | undefined): string[] {
  if (row.category === '') return [];
  const found = vocabulary?.lookup(row.category);
  if (found) return found.highlight ? [] : categoryPath(found);
  return [row.category];
}

/** The text's names completed from the row's: the row's order, the text's spelling for the names the text has. */
function mergeAuthors(entry: Entry, row: DatabaseRow | null): { authors: AuthorName[]; etAl: boolean; from: Paper['authorsFrom']; conflict: boolean } {
  const text = splitAuthors(entry.authors);
  const fromRow = row ? splitAuthors(row.authors) : { names: [], etAl: false };
  if (fromRow.names.length === 0) return { authors: [...text.names], etAl: text.etAl, from: text.names.length > 0 ? 'text' : null, conflict: false };
  if (text.names.length === 0) return { authors: [...fromRow.names], etAl: fromRow.etAl, from: 'database', conflict: false };
  const partner = text.names.map((name) => fromRow.names.find((other) => sameAuthor(name, other)));
  if (partner.some((p) => p === undefined)) return { authors: [...text.names], etAl: text.etAl, from: 'text', conflict: true };
  if (fromRow.names.length === text.names.length) return { authors: [...text.names], etAl: text.etAl, from: 'text', conflict: false };
  const authors = fromRow.names.map((other) => text.names[partner.indexOf(other)] ?? other);
  return { authors, etAl: fromRow.etAl, from: 'both', conflict: false };
}

function mergeEntry(entry: Entry, match: RowMatch | undefined, vocabulary: Vocabulary | undefined): EntryMerge {
  const row = match?.row ?? null;
  const textUrl = httpUrl(entry.url);
  const url = textUrl ?? row?.url ?? null;
  const authors = mergeAuthors(entry, row);
  const textTopic = entry.highlight ? [] : entry.category;
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
    highlight: entry.highlight || (underNoHeading && row !== null && row.highlight),
    row: match ? Object.freeze({ line: match.row.line, match: match.kind }) : null,
  } satisfies Paper);
  const conflicts: Omit<Conflict, 'file'>[] = [];
  if (row && match) {
    const add = (field: ConflictField, text: string, database: string): void => {
      conflicts.push({ line: entry.line, title: entry.title, field, text, database, row: row.line });
    };
    if (match.kind === 'close' || match.kind === 'contained') add('title', entry.title, row.title);
    if (authors.conflict) add('authors', entry.authors ?? '', row.authors);
    if (textTopic.length > 0 && fromRow.length > 0 && foldHeading(textTopic[textTopic.length - 1]!) !== foldHeading(fromRow[fromRow.length - 1]!)) {
      add('category', textTopic.join(' > '), fromRow.join(' > '));
    }
    if (!underNoHeading && entry.highlight !== row.highlight) add('highlight', entry.highlight ? 'highlight' : 'not a highlight', row.highlight ? 'highlight' : 'not a highlight');
    if (textUrl !== null && row.url !== null && !sameUrl(textUrl, row.url)) add('url', textUrl, row.url);
  }
  return { row, kind: match?.kind ?? null, vocabulary, value: Object.freeze({ ...entry, paper }), conflicts };
}

/** Two lists of summarizers name the same people: resolved through `people`, else by first name. */
function sameSummarizers(a: readonly string[], b: readonly string[], people: People | undefined): boolean {
  const key = (name: string): string => (people ? people.resolve(name).key : (foldName(name).split(' ')[0] ?? ''));
  const ka = [...new Set(a.map(key))].sort();
  const kb = [...new Set(b.map(key))].sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/**
 * Merges the database into the parsed issues. Returns new issue objects (shallow) whose entries are
 * merged entries, in the same order, and the reconciliation report. The inputs are not changed.
 * With `database` null every entry gets the paper its text describes and the report is empty.
 */
export function mergeDatabase(issues: readonly Issue[], database: Database | null, options: MergeOptions = {}): { issues: MergedIssue[]; report: Reconciliation } {
  const { vocabulary, people, memo } = options;
  let byIssue = database ? memo?.rowsByIssue.get(database) : undefined;
  if (database && !byIssue) {
    byIssue = groupRows(database);
    memo?.rowsByIssue.set(database, byIssue);
  }
  const rowsOf = (number: number | null): readonly DatabaseRow[] => (number === null ? [] : (byIssue?.get(number) ?? []));

  const unmatchedRows: UnmatchedRow[] = [];
  const unmatchedEntries: UnmatchedEntry[] = [];
  const conflicts: Conflict[] = [];
  let matched = 0;
  let matchedExactly = 0;
  let matchedWithUrl = 0;
  let urlFromText = 0;
  let urlFromDatabase = 0;
  let entryCount = 0;
  const linkedRows = new Set<DatabaseRow>();

  const merged = issues.map((issue): MergedIssue => {
    const rows = rowsOf(issue.number);
    const found = rows.length > 0 ? matchIssue(issue.entries, rows, memo) : [];
    const taken = new Set<DatabaseRow>();
    const entries = issue.entries.map((entry, i) => {
      entryCount++;
      const match = found[i];
      const kept = memo?.entries.get(entry);
      const result =
        kept && kept.row === (match?.row ?? null) && kept.kind === (match?.kind ?? null) && kept.vocabulary === vocabulary ? kept : mergeEntry(entry, match, vocabulary);
      if (result !== kept) memo?.entries.set(entry, result);
      const paper = result.value.paper;
      if (paper.urlFrom === 'text') urlFromText++;
      if (paper.urlFrom === 'database') urlFromDatabase++;
      if (database === null) return result.value;
      for (const c of result.conflicts) conflicts.push({ file: issue.file, ...c });
      if (match) {
        taken.add(match.row);
        matched++;
        if (match.kind === 'exact' || match.kind === 'repeat') matchedExactly++;
        if (paper.url !== null) {
          matchedWithUrl++;
          linkedRows.add(match.row);
        }
        const written = summarizersOf(match.row.summarizer);
        if (entry.summarizers.length > 0 && written.length > 0 && !sameSummarizers(entry.summarizers, written, people)) {
          conflicts.push({ file: issue.file, line: entry.line, title: entry.title, field: 'summarizers', text: entry.summarizers.join(', '), database: match.row.summarizer, row: match.row.line });
        }
      } else {
        unmatchedEntries.push({
          file: issue.file,
          line: entry.line,
          issue: issue.number,
          title: entry.title,
          reason: issue.number === null ? 'no-number' : rows.length === 0 ? 'no-rows' : 'no-title',
        });
      }
      return result.value;
    });
    if (database) {
      for (const row of rows) {
        if (!taken.has(row)) unmatchedRows.push({ file: database.file, line: row.line, issue: row.issue!, title: row.title, issueFile: issue.file });
      }
    }
    return { ...issue, entries };
  });

  const numbers = new Set(issues.map((i) => i.number).filter((n): n is number => n !== null));
  const allRows = database?.rows ?? [];
  const withoutIssue = allRows.filter((r) => r.issue === null).length;
  const ofArchive = allRows.filter((r) => r.issue !== null && numbers.has(r.issue)).length;
  return {
    issues: merged,
    report: {
      file: database?.file ?? null,
      counts: {
        rows: allRows.length,
        rowsOfArchiveIssues: ofArchive,
        rowsOfOtherIssues: allRows.length - ofArchive - withoutIssue,
        rowsWithoutIssue: withoutIssue,
        rowsLinked: linkedRows.size,
        entries: entryCount,
        matched,
        matchedExactly,
        matchedWithUrl,
        unmatchedRows: unmatchedRows.length,
        unmatchedEntries: unmatchedEntries.length,
        conflicts: conflicts.length,
        urlFromText,
        urlFromDatabase,
        withoutUrl: entryCount - urlFromText - urlFromDatabase,
      },
      unmatchedRows,
      unmatchedEntries,
      conflicts,
    },
  };
}
