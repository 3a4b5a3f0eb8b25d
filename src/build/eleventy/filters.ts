/**
 * The few filters templates need; everything else is prepared in src/collect.ts.
 * Registered as one local plugin, as Eleventy's own base blog does.
 */
import type { UserConfig } from '@11ty/eleventy';
import { csvRow, jsonItem, type SummaryRecord, summariesCsv, summariesJson } from '../../site/exports.ts';

/**
 * Each record's CSV row and JSON text, kept as long as the record lives. Records are never
 * changed once made, and in watch mode collect hands out the same record objects again for
 * entries that did not change (SiteReuse), so after one edit only the edited entries'
 * rows are written out again.
 */
const csvRows = new WeakMap<SummaryRecord, string>();
const jsonItems = new WeakMap<SummaryRecord, string>();

function kept(memo: WeakMap<SummaryRecord, string>, record: SummaryRecord, make: (record: SummaryRecord) => string): string {
  let row = memo.get(record);
  if (row === undefined) {
    row = make(record);
    memo.set(record, row);
  }
  return row;
}

/** summaries.csv: one row per entry, a header row, RFC 4180 quoting by csv-stringify. */
export function toCsv(records: SummaryRecord[]): string {
  return summariesCsv(records.map((record) => kept(csvRows, record, csvRow)));
}

/** summaries.json: `{ "summaries": [...] }`. */
export function toJson(records: SummaryRecord[]): string {
  return summariesJson(records.map((record) => kept(jsonItems, record, jsonItem)));
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
