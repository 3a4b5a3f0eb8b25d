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
import {
  bump,
  type Cell,
  count,
  countTicks,
  grid,
  PALETTE,
  peak,
  quarterOfSummary,
  quarterRange,
  render,
  stackedBars,
  topKeys,
  undatedNote,
  yearOfSummary,
  yearRange,
  type Chart,
  type ChartOptions,
  type ChartSummary,
  type CitedIssue,
  type Counted,
} from './chart-kit.ts';

export {
  OTHERS_COLOR,
  PALETTE,
  quarterOf,
  type Chart,
  type ChartOptions,
  type ChartSummary,
  type CitedIssue,
  type DataTable,
  type LegendItem,
} from './chart-kit.ts';

/** The stretch a chart covers: `from 2018 to 2021`, or `in 2018` when it is one year or quarter. */
function span(xs: readonly string[]): string {
  return xs.length === 1 ? `in ${xs[0]}` : `from ${xs[0]} to ${xs[xs.length - 1]}`;
}

/** Years at their first quarter; when the quarters shown span less than two years, every quarter by name. */
function quarterAxis(xs: readonly string[]): { ticks: string[]; tickFormat: (q: string) => string } {
  const firsts = xs.filter((q) => q.endsWith('Q1'));
  if (firsts.length >= 2) return { ticks: firsts, tickFormat: (q) => q.slice(0, 4) };
  return { ticks: [...xs], tickFormat: (q) => q };
}

/** Stacked bars: summaries per quarter, by top-level section. */
export function summariesPerQuarter(summaries: readonly ChartSummary[], options: ChartOptions): Chart {
  const counted: Counted[] = [];
  let undated = 0;
  for (const s of summaries) {
    const quarter = quarterOfSummary(s);
    if (quarter === null) undated++;
    else counted.push({ x: quarter, group: s.category[0] ?? 'No section' });
  }
  const xs = quarterRange(counted.map((c) => c.x));
  return stackedBars(counted, {
    id: options.id,
    width: options.width ?? 720,
    height: 320,
    xs,
    xAxis: quarterAxis(xs),
    xLabel: 'Quarter',
    othersLabel: 'Other sections',
    top: PALETTE.length,
    title: 'Summaries per quarter, by section',
    describe: (groups, totals) =>
      xs.length === 0
        ? `No summaries of a known quarter.${undatedNote(undated, undefined, 'shown', 'quarter')}`
        : `Stacked bars of the summaries published each quarter ${span(xs)}, by section (${groups.join(', ')}).${peak(xs, totals)}${undatedNote(undated, undefined, 'shown', 'quarter')}`,
  });
}

/**
 * Small multiples: the `top` categories with the most summaries, their summaries per year. The
 * ranking counts every summary, dated or not (an archive whose issues are mostly undated still
 * names the categories its Categories page shows as the biggest); the bars can only show the
 * dated ones, and the description says how many of these categories' summaries that leaves out.
 */
export function categoriesOverTime(summaries: readonly ChartSummary[], options: ChartOptions & { top?: number }): Chart {
  const totals = new Map<string, number>();
  const undatedOf = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const s of summaries) {
    const label = s.category[s.category.length - 1];
    if (label === undefined) continue;
    bump(totals, label);
    const year = yearOfSummary(s);
    if (year === null) bump(undatedOf, label);
    else bump(counts, `${year}\u0000${label}`);
  }
  const { kept } = topKeys(totals, options.top ?? 8);
  const undated = kept.reduce((sum, label) => sum + (undatedOf.get(label) ?? 0), 0);
  const xs = yearRange([...counts.keys()].map((key) => key.slice(0, 4)));
  const { cells } = grid(xs, kept, counts);
  const shown = xs.length === 0 ? [] : kept;
  const rows = shown.map((label) => {
    const values = xs.map((y) => counts.get(`${y}\u0000${label}`) ?? 0);
    return [label, ...values, ...(undated > 0 ? [undatedOf.get(label) ?? 0] : []), totals.get(label)!];
  });
  const title =
    kept.length === 1
      ? 'The most covered category, per year'
      : kept.length === 0
        ? 'The most covered categories, per year'
        : `The ${kept.length} most covered categories, per year`;
  const leader = kept[0] === undefined ? '' : ` ${kept[0]} has the most (${totals.get(kept[0])} in all).`;
  const these = kept.length === 1 ? "this category's summaries" : "these categories' summaries";
  const description =
    xs.length === 0
      ? `No summaries of a known year with a category.${leader}${undatedNote(undated, these)}`
      : `One small bar chart per category, for the ${count(kept.length, 'category', 'categories')} with the most summaries, dated or not: summaries per year ${span(xs)}.${leader}${undatedNote(undated, these)}`;
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
  const columns = ['Category', ...xs, ...(undated > 0 ? ['Year unknown'] : []), 'Total'];
  return { svg, title, description, table: { columns, rows }, legend: [], note: '' };
}

/** Stacked bars: each year's summaries by the `top` summarizers with the most, the rest as "Others". */
export function summarizersOverTime(summaries: readonly ChartSummary[], options: ChartOptions & { top?: number }): Chart {
  const counted: Counted[] = [];
  let undated = 0;
  let unnamed = 0;
  for (const s of summaries) {
    const year = yearOfSummary(s);
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
        ? `No summaries of a known year with a summarizer.${undatedNote(undated)}`
        : `Stacked bars of the summaries written each year ${span(xs)}, by summarizer (${groups.join(', ')}); a summary written jointly counts once for each.${peak(xs, totals)}${unnamedNote}${undatedNote(undated)}`,
  });
}

/** Horizontal bars: the `top` issues cited by the most other issues. */
export function mostCitedIssues(issues: readonly CitedIssue[], options: ChartOptions & { top?: number }): Chart {
  const ranked = issues
    .filter((i) => i.citedBy > 0)
    .sort((a, b) => b.citedBy - a.citedBy || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, options.top ?? 10);
  const title =
    ranked.length === 1 ? 'The most cited issue' : ranked.length === 0 ? 'The most cited issues' : `The ${ranked.length} most cited issues`;
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
    note: '',
  };
}

/**
 * A tiny bar chart of one category's summaries per year, for its own page. Its description is
 * not shown beside so small a chart, so what it leaves out is also its visible note:
 * `35 of 41 summaries have no known year and are not counted.`
 */
export function perYearSparkline(summaries: readonly ChartSummary[], options: ChartOptions & { label: string }): Chart {
  const counts = new Map<string, number>();
  let undated = 0;
  for (const s of summaries) {
    const year = yearOfSummary(s);
    if (year === null) undated++;
    else bump(counts, year);
  }
  const xs = yearRange(counts.keys());
  const values = xs.map((y) => counts.get(y) ?? 0);
  const title = `${options.label}: summaries per year`;
  const left = undatedNote(undated, count(summaries.length, 'summary', 'summaries'), 'counted');
  const description =
    xs.length === 0
      ? `No summaries of a known year in ${options.label}.`
      : `Bars of the summaries in ${options.label} ${xs.length === 1 ? 'by year' : `each year ${span(xs)}`}: ${xs.map((y, i) => `${y}: ${values[i]}`).join(', ')}.${left}`;
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
  return {
    svg,
    title,
    description,
    table: { columns: ['Year', 'Summaries'], rows: xs.map((y, i) => [y, values[i]!]) },
    legend: [],
    note: left.trimStart(),
  };
}
