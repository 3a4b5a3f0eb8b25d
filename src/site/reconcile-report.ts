/**
 * The reconciliation report as text: counts first, then every unmatched row, unmatched entry and
 * conflict, each on a line that starts with the file and line it concerns, like a compiler's
 * message (`newsletters/an-012.txt:40: ...`, `database.csv:311: ...`). Pure.
 */
import type { Reconciliation, UnmatchedEntry } from './merge.ts';

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
    for (const r of report.unmatchedRows) lines.push(`${r.file}:${r.line}: AN #${r.issue} "${r.title}": no entry of ${at(r.issueFile)} has a matching title`);
  }
  if (report.unmatchedEntries.length > 0) {
    lines.push('', 'entries that match no row:');
    for (const e of report.unmatchedEntries) lines.push(`${at(e.file)}:${e.line}: "${e.title}": ${REASONS[e.reason]}`);
  }
  if (report.conflicts.length > 0) {
    lines.push('', 'text and database disagree (the text is kept):');
    for (const k of report.conflicts) {
      lines.push(`${at(k.file)}:${k.line}: ${k.field} of "${k.title}": text "${k.text}", database "${k.database}" (${report.file}:${k.row})`);
    }
  }
  return lines;
}
