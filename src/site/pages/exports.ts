/**
 * summaries.json and summaries.csv: one record per entry, with the raw Markdown and the public
 * URLs, and the files' bytes built from one row per record. Pure: the build keeps each record's
 * row for as long as the record lives (src/io/export-rows.ts), so the files are the
 * concatenation of rows, byte for byte what one pass over all records gives.
 */
import { stringify } from 'csv-stringify/sync';
import type { SummaryRecord } from '../archive/summary-record.ts';

/** The record itself is made beside the entry's view; these are its files. */
export { type SummaryRecord, type SummaryRecordInput, summaryRecord } from '../archive/summary-record.ts';

/** Columns of summaries.csv, in order; list fields are joined with `; `. */
export const CSV_COLUMNS: (keyof SummaryRecord)[] = [
  'issue_id',
  'issue_number',
  'issue_date',
  'issue_title',
  'entry_id',
  'title',
  'authors',
  'authors_et_al',
  'paper_url',
  'venue',
  'year',
  'summarizers',
  'hat_tips',
  'category',
  'topic',
  'highlight',
  'summary',
  'opinions',
  'read_more',
  'prerequisites',
  'references',
  'url',
  'summary_page',
];

function text(value: SummaryRecord[keyof SummaryRecord]): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    return value
      .map((item: string | number | { by: string; text: string }) => (typeof item === 'object' ? `${item.by}: ${item.text}` : String(item)))
      .join(typeof value[0] === 'object' ? '\n\n' : '; ');
  }
  return String(value);
}

/**
 * A CSV cell. Text starting with `=`, `+`, `-`, `@`, tab or CR is read as a formula by
 * spreadsheets (a summary can start with `- ` or `=`): such cells get a leading `'`, the usual
 * guard against formula injection. summaries.json keeps the text unchanged.
 */
export function csvCell(value: SummaryRecord[keyof SummaryRecord]): string {
  const cell = text(value);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** `Ada's opinion` from `Ada`. */
const opinionLabel = (by: string): string => `**${by}'s opinion:**`;

/**
 * The newsletter's own spreadsheet's columns (database.csv), after the record's own, with the
 * spreadsheet's names and as it writes them, so a summaries.csv opens where the spreadsheet
 * did: `Category` is the innermost topic heading, `Highlight?` is `Highlight` or empty, `Email`
 * the issue (`WR #98`), `Summarizer` the names joined with `/`, `My opinion` the summarizer's
 * opinion with any other's after it as `**Name's opinion:** ...`, `URL` the paper's link.
 */
export const SPREADSHEET_COLUMNS: readonly { name: string; value: (record: SummaryRecord) => string | null }[] = [
  { name: 'Category', value: (r) => r.topic.at(-1) ?? (r.highlight ? null : r.category.at(-1)) ?? null },
  { name: 'Highlight?', value: (r) => (r.highlight ? 'Highlight' : null) },
  { name: 'Title', value: (r) => r.title },
  { name: 'Authors', value: (r) => (r.authors.length === 0 ? null : `${r.authors.join(', ')}${r.authors_et_al ? ' et al' : ''}`) },
  { name: 'Venue', value: (r) => r.venue },
  { name: 'Year', value: (r) => (r.year === null ? null : String(r.year)) },
  { name: 'H/T', value: (r) => (r.hat_tips.length === 0 ? null : r.hat_tips.join(', ')) },
  { name: 'Email', value: (r) => r.issue_label },
  { name: 'Summarizer', value: (r) => (r.summarizers.length === 0 ? null : r.summarizers.join('/')) },
  { name: 'Summary', value: (r) => r.summary },
  {
    name: 'My opinion',
    value: (r) => {
      if (r.opinions.length === 0) return null;
      const [first, ...rest] = r.opinions;
      const own = r.summarizers.length === 0 || r.summarizers.includes(first!.by);
      return [own ? first!.text : `${opinionLabel(first!.by)} ${first!.text}`, ...rest.map((o) => `${opinionLabel(o.by)} ${o.text}`)].join(
        '\n\n',
      );
    },
  },
  { name: 'Prerequisites', value: (r) => (r.prerequisites.length === 0 ? null : r.prerequisites.join('\n\n')) },
  { name: 'Read more', value: (r) => (r.read_more.length === 0 ? null : r.read_more.join('\n\n')) },
  { name: 'URL', value: (r) => r.paper_url },
];

/** The header row of summaries.csv: the record's columns, then the spreadsheet's. */
export const CSV_HEADER = stringify([], {
  header: true,
  columns: [...CSV_COLUMNS.map((c) => String(c)), ...SPREADSHEET_COLUMNS.map((c) => c.name)],
});

/** One record's row of summaries.csv, RFC 4180 quoting by csv-stringify. */
export function csvRow(record: SummaryRecord): string {
  return stringify([
    [...CSV_COLUMNS.map((column) => csvCell(record[column])), ...SPREADSHEET_COLUMNS.map((c) => csvCell(c.value(record)))],
  ]);
}

/**
 * One record as summaries.json holds it: two levels deep in the file, every line of the record
 * moves two spaces in. (A newline inside a JSON string is written as `\n`, so only the layout's
 * own newlines are matched.)
 */
export function jsonItem(record: SummaryRecord): string {
  return `  ${JSON.stringify(record, null, 1).replaceAll('\n', '\n  ')}`;
}

/** summaries.csv from each record's row: a header row, then the rows. */
export function summariesCsv(rows: readonly string[]): string {
  return CSV_HEADER + rows.join('');
}

/** summaries.json from each record's item: `{ "summaries": [...] }`, pretty enough to diff (one space per level). */
export function summariesJson(items: readonly string[]): string {
  if (items.length === 0) return `${JSON.stringify({ summaries: [] }, null, 1)}\n`;
  return `{\n "summaries": [\n${items.join(',\n')}\n ]\n}\n`;
}
