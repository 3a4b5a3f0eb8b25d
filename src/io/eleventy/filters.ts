/**
 * The few filters templates need; everything else is prepared in src/site/.
 * Registered as one local plugin, as Eleventy's own base blog does.
 */
import type { UserConfig } from '@11ty/eleventy';
import type { SummaryRecord } from '../../site/pages/exports.ts';
import type { ExportRows } from '../export-rows.ts';

/** The filters, with the session's export rows (kept per record between builds). */
export function filtersPlugin(rows: ExportRows): (config: UserConfig) => void {
  return (config) => {
    config.addFilter('csv', (records: SummaryRecord[]) => rows.csv(records));
    config.addFilter('json', (records: SummaryRecord[]) => rows.json(records));
  };
}
