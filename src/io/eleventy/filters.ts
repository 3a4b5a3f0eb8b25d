/**
 * The few filters templates need; everything else is prepared in src/site/.
 * Registered as one local plugin, as Eleventy's own base blog does.
 */
import type { UserConfig } from '@11ty/eleventy';
import type { SummaryRecord } from '../../site/pages/exports.ts';
import type { ExportRows } from '../export-rows.ts';

/** `2020-05-06` as a Date at midnight UTC, for the feed plugin's `dateToRfc3339`. */
export function dateValue(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** The filters, with the session's export rows (kept per record between builds). */
export function filtersPlugin(rows: ExportRows): (config: UserConfig) => void {
  return (config) => {
    config.addFilter('csv', (records: SummaryRecord[]) => rows.csv(records));
    config.addFilter('json', (records: SummaryRecord[]) => rows.json(records));
    config.addFilter('dateValue', dateValue);
  };
}
