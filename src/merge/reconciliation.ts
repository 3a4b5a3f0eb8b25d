/**
 * The reconciliation report of a database merge (`merge.ts`): what matched, what did not, and
 * where text and database disagree; and the report as text: counts first, then every unmatched
 * row, unmatched entry and conflict, each on a line that starts with the file and line it concerns,
 * like a compiler's message (`newsletters/wr-012.txt:40: ...`, `database.csv:311: ...`). Pure.
 */

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

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const share = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

const REASONS: Record<UnmatchedEntry['reason'], string> = {
  'no-number': 'the issue has no number to look up',
  'no-rows': 'the database has no rows for this issue',
  'no-title': 'no row of this issue has a matching title',
};

/**
 * Report lines. `at(file)` turns an issue's `file` into the path to print (e.g. under the
 * newsletters dir); the database is printed under the name it was parsed with.
 */
export function formatReconciliation(report: Reconciliation, at: (file: string) => string = (file) => file): string[] {
  if (report.file === null) return ['reconcile: no database: nothing to reconcile (every summary keeps what its text says)'];
  const c = report.counts;
  const lines = [
    `database: ${report.file}: ${plural(c.rows, 'row')}; ${c.rowsOfArchiveIssues} of issues in the archive, ${c.rowsOfOtherIssues} of other issues, ${c.rowsWithoutIssue} without an AN number`,
    `entries: ${c.entries}; matched to a row: ${c.matched} (${c.matchedExactly} by an equal title, ${c.matched - c.matchedExactly} by a close or contained one)`,
    `summaries with a row that link to their paper: ${c.rowsLinked} of ${c.rowsOfArchiveIssues} rows of archive issues (${share(c.rowsLinked, c.rowsOfArchiveIssues)})`,
    `paper links: ${c.matchedWithUrl} of ${c.matched} matched entries (${share(c.matchedWithUrl, c.matched)}); of all entries, ${c.urlFromText} from the text, ${c.urlFromDatabase} from the database, ${c.withoutUrl} without`,
    `to look at: ${plural(c.unmatchedRows, 'unmatched row')}, ${plural(c.unmatchedEntries, 'unmatched entry', 'unmatched entries')}, ${plural(c.conflicts, 'conflict')} (the text's value is kept)`,
  ];
  if (report.unmatchedRows.length > 0) {
    lines.push('', 'rows of archive issues that match no entry:');
    for (const r of report.unmatchedRows)
      lines.push(`${r.file}:${r.line}: issue #${r.issue} "${r.title}": no entry of ${at(r.issueFile)} has a matching title`);
  }
  if (report.unmatchedEntries.length > 0) {
    lines.push('', 'entries that match no row:');
    for (const e of report.unmatchedEntries) lines.push(`${at(e.file)}:${e.line}: "${e.title}": ${REASONS[e.reason]}`);
  }
  if (report.conflicts.length > 0) {
    lines.push('', 'text and database disagree (the text is kept):');
    for (const k of report.conflicts) {
      lines.push(
        `${at(k.file)}:${k.line}: ${k.field} of "${k.title}": text "${k.text}", database "${k.database}" (${report.file}:${k.row})`,
      );
    }
  }
  return lines;
}
