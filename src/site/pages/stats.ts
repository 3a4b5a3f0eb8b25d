/**
 * A picture of the archive: the `/stats/` page (four charts from `charts.ts`, each with its
 * table) and the per-year sparkline of each category page. Made from entry views and the
 * citation graph; pure, apart from the `ChartMemo` the caller keeps between builds: a chart is
 * drawn again only when the numbers it is drawn from changed (a rebuild after an edit to a
 * summary's text draws nothing).
 */
import {
  type Chart,
  type ChartSummary,
  type CitedIssue,
  categoriesOverTime,
  mostCitedIssues,
  perYearSparkline,
  summariesPerQuarter,
  summarizersOverTime,
} from '../engines/charts.ts';
import type { EntryView } from '../archive/entry.ts';
import { counted } from '../text/format.ts';
import { addressOf, type PageAddress } from '../routes.ts';
import { Memo } from '../reuse.ts';

/** A chart as the page prints it: the SVG, its legend, and its numbers as a table. */
export interface ChartView {
  id: string;
  title: string;
  description: string;
  svg: string;
  /** Nothing to draw (no dated summary, no issue cited): the page shows the description alone. */
  empty: boolean;
  legend: Chart['legend'];
  /** A line printed under the chart ('' for none): a sparkline's count of undated summaries. */
  note: string;
  table: { caption: string; columns: string[]; rows: (string | number)[][] };
}

export interface StatsView extends PageAddress {
  pageTitle: string;
  description: string;
  charts: ChartView[];
}

/** Charts kept between builds, by what they are drawn from. */
export class ChartMemo {
  readonly charts = new Memo<ChartView>(2_000);
}

function chartView(id: string, chart: Chart): ChartView {
  return {
    id,
    title: chart.title,
    description: chart.description,
    svg: chart.svg,
    empty: chart.table.rows.length === 0,
    legend: chart.legend,
    note: chart.note,
    table: { caption: `${chart.title}: the numbers`, ...chart.table },
  };
}

/** What the charts count of one summary. */
function chartSummary(view: EntryView): ChartSummary {
  return {
    date: view.issue.dateIso,
    year: view.issue.year,
    quarter: view.issue.quarter,
    category: view.categories.map((c) => c.label),
    summarizers: view.summarizers.map((s) => s.label),
  };
}

/**
 * Each summary page once per year (or quarter) it appears in, and once for all its appearances
 * of no known one: what search's year filter counts (a summary page declares each year of its
 * issues, and `unknown`), so a count on /stats/ is what the filter shows. The first appearance
 * of each (newest issue first) speaks for it. With `pagesOnly` (what /stats/ counts, as search
 * does), an item no summary page stands for (a bare title, an anchor on its issue page only) is
 * not counted; a category page's sparkline counts the rows its page lists, such items included.
 */
export function perPage(entries: readonly EntryView[], by: (view: EntryView) => string | null, pagesOnly = false): EntryView[] {
  const seen = new Set<string>();
  return entries.filter((view) => {
    if (pagesOnly && view.summaryHref === null) return false;
    const key = `${view.paperHref}\u0000${by(view) ?? ''}`;
    return !seen.has(key) && seen.add(key);
  });
}

export interface StatsInput {
  path: string;
  /** Every summary of the archive. */
  entries: readonly EntryView[];
  /** Every issue cited by another, with how many cite it. */
  cited: readonly CitedIssue[];
  summaryCount: number;
  siteUrl: string;
  memo: ChartMemo;
}

/** The `/stats/` page. */
export function statsView({ path, entries, cited, summaryCount, siteUrl, memo }: StatsInput): StatsView {
  const summaries = perPage(entries, (v) => v.issue.year, true).map(chartSummary);
  const quarterly = perPage(entries, (v) => v.issue.quarter, true).map(chartSummary);
  const key = JSON.stringify(summaries);
  const drawn = (id: string, from: string, draw: () => Chart): ChartView =>
    memo.charts.get(`${id}\u0000${from}`, () => chartView(id, draw()));
  return {
    ...addressOf(path, siteUrl),
    pageTitle: 'The archive in charts',
    description: `What the newsletter covered, who wrote it and which issues are cited most, over ${counted(summaryCount, 'summary', 'summaries')}.`,
    charts: [
      drawn('per-quarter', JSON.stringify(quarterly), () => summariesPerQuarter(quarterly, { id: 'per-quarter' })),
      drawn('categories', key, () => categoriesOverTime(summaries, { id: 'categories' })),
      drawn('summarizers', key, () => summarizersOverTime(summaries, { id: 'summarizers' })),
      drawn('most-cited', JSON.stringify(cited), () => mostCitedIssues(cited, { id: 'most-cited' })),
    ],
  };
}

/** A category's summaries per year, as a small chart for its page; null when none of them is of a known year. */
export function sparkline(label: string, slug: string, entries: readonly EntryView[], memo: ChartMemo): ChartView | null {
  const counted = perPage(entries, (v) => v.issue.year);
  if (counted.every((view) => view.issue.year === null)) return null;
  const years = counted.map((view) => view.issue.year);
  const id = `per-year-${slug.replace(/[^\w-]/g, '') || 'category'}`;
  return memo.charts.get(`${id}\u0000${label}\u0000${years.join(' ')}`, () =>
    chartView(
      id,
      perYearSparkline(
        years.map((year) => ({ date: null, year, category: [label], summarizers: [] })),
        { id, label },
      ),
    ),
  );
}
