/**
 * What every chart of charts.ts shares: the palette, the chart's shape, the rendering of Plot's
 * options to one accessible `<svg>` string on linkedom's DOM, whole-number ticks, time ranges,
 * grids of counts and the stacked bar chart. See charts.ts for the rules every chart keeps.
 *
 * Pure: data in, SVG text out; every call builds its own document.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** Mid-luminance colours in an order that keeps neighbours apart; grey is for "Others". */
export const PALETTE = ['#347ce2', '#be670f', '#118b96', '#de455f', '#9c61d8', '#937c08', '#249048', '#c944c9'] as const;
export const OTHERS_COLOR = '#7d7d7d';

/** One summary, as the charts count it. */
export interface ChartSummary {
  /** Its issue's date, YYYY-MM-DD; null when unknown (then it is in no time chart, and the description says how many). */
  date: string | null;
  /** Its issue's year when the date is unknown but its bounds fall in one year (chronology.ts): it counts in that year. */
  year?: string | null;
  /** Its issue's quarter (`2020 Q2`) when the date is unknown but its bounds fall in one quarter. */
  quarter?: string | null;
  /** Heading path; the first label is the top-level section. */
  category: string[];
  /** Display names of who summarized it. */
  summarizers: string[];
}

export interface CitedIssue {
  /** Short label on the axis: `WR #98`. */
  label: string;
  /** The issue's title, for the table. */
  title: string;
  /** How many issues cite it. */
  citedBy: number;
}

/** The numbers behind a chart, to print beside it as a table. */
export interface DataTable {
  columns: string[];
  rows: (string | number)[][];
}

export interface LegendItem {
  label: string;
  color: string;
}

export interface Chart {
  /** The `<svg>` element, ready to inline. */
  svg: string;
  title: string;
  /** The same sentence as the SVG's `<desc>`. */
  description: string;
  table: DataTable;
  /** The colours, for a legend beside the chart; [] when colour means nothing. */
  legend: LegendItem[];
  /** A line to print under the chart where its description is not shown (a sparkline's undated summaries); '' for none. */
  note: string;
}

export interface ChartOptions {
  /** Unique on the page: the prefix of the chart's element ids (`[A-Za-z][\w-]*`). */
  id: string;
  /** Width in CSS pixels of the drawing (it scales down to its container). Default 720. */
  width?: number;
}

const NUMBER_ATTRIBUTES = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'd', 'transform', 'points'];

/** Plot's options plus what every chart shares, rendered to one accessible `<svg>` string. */
export function render(options: Plot.PlotOptions, id: string, title: string, description: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`chart id "${id}" must start with a letter and hold only letters, digits, - and _`);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...options, document }) as unknown as Element;
  if (svg.tagName.toLowerCase() !== 'svg') throw new Error('chart: Plot made a figure, not an <svg> (a legend or caption option?)');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  const titleElement = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  titleElement.setAttribute('id', `${id}-title`);
  titleElement.textContent = title;
  const descElement = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  descElement.setAttribute('id', `${id}-desc`);
  descElement.textContent = description;
  svg.insertBefore(descElement, svg.firstChild);
  svg.insertBefore(titleElement, svg.firstChild);
  // Inside role="img" the parts are not read out, and Plot's labels of its groups (`<g aria-label="rule">`)
  // are not allowed on a <g> without a role: the chart's title and description say what it shows.
  for (const element of svg.querySelectorAll('[aria-label], [aria-description]')) {
    element.removeAttribute('aria-label');
    element.removeAttribute('aria-description');
  }
  // Plot writes full floating point (`y="267.3109243697479"`); two decimals are finer than a pixel.
  for (const element of [svg, ...svg.querySelectorAll('*')]) {
    for (const name of NUMBER_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== null)
        element.setAttribute(
          name,
          value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)),
        );
    }
  }
  return svg.outerHTML;
}

/** Counts are whole: on a short axis (`max` under 10) every integer is a tick, never `0.5`; longer axes get Plot's own round ticks. */
export function countTicks(max: number): number[] | undefined {
  return max < 10 ? Array.from({ length: Math.max(1, max) + 1 }, (_, i) => i) : undefined;
}

