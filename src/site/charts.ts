/**
 * A picture of the archive: charts rendered at build time to inline SVG by Observable Plot, on
 * linkedom's DOM (no browser, no JavaScript on the page), each with the table of its numbers.
 *
 * Every chart is an accessible image: `role="img"`, a `<title>` and a `<desc>` that says what
 * it shows in words, referenced by `aria-labelledby` with ids made from the caller's `id` (so two
 * charts on one page never share one). Text and axes are `currentColor`, so they follow the page
 * in light and dark mode; the bar colours all have a relative luminance near 0.21, which gives
 * at least 3:1 against white and against a dark background up to #222 (WCAG's contrast for
 * graphics). No scripts, no links, no external references; coordinates rounded to 2 decimals.
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
  /** Heading path; the first label is the top-level section. */
  category: string[];
  /** Display names of who summarized it. */
  summarizers: string[];
}

export interface CitedIssue {
  /** Short label on the axis: `AN #98`. */
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
}

export interface ChartOptions {
  /** Unique on the page: the prefix of the chart's element ids (`[A-Za-z][\w-]*`). */
  id: string;
  /** Width in CSS pixels of the drawing (it scales down to its container). Default 720. */
  width?: number;
}

const NUMBER_ATTRIBUTES = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'd', 'transform', 'points'];

