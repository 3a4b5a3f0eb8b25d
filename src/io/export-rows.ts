/**
 * The rows of summaries.csv and summaries.json, kept per record for as long as the record lives
 * (records are never changed once made: docs/ARCHITECTURE.md, Incremental rebuilds), so after one
 * edit only the edited entries' rows are written out again. The files are the concatenation of
 * the rows, byte for byte what one pass over all records gives (src/site/pages/exports.ts).
 */
import { csvRow, jsonItem, type SummaryRecord, summariesCsv, summariesJson } from '../site/pages/exports.ts';

export class ExportRows {
  private readonly csvRows = new WeakMap<SummaryRecord, string>();
  private readonly jsonItems = new WeakMap<SummaryRecord, string>();

  /** summaries.csv: a header row, one row per entry, RFC 4180 quoting by csv-stringify. */
  csv(records: readonly SummaryRecord[]): string {
    return summariesCsv(records.map((record) => kept(this.csvRows, record, csvRow)));
  }

  /** summaries.json: `{ "summaries": [...] }`, one space per level. */
  json(records: readonly SummaryRecord[]): string {
    return summariesJson(records.map((record) => kept(this.jsonItems, record, jsonItem)));
  }
}

function kept(memo: WeakMap<SummaryRecord, string>, record: SummaryRecord, make: (record: SummaryRecord) => string): string {
  let row = memo.get(record);
  if (row === undefined) {
    row = make(record);
    memo.set(record, row);
  }
  return row;
}
