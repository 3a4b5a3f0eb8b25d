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
 * vocabulary) gives the same merged object as last time (docs/ARCHITECTURE.md, Incremental rebuilds).
 */
import type { Vocabulary } from './records/categories.ts';
import type { Entry, Issue } from './records/types.ts';
import { foldName } from './records/names.ts';
import { summarizersOf, type Database, type DatabaseRow } from './merge/database.ts';
import { paperOf, type EntryConflict, type MergedEntry, type MergedIssue, type RowMatch } from './merge/paper.ts';
import type { People } from './merge/people.ts';
import type { Conflict, Reconciliation, UnmatchedEntry, UnmatchedRow } from './merge/reconciliation.ts';
import { matchTitles, type MatchKind } from './merge/title-match.ts';

export interface MergeOptions {
  /** The section vocabulary: resolves a row's Category to a heading path. Without it the path is `[Category]`. */
  vocabulary?: Vocabulary;
  /** Resolves summarizer names, so `Ada` and `Ada Lovelace` do not disagree. Without it names are compared by first name. */
  people?: People;
  /** Kept by the caller between merges: see the module comment. */
  memo?: MergeMemo;
}

/** One entry merged with one row (or none): the merged entry and what about it the report may need. */
interface EntryMerge {
  readonly row: DatabaseRow | null;
  readonly kind: MatchKind | null;
  readonly vocabulary: Vocabulary | undefined;
  readonly value: MergedEntry;
  readonly conflicts: readonly EntryConflict[];
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

const sameRows = (a: readonly DatabaseRow[], b: readonly DatabaseRow[]): boolean =>
  a.length === b.length && a.every((row, i) => row === b[i]);

/** The row each entry of an issue matches (index by entry), or undefined. */
function matchIssue(
  entries: readonly Entry[],
  rows: readonly DatabaseRow[],
  memo: MergeMemo | undefined,
): readonly (RowMatch | undefined)[] {
  const kept = memo?.matches.get(entries);
  if (kept && sameRows(kept.rows, rows)) return kept.found;
  const found: (RowMatch | undefined)[] = entries.map(() => undefined);
  for (const m of matchTitles(
    entries.map((e) => e.title),
    rows.map((r) => r.title),
  ))
    found[m.entry] = { row: rows[m.row]!, kind: m.kind };
  memo?.matches.set(entries, { rows, found });
  return found;
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
export function mergeDatabase(
  issues: readonly Issue[],
  database: Database | null,
  options: MergeOptions = {},
): { issues: MergedIssue[]; report: Reconciliation } {
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
        kept && kept.row === (match?.row ?? null) && kept.kind === (match?.kind ?? null) && kept.vocabulary === vocabulary
          ? kept
          : { row: match?.row ?? null, kind: match?.kind ?? null, vocabulary, ...paperOf(entry, match, vocabulary) };
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
          conflicts.push({
            file: issue.file,
            line: entry.line,
            title: entry.title,
            field: 'summarizers',
            text: entry.summarizers.join(', '),
            database: match.row.summarizer,
            row: match.row.line,
          });
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
        if (!taken.has(row))
          unmatchedRows.push({ file: database.file, line: row.line, issue: row.issue!, title: row.title, issueFile: issue.file });
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