/** Plot's options plus what every chart shares, rendered to one accessible `<svg>` string. */
function render(options: Plot.PlotOptions, id: string, title: string, description: string): string {
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
function countTicks(max: number): number[] | undefined {
  return max < 10 ? Array.from({ length: Math.max(1, max) + 1 }, (_, i) => i) : undefined;
}

/** `2019-05-06` -> `2019 Q2`; null for anything else. */
export function quarterOf(date: string | null): string | null {
  const match = date === null ? null : /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]} Q${Math.ceil(month / 3)}` : null;
}

const yearOf = (date: string | null): string | null => (date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.slice(0, 4) : null);

/** Every quarter from the first to the last given, gaps included, so time runs evenly along the axis. */
function quarterRange(quarters: Iterable<string>): string[] {
  const sorted = [...new Set(quarters)].sort();
  if (sorted.length === 0) return [];
  const index = (q: string): number => Number(q.slice(0, 4)) * 4 + Number(q.slice(-1)) - 1;
  const out: string[] = [];
  for (let i = index(sorted[0]!); i <= index(sorted[sorted.length - 1]!); i++) out.push(`${Math.floor(i / 4)} Q${(i % 4) + 1}`);
  return out;
}

function yearRange(years: Iterable<string>): string[] {
  const sorted = [...new Set(years)].map(Number).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  return Array.from({ length: sorted[sorted.length - 1]! - sorted[0]! + 1 }, (_, i) => String(sorted[0]! + i));
}

/** Keys by count, most first, ties in label order; the first `top` are kept and the rest become "Others". */
function topKeys(counts: Map<string, number>, top: number): { kept: string[]; others: boolean } {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k]) => k);
  return { kept: ranked.slice(0, top), others: ranked.length > top };
}

/** A count in a sentence: `1 summary`, `12 summaries`. */
const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const undatedNote = (undated: number): string =>
  undated === 0 ? '' : ` ${count(undated, 'summary', 'summaries')} without a date ${undated === 1 ? 'is' : 'are'} not shown.`;

interface Cell {
  x: string;
  group: string;
  value: number;
}

/** A grid of counts (x by group) as Plot rows, table rows and per-x totals. */
function grid(
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

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The x with the most, for a description: `the most in 2019 Q1 (123)`. */
function peak(xs: string[], totals: number[]): string {
  let best = 0;
  totals.forEach((t, i) => {
    if (t > totals[best]!) best = i;
  });
  return xs.length === 0 ? '' : ` The most in ${xs[best]} (${totals[best]}).`;
}

/** One counted thing of a stacked bar chart: in bar `x`, in the segment of `group`. */
interface Counted {
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
function stackedBars(counted: readonly Counted[], o: StackedOptions): Chart {
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
  };
}

/** Stacked bars: summaries per quarter, by top-level section. */
export function summariesPerQuarter(summaries: readonly ChartSummary[], options: ChartOptions): Chart {
  const counted: Counted[] = [];
  let undated = 0;
  for (const s of summaries) {
    const quarter = quarterOf(s.date);
    if (quarter === null) undated++;
    else counted.push({ x: quarter, group: s.category[0] ?? 'No section' });
  }
  const xs = quarterRange(counted.map((c) => c.x));
  return stackedBars(counted, {
    id: options.id,
    width: options.width ?? 720,
    height: 320,
    xs,
    xAxis: { ticks: xs.filter((q) => q.endsWith('Q1')), tickFormat: (q: string) => q.slice(0, 4) },
    xLabel: 'Quarter',
    othersLabel: 'Other sections',
    top: PALETTE.length,
    title: 'Summaries per quarter, by section',
    describe: (groups, totals) =>
      xs.length === 0
        ? `No dated summaries.${undatedNote(undated)}`
        : `Stacked bars of the summaries published each quarter from ${xs[0]} to ${xs[xs.length - 1]}, by section (${groups.join(', ')}).${peak(xs, totals)}${undatedNote(undated)}`,
  });
}

/** Small multiples: the `top` categories with the most summaries, their summaries per year. */
export function categoriesOverTime(summaries: readonly ChartSummary[], options: ChartOptions & { top?: number }): Chart {
  const totals = new Map<string, number>();
  const counts = new Map<string, number>();
  const years: string[] = [];
  let undated = 0;
  for (const s of summaries) {
    const label = s.category[s.category.length - 1];
    const year = yearOf(s.date);
    if (label === undefined) continue;
    if (year === null) {
      undated++;
      continue;
    }
    years.push(year);
    bump(totals, label);
    bump(counts, `${year}\u0000${label}`);
  }
  const { kept } = topKeys(totals, options.top ?? 8);
  const xs = yearRange(years);
  const { cells } = grid(xs, kept, counts);
  const rows = kept.map((label) => {
    const values = xs.map((y) => counts.get(`${y}\u0000${label}`) ?? 0);
    return [label, ...values, values.reduce((a, b) => a + b, 0)];
  });
  const title = kept.length === 1 ? 'The most covered category, per year' : `The ${kept.length} most covered categories, per year`;
  const leader = kept[0] === undefined ? '' : ` ${kept[0]} has the most (${totals.get(kept[0])}).`;
  const description =
    xs.length === 0
      ? `No dated summaries with a category.${undatedNote(undated)}`
      : `One small bar chart per category, for the ${count(kept.length, 'category', 'categories')} with the most summaries: summaries per year from ${xs[0]} to ${xs[xs.length - 1]}.${leader}${undatedNote(undated)}`;
  // No y axis per row (its ticks would crowd the row above): each bar carries its count.
  const svg = render(
    {
      width: options.width ?? 720,
      height: 40 + kept.length * 56,
      marginLeft: 200,
      marginRight: 12,
      marginTop: 14,
      x: { domain: xs, label: null },
      y: { axis: null },
      fy: { domain: kept, label: null, padding: 0.25 },
      marks: [
        Plot.barY(cells, { x: 'x', y: 'value', fy: 'group', fill: PALETTE[0], title: (c: Cell) => `${c.group}, ${c.x}: ${c.value}` }),
        Plot.text(cells, { x: 'x', y: 'value', fy: 'group', text: 'value', dy: -6, fill: 'currentColor' }),
        Plot.ruleY([0]),
        Plot.axisFy({ anchor: 'left', label: null, tickSize: 0, textAnchor: 'end', dx: -8 }),
      ],
    },
    options.id,
    title,
    description,
  );
  return { svg, title, description, table: { columns: ['Category', ...xs, 'Total'], rows }, legend: [] };
}

/** Stacked bars: each year's summaries by the `top` summarizers with the most, the rest as "Others". */
export function summarizersOverTime(summaries: readonly ChartSummary[], options: ChartOptions & { top?: number }): Chart {
  const counted: Counted[] = [];
  let undated = 0;
  let unnamed = 0;
  for (const s of summaries) {
    const year = yearOf(s.date);
    if (year === null) {
      undated++;
      continue;
    }
    if (s.summarizers.length === 0) unnamed++;
    for (const person of new Set(s.summarizers)) counted.push({ x: year, group: person });
  }
  const xs = yearRange(counted.map((c) => c.x));
  const unnamedNote =
    unnamed === 0
      ? ''
      : ` ${count(unnamed, 'summary', 'summaries')} that name${unnamed === 1 ? 's' : ''} no summarizer ${unnamed === 1 ? 'is' : 'are'} not counted.`;
  return stackedBars(counted, {
    id: options.id,
    width: options.width ?? 720,
    height: 300,
    xs,
    xAxis: {},
    xLabel: 'Year',
    othersLabel: 'Others',
    top: options.top ?? PALETTE.length,
    title: 'Summaries per year, by summarizer',
    describe: (groups, totals) =>
      xs.length === 0
        ? `No dated summaries with a summarizer.${undatedNote(undated)}`
        : `Stacked bars of the summaries written each year from ${xs[0]} to ${xs[xs.length - 1]}, by summarizer (${groups.join(', ')}); a summary written jointly counts once for each.${peak(xs, totals)}${unnamedNote}${undatedNote(undated)}`,
  });
}

/** Horizontal bars: the `top` issues cited by the most other issues. */
export function mostCitedIssues(issues: readonly CitedIssue[], options: ChartOptions & { top?: number }): Chart {
  const ranked = issues
    .filter((i) => i.citedBy > 0)
    .sort((a, b) => b.citedBy - a.citedBy || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, options.top ?? 10);
  const title = ranked.length === 1 ? 'The most cited issue' : `The ${ranked.length} most cited issues`;
  const first = ranked[0];
  const description =
    first === undefined
      ? 'No issue is cited by another.'
      : `Bars of how many issues cite each of the ${ranked.length === 1 ? 'most cited issue' : `${ranked.length} most cited issues`}; ${first.label} is cited by the most (${count(first.citedBy, 'issue', 'issues')}).`;
  const svg = render(
    {
      width: options.width ?? 720,
      height: 40 + ranked.length * 26,
      marginLeft: 80,
      x: { label: 'Cited by (issues)', grid: true, ticks: countTicks(first?.citedBy ?? 0), tickFormat: ',d' },
      y: { domain: ranked.map((i) => i.label), label: null },
      marks: [
        Plot.barX(ranked, {
          y: 'label',
          x: 'citedBy',
          fill: PALETTE[0],
          title: (i: CitedIssue) => `${i.label}: ${i.title}, cited by ${i.citedBy}`,
        }),
        Plot.ruleX([0]),
      ],
    },
    options.id,
    title,
    description,
  );
  return {
    svg,
    title,
    description,
    table: { columns: ['Issue', 'Title', 'Cited by'], rows: ranked.map((i) => [i.label, i.title, i.citedBy]) },
    legend: [],
  };
}

/** A tiny bar chart of one category's summaries per year, for its own page. */
export function perYearSparkline(summaries: readonly ChartSummary[], options: ChartOptions & { label: string }): Chart {
  const counts = new Map<string, number>();
  for (const s of summaries) {
    const year = yearOf(s.date);
    if (year !== null) bump(counts, year);
  }
  const xs = yearRange(counts.keys());
  const values = xs.map((y) => counts.get(y) ?? 0);
  const title = `${options.label}: summaries per year`;
  const description =
    xs.length === 0
      ? `No dated summaries in ${options.label}.`
      : `Bars of the summaries in ${options.label} each year from ${xs[0]} to ${xs[xs.length - 1]}: ${xs.map((y, i) => `${y}: ${values[i]}`).join(', ')}.`;
  const svg = render(
    {
      width: options.width ?? 200,
      height: 56,
      marginTop: 4,
      marginLeft: 4,
      marginRight: 4,
      marginBottom: 16,
      x: { domain: xs, label: null, ticks: xs.length > 1 ? [xs[0], xs[xs.length - 1]] : xs, tickSize: 0 },
      y: { axis: null },
      marks: [
        Plot.barY(
          xs.map((x, i) => ({ x, value: values[i]! })),
          { x: 'x', y: 'value', fill: PALETTE[0] },
        ),
        Plot.ruleY([0]),
      ],
    },
    options.id,
    title,
    description,
  );
  return { svg, title, description, table: { columns: ['Year', 'Summaries'], rows: xs.map((y, i) => [y, values[i]!]) }, legend: [] };
}