/** `2019-05-06` -> `2019 Q2`; null for anything else. */
export function quarterOf(date: string | null): string | null {
  const match = date === null ? null : /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]} Q${Math.ceil(month / 3)}` : null;
}

export const yearOf = (date: string | null): string | null => (date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.slice(0, 4) : null);

/** Every quarter from the first to the last given, gaps included, so time runs evenly along the axis. */
export function quarterRange(quarters: Iterable<string>): string[] {
  const sorted = [...new Set(quarters)].sort();
  if (sorted.length === 0) return [];
  const index = (q: string): number => Number(q.slice(0, 4)) * 4 + Number(q.slice(-1)) - 1;
  const out: string[] = [];
  for (let i = index(sorted[0]!); i <= index(sorted[sorted.length - 1]!); i++) out.push(`${Math.floor(i / 4)} Q${(i % 4) + 1}`);
  return out;
}

export function yearRange(years: Iterable<string>): string[] {
  const sorted = [...new Set(years)].map(Number).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return Array.from({ length: sorted[sorted.length - 1]! - sorted[0]! + 1 }, (_, i) => String(sorted[0]! + i));
}

/** Keys by count, most first, ties in label order; the first `top` are kept and the rest become "Others". */
export function topKeys(counts: Map<string, number>, top: number): { kept: string[]; others: boolean } {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k]) => k);
  return { kept: ranked.slice(0, top), others: ranked.length > top };
}

/** A count in a sentence: `1 summary`, `12 summaries`. */
export const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A summary's quarter: its issue's date's, else the one its bounds fall in; null when not known. */
export const quarterOfSummary = (s: ChartSummary): string | null => quarterOf(s.date) ?? s.quarter ?? null;
/** A summary's year: its issue's date's, else the one its bounds fall in; null when not known. */
export const yearOfSummary = (s: ChartSummary): string | null => yearOf(s.date) ?? s.year ?? null;

/**
 * What a chart leaves out for want of a known year (or quarter), counted over exactly what it
 * would otherwise show: ` 835 summaries have no known year and are not shown.`, or with `of` the
 * summaries it is about, ` 832 of these categories' summaries have no known year and are not
 * shown.` Empty when nothing is left out.
 */
export function undatedNote(undated: number, of?: string, verb: 'shown' | 'counted' = 'shown', unit: 'year' | 'quarter' = 'year'): string {
  if (undated === 0) return '';
  const verbs = undated === 1 ? `has no known ${unit} and is` : `have no known ${unit} and are`;
  return ` ${of === undefined ? count(undated, 'summary', 'summaries') : `${undated.toLocaleString('en')} of ${of}`} ${verbs} not ${verb}.`;
}

export interface Cell {
  x: string;
  group: string;
  value: number;
}

/** A grid of counts (x by group) as Plot rows, table rows and per-x totals. */
export function grid(
  xs: string[],
  groups: string[],
  counts: Map<string, number>,
): { cells: Cell[]; rows: (string | number)[][]; totals: number[] } {
  const cells: Cell[] = [];
  const rows: (string | number)[][] = [];
  const totals: number[] = [];
  for (const x of xs) {
    const values = groups.map((g) => counts.get(`${x}\u0000${g}`) ?? 0);
    groups.forEach((group, i) => {
      if (values[i]! > 0) cells.push({ x, group, value: values[i]! });
    });
    const total = values.reduce((a, b) => a + b, 0);
    rows.push([x, ...values, total]);
    totals.push(total);
  }
  return { cells, rows, totals };
}

export function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The x with the most, for a description: `the most in 2019 Q1 (123)`. */
export function peak(xs: string[], totals: number[]): string {
  let best = 0;
  totals.forEach((t, i) => {
    if (t > totals[best]!) best = i;
  });
  return xs.length === 0 ? '' : ` The most in ${xs[best]} (${totals[best]}).`;
}

/** One counted thing of a stacked bar chart: in bar `x`, in the segment of `group`. */
export interface Counted {
  x: string;
  group: string;
}

interface StackedOptions {
  id: string;
  width: number;
  height: number;
  /** The bars in order, gaps included. */
  xs: string[];
  /** Plot's options for the x axis beyond its domain. */
  xAxis: Plot.ScaleOptions;
  /** Heading of the table's first column. */
  xLabel: string;
  /** The segment that gathers the groups past the palette's colours. */
  othersLabel: string;
  top: number;
  title: string;
  /** The description, once the groups shown and each bar's total are known. */
  describe: (groups: string[], totals: number[]) => string;
}

/** Stacked bars of counted things: the `top` groups with the most get a colour each, the rest are one grey segment. */
export function stackedBars(counted: readonly Counted[], o: StackedOptions): Chart {
  const groupTotals = new Map<string, number>();
  for (const c of counted) bump(groupTotals, c.group);
  const { kept, others } = topKeys(groupTotals, Math.min(o.top, PALETTE.length));
  const shown = new Set(kept);
  const groups = others ? [...kept, o.othersLabel] : kept;
  const counts = new Map<string, number>();
  for (const c of counted) bump(counts, `${c.x}\u0000${shown.has(c.group) ? c.group : o.othersLabel}`);
  const { cells, rows, totals } = grid(o.xs, groups, counts);
  const colors = groups.map((_group, i) => (others && i === kept.length ? OTHERS_COLOR : PALETTE[i]!));
  const description = o.describe(groups, totals);
  const svg = render(
    {
      width: o.width,
      height: o.height,
      marginLeft: 44,
      marginBottom: 36,
      x: { ...o.xAxis, domain: o.xs, label: null },
      y: { label: 'Summaries', grid: true, ticks: countTicks(Math.max(0, ...totals)), tickFormat: ',d' },
      color: { domain: groups, range: colors },
      marks: [
        Plot.barY(cells, { x: 'x', y: 'value', fill: 'group', title: (c: Cell) => `${c.x}, ${c.group}: ${c.value}` }),
        Plot.ruleY([0]),
      ],
    },
    o.id,
    o.title,
    description,
  );
  return {
    svg,
    title: o.title,
    description,
    table: { columns: [o.xLabel, ...groups, 'Total'], rows },
    legend: groups.map((label, i) => ({ label, color: colors[i]! })),
    note: '',
  };
}
