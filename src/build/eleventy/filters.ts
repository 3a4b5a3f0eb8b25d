/**
 * The few filters templates need; everything else is prepared in src/collect.ts.
 * Registered as one local plugin, as Eleventy's own base blog does.
 */
import type { UserConfig } from '@11ty/eleventy';
import { stringify } from 'csv-stringify/sync';
import type { SummaryRecord } from '../../site.ts';

/** Columns of summaries.csv, in order; list fields are joined with `; `. */
export const CSV_COLUMNS: (keyof SummaryRecord)[] = [
  'issue_id',
  'issue_number',
  'issue_date',
  'issue_title',
  'entry_id',
  'title',
  'authors',
  'summarizers',
  'category',
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

/**
 * Each record's CSV row and JSON text, kept as long as the record lives. Records are never
 * changed once made, and in watch mode collect hands out the same record objects again for
 * entries that did not change (CollectCache), so after one edit only the edited entries'
 * rows are written out again; the files are the concatenation, byte for byte what one
 * `stringify` / `JSON.stringify` call over all records gives.
 */
const csvRows = new WeakMap<SummaryRecord, string>();
const jsonItems = new WeakMap<SummaryRecord, string>();
const CSV_HEADER = stringify([], { header: true, columns: CSV_COLUMNS.map((c) => String(c)) });

/** summaries.csv: one row per entry, a header row, RFC 4180 quoting by csv-stringify. */
export function toCsv(records: SummaryRecord[]): string {
  const rows = records.map((record) => {
    let row = csvRows.get(record);
    if (row === undefined) {
      row = stringify([CSV_COLUMNS.map((column) => csvCell(record[column]))]);
      csvRows.set(record, row);
    }
    return row;
  });
  return CSV_HEADER + rows.join('');
}

/** summaries.json: `{ "summaries": [...] }`, pretty enough to diff (one space per level). */
export function toJson(records: SummaryRecord[]): string {
  if (records.length === 0) return `${JSON.stringify({ summaries: [] }, null, 1)}\n`;
  const items = records.map((record) => {
    let item = jsonItems.get(record);
    if (item === undefined) {
      // Two levels deep in the file: every line of the record moves two spaces in. (A newline
      // inside a JSON string is written as `\n`, so only the layout's own newlines are matched.)
      item = `  ${JSON.stringify(record, null, 1).replaceAll('\n', '\n  ')}`;
      jsonItems.set(record, item);
    }
    return item;
  });
  return `{\n "summaries": [\n${items.join(',\n')}\n ]\n}\n`;
}

/** `2020-05-06` as a Date at midnight UTC, for the feed plugin's `dateToRfc3339`. */
export function dateValue(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function filtersPlugin(config: UserConfig): void {
  config.addFilter('csv', toCsv);
  config.addFilter('json', toJson);
  config.addFilter('dateValue', dateValue);
}
