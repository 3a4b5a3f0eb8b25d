/**
 * The few filters templates need; everything else is prepared in src/collect.ts.
 * Registered as one local plugin, as Eleventy's own base blog does.
 */
import type { UserConfig } from '@11ty/eleventy';
import { stringify } from 'csv-stringify/sync';
import type { SummaryRecord } from '../collect.ts';

/** Columns of summaries.csv, in order; list fields are joined with `; `. */
export const CSV_COLUMNS: (keyof SummaryRecord)[] = [
  'issue_id', 'issue_number', 'issue_date', 'issue_title', 'entry_id', 'title', 'authors', 'summarizers', 'category',
  'highlight', 'summary', 'opinions', 'read_more', 'prerequisites', 'references', 'url', 'summary_page',
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

/** summaries.csv: one row per entry, a header row, RFC 4180 quoting by csv-stringify. */
export function toCsv(records: SummaryRecord[]): string {
  return stringify(
    records.map((record) => CSV_COLUMNS.map((column) => csvCell(record[column]))),
    { header: true, columns: CSV_COLUMNS.map((c) => String(c)) },
  );
}

/** summaries.json: `{ "summaries": [...] }`, pretty enough to diff. */
export function toJson(records: SummaryRecord[]): string {
  return `${JSON.stringify({ summaries: records }, null, 1)}\n`;
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
