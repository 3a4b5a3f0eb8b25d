import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from '@xmldom/xmldom';
import {
  OTHERS_COLOR,
  PALETTE,
  categoriesOverTime,
  mostCitedIssues,
  perYearSparkline,
  quarterOf,
  summariesPerQuarter,
  summarizersOverTime,
  type Chart,
  type ChartSummary,
} from '../../src/site/engines/charts.ts';
import { allElements, parseXml } from '../support/xml.ts';

const s = (date: string | null, category: string[], summarizers: string[] = []): ChartSummary => ({ date, category, summarizers });

/** A small archive whose counts are worked out by hand in the tests below. */
const archive: ChartSummary[] = [
  s('2019-01-07', ['Technical', 'Interpretability'], ['Ada']),
  s('2019-02-11', ['Technical', 'Interpretability'], ['Ada', 'Bo']),
  s('2019-03-25', ['Technical', 'Forecasting'], ['Bo']),
  s('2019-03-25', ['News'], ['Ada']),
  s('2019-08-05', ['News'], []),
  s('2019-09-30', ['Technical', 'Interpretability'], ['Cy']),
  s('2020-01-06', ['Technical', 'Interpretability'], ['Ada']),
  s(null, ['News'], ['Ada']),
];

/** The checks every chart must pass: well-formed, labelled, nothing active or external. */
function assertAccessibleSvg(chart: Chart, id: string): Element {
  const svg = parseXml(chart.svg).documentElement!;
  assert.equal(svg.tagName, 'svg');
  assert.equal(svg.getAttribute('role'), 'img');
  assert.equal(svg.getAttribute('aria-labelledby'), `${id}-title ${id}-desc`);
  const [first, second] = allElements(svg).slice(1, 3);
  assert.equal(first?.tagName, 'title');
  assert.equal(first?.getAttribute('id'), `${id}-title`);
  assert.equal(first?.textContent, chart.title);
  assert.equal(second?.tagName, 'desc');
  assert.equal(second?.getAttribute('id'), `${id}-desc`);
  assert.equal(second?.textContent, chart.description);
  for (const element of allElements(svg)) {
    assert.notEqual(element.tagName.toLowerCase(), 'script');
    assert.notEqual(element.tagName.toLowerCase(), 'foreignobject');
    for (let i = 0; i < element.attributes.length; i++) {
      const { name, value } = element.attributes[i]!;
      assert.doesNotMatch(name, /^on/i, `no event attribute (${name})`);
      assert.ok(!/href$/i.test(name), `no link or external reference (${name})`);
      assert.doesNotMatch(
        value,
        /url\(|javascript:|https?:\/\/(?!www\.w3\.org\/2000\/svg$)/i,
        `no external reference in ${name}="${value}"`,
      );
    }
  }
  return svg;
}

/** The hover titles Plot puts on each bar: what the chart draws, to compare with the input. */
function barTitles(svg: Element): string[] {
  return allElements(svg)
    .filter((e) => e.tagName === 'rect')
    .flatMap((rect) =>
      allElements(rect)
        .filter((e) => e.tagName === 'title')
        .map((t) => t.textContent ?? ''),
    );
}

test('summaries per quarter: the table counts each section in each quarter, gaps included, and the bars draw the same numbers', () => {
  const chart = summariesPerQuarter(archive, { id: 'per-quarter' });
  assert.deepEqual(chart.table.columns, ['Quarter', 'Technical', 'News', 'Total']);
  assert.deepEqual(chart.table.rows, [
    ['2019 Q1', 3, 1, 4],
    ['2019 Q2', 0, 0, 0],
    ['2019 Q3', 1, 1, 2],
    ['2019 Q4', 0, 0, 0],
    ['2020 Q1', 1, 0, 1],
  ]);
  const svg = assertAccessibleSvg(chart, 'per-quarter');
  assert.deepEqual(barTitles(svg).sort(), [
    '2019 Q1, News: 1',
    '2019 Q1, Technical: 3',
    '2019 Q3, News: 1',
    '2019 Q3, Technical: 1',
    '2020 Q1, Technical: 1',
  ]);
  assert.match(chart.description, /from 2019 Q1 to 2020 Q1/);
  assert.match(chart.description, /1 summary has no known quarter and is not shown\./);
  assert.deepEqual(chart.legend, [
    { label: 'Technical', color: PALETTE[0] },
    { label: 'News', color: PALETTE[1] },
  ]);
});

test('sections beyond the palette are counted together as other sections, in grey', () => {
  const many = Array.from({ length: PALETTE.length + 2 }, (_, i) =>
    Array.from({ length: 20 - i }, () => s('2019-01-07', [`Section ${String.fromCharCode(65 + i)}`])),
  ).flat();
  const chart = summariesPerQuarter(many, { id: 'many' });
  assert.equal(chart.table.columns.length, PALETTE.length + 3);
  assert.equal(chart.table.columns.at(-2), 'Other sections');
  assert.deepEqual(chart.table.rows[0]!.slice(-2), [20 - PALETTE.length + (20 - PALETTE.length - 1), many.length]);
  assert.equal(chart.legend.at(-1)!.color, OTHERS_COLOR);
});

test('categories over time: one row per category with the most summaries, counts per year', () => {
  const chart = categoriesOverTime(archive, { id: 'categories', top: 2 });
  assert.deepEqual(chart.table.columns, ['Category', '2019', '2020', 'Year unknown', 'Total']);
  assert.deepEqual(chart.table.rows, [
    ['Interpretability', 3, 1, 0, 4],
    ['News', 2, 0, 1, 3],
  ]);
  assert.match(
    chart.description,
    /Interpretability has the most \(4 in all\)\. 1 of these categories' summaries has no known year and is not shown\.$/,
  );
  const svg = assertAccessibleSvg(chart, 'categories');
  assert.deepEqual(barTitles(svg).sort(), ['Interpretability, 2019: 3', 'Interpretability, 2020: 1', 'News, 2019: 2']);
});

test('the most covered categories are ranked by all their summaries, dated or not, and the note counts only their undated ones', () => {
  const summaries = [
    s('2019-05-06', ['Technical', 'Mostly undated']),
    ...Array.from({ length: 5 }, () => s(null, ['Technical', 'Mostly undated'])),
    ...Array.from({ length: 3 }, () => s('2020-05-04', ['Technical', 'All dated'])),
    ...Array.from({ length: 2 }, () => s(null, ['Technical', 'Left out'])),
    s(null, []),
  ];
  const chart = categoriesOverTime(summaries, { id: 'categories', top: 2 });
  assert.equal(chart.title, 'The 2 most covered categories, per year');
  assert.deepEqual(chart.table.columns, ['Category', '2019', '2020', 'Year unknown', 'Total']);
  assert.deepEqual(chart.table.rows, [
    ['Mostly undated', 1, 0, 5, 6],
    ['All dated', 0, 3, 0, 3],
  ]);
  assert.match(chart.description, /Mostly undated has the most \(6 in all\)\./);
  // 5, not the 8 undated summaries of the archive: those of "Left out" and the one with no category are in no row.
  assert.match(chart.description, / 5 of these categories' summaries have no known year and are not shown\.$/);
  assert.match(
    summariesPerQuarter(summaries, { id: 'per-quarter' }).description,
    / 8 summaries have no known quarter and are not shown\.$/,
  );
  assert.deepEqual(barTitles(assertAccessibleSvg(chart, 'categories')).sort(), ['All dated, 2020: 3', 'Mostly undated, 2019: 1']);
});

test('when none of the most covered categories has a dated summary, the chart has no rows and says why', () => {
  const chart = categoriesOverTime([s(null, ['News']), s(null, ['News']), s(null, ['Forecasting'])], { id: 'categories', top: 1 });
  assert.equal(chart.title, 'The most covered category, per year');
  assert.deepEqual(chart.table.rows, []);
  assert.equal(
    chart.description,
    "No summaries of a known year with a category. News has the most (2 in all). 2 of this category's summaries have no known year and are not shown.",
  );
});

test('summarizers over time: a joint summary counts once for each summarizer; unnamed ones are said, not counted', () => {
  const chart = summarizersOverTime(archive, { id: 'people', top: 2 });
  assert.deepEqual(chart.table.columns, ['Year', 'Ada', 'Bo', 'Others', 'Total']);
  assert.deepEqual(chart.table.rows, [
    ['2019', 3, 2, 1, 6],
    ['2020', 1, 0, 0, 1],
  ]);
  assertAccessibleSvg(chart, 'people');
  assert.match(chart.description, /1 summary that names no summarizer is not counted\./);
});

test('most cited issues: the most cited first, ties by label, issues nobody cites left out', () => {
  const chart = mostCitedIssues(
    [
      { label: 'AN #3', title: 'Third', citedBy: 2 },
      { label: 'AN #1', title: 'First & <best>', citedBy: 5 },
      { label: 'AN #2', title: 'Second', citedBy: 2 },
      { label: 'AN #4', title: 'Fourth', citedBy: 0 },
    ],
    { id: 'cited' },
  );
  assert.deepEqual(chart.table.rows, [
    ['AN #1', 'First & <best>', 5],
    ['AN #2', 'Second', 2],
    ['AN #3', 'Third', 2],
  ]);
  const svg = assertAccessibleSvg(chart, 'cited');
  assert.ok(barTitles(svg).includes('AN #1: First & <best>, cited by 5'), 'text from the newsletter survives as text');
  assert.doesNotMatch(chart.svg, /<best>/, 'and is escaped in the markup');
});

test('a category sparkline has one bar per year from the first to the last, empty years included', () => {
  const chart = perYearSparkline([s('2018-05-01', ['X']), s('2020-05-01', ['X']), s('2020-06-01', ['X']), s(null, ['X'])], {
    id: 'spark',
    label: 'Agent <foundations>',
  });
  assert.deepEqual(chart.table.rows, [
    ['2018', 1],
    ['2019', 0],
    ['2020', 2],
  ]);
  assertAccessibleSvg(chart, 'spark');
  assert.equal(chart.title, 'Agent <foundations>: summaries per year');
});

test('a sparkline notes how many of its summaries have no known year, in its visible note and in its description', () => {
  const spark = (dates: (string | null)[]) =>
    perYearSparkline(
      dates.map((d) => s(d, ['X'])),
      { id: 'spark', label: 'X' },
    );
  const some = spark(['2018-05-01', null, '2018-06-01', null, null]);
  assert.equal(some.note, '3 of 5 summaries have no known year and are not counted.');
  assert.equal(some.description, 'Bars of the summaries in X by year: 2018: 2. 3 of 5 summaries have no known year and are not counted.');
  assert.equal(assertAccessibleSvg(some, 'spark').getElementsByTagName('desc')[0]?.textContent, some.description);
  assert.equal(spark(['2018-05-01', null]).note, '1 of 2 summaries has no known year and is not counted.');
  assert.equal(spark(['2018-05-01', '2019-05-01']).note, '', 'nothing to say when every summary is dated');
});

test('charts of an empty archive still render, and say there is nothing to show', () => {
  for (const chart of [
    summariesPerQuarter([], { id: 'a' }),
    categoriesOverTime([], { id: 'b' }),
    summarizersOverTime([], { id: 'c' }),
    mostCitedIssues([], { id: 'd' }),
    perYearSparkline([], { id: 'e', label: 'News' }),
  ]) {
    assert.match(chart.description, /^No /);
    assert.deepEqual(chart.table.rows, []);
    parseXml(chart.svg);
  }
});

test('ids are unique across the charts of one page, and an id that is not a name is refused', () => {
  const page = [
    summariesPerQuarter(archive, { id: 'one' }),
    categoriesOverTime(archive, { id: 'two' }),
    summarizersOverTime(archive, { id: 'three' }),
    mostCitedIssues([{ label: 'AN #1', title: 'x', citedBy: 1 }], { id: 'four' }),
  ].map((c) => c.svg);
  const ids = [...page.join('').matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
  assert.equal(ids.length, 8);
  assert.equal(new Set(ids).size, ids.length);
  assert.throws(() => summariesPerQuarter(archive, { id: '1 bad"id' }), /chart id "1 bad"id"/);
});

test('the same data gives the same SVG', () => {
  assert.equal(summariesPerQuarter(archive, { id: 'x' }).svg, summariesPerQuarter([...archive], { id: 'x' }).svg);
  assert.equal(categoriesOverTime(archive, { id: 'x' }).svg, categoriesOverTime([...archive].reverse(), { id: 'x' }).svg);
});

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

test('every bar colour has at least 3:1 contrast on a white page and on a dark one', () => {
  for (const color of [...PALETTE, OTHERS_COLOR]) {
    assert.ok(contrast(color, '#ffffff') >= 3, `${color} on white: ${contrast(color, '#ffffff').toFixed(2)}`);
    assert.ok(contrast(color, '#222222') >= 3, `${color} on #222: ${contrast(color, '#222222').toFixed(2)}`);
  }
  assert.doesNotMatch(summariesPerQuarter(archive, { id: 'x' }).svg, /fill="(?:black|white|#000|#fff)/i, 'text and axes use currentColor');
});

test('quarters come from real dates only', () => {
  assert.equal(quarterOf('2019-12-31'), '2019 Q4');
  assert.equal(quarterOf('2019-13-01'), null);
  assert.equal(quarterOf(null), null);
  assert.equal(quarterOf('May 2019'), null);
});
