/** The issue pages: order, prev/next, headings and "In this issue", citations and "cited by" (src/site/pages/issues.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { type IssueBlock, REFERENCED_BY_SHOWN } from '../../src/site/pages/issues.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

test('issues come newest first, with prev pointing to the older issue and next to the newer', () => {
  const site = collectSite([issue(1, '2019-01-01', []), issue(3, '2019-03-01', []), issue(2, '2019-02-01', [])], options);
  assert.deepEqual(
    site.issues.map((i) => i.number),
    [3, 2, 1],
  );
  const middle = site.issues[1]!;
  assert.equal(middle.prev?.id, 'an-001');
  assert.equal(middle.next?.id, 'an-003');
  assert.equal(site.issues[0]!.next, null);
  assert.equal(site.issues[2]!.prev, null);
});

test('an issue without a number says so, and follows the numbered issues in the archive order, its year unknown: it has no neighbours to go by', () => {
  const site = collectSite([issue(null, null, [entry('Only entry')], { title: null }), issue(2, '2020-02-01', [])], options);
  const unknown = site.issues.find((i) => i.number === null)!;
  assert.equal(unknown.numberLabel, 'Issue number unknown');
  assert.equal(unknown.dateLabel, 'Date unknown');
  assert.equal(unknown.title, 'Only entry');
  assert.deepEqual(
    site.years.map((y) => y.label),
    ['Year unknown', '2020'],
  );
});

test('(AN #N) references link to issues in the archive, and the cited issue lists who cites it', () => {
  const site = collectSite(
    [
      issue(74, '2019-11-01', [entry('Old')]),
      issue(95, '2020-04-15', [entry('New', { summary: 'As in (AN #74) and (AN #3).', references: [74, 3] })], {
        intro: 'Also see ( AN #74 ).',
        references: [74],
      }),
    ],
    options,
  );
  const newer = site.issues[0]!;
  const older = site.issues[1]!;
  const view = newer.blocks.find((b) => b.kind === 'entry');
  assert.ok(view?.kind === 'entry');
  assert.equal(view.entry.summaryHtml, '<p>As in (<a href="/issues/an-074/">AN #74</a>) and (AN #3).</p>');
  assert.match(newer.introHtml, /<a href="\/issues\/an-074\/">AN #74<\/a>/);
  assert.deepEqual(
    older.referencedBy.map((r) => r.id),
    ['an-095'],
  );
  assert.deepEqual(
    newer.cites.map((r) => r.id),
    ['an-074'],
  );
  assert.deepEqual(newer.referencedBy, []);
});

test('an issue page lists its newest citing issues only; a "cited by" page lists them all', () => {
  const citing = Array.from({ length: REFERENCED_BY_SHOWN + 3 }, (_, i) =>
    issue(10 + i, `2020-01-${String(10 + i).padStart(2, '0')}`, [entry(`Cites ${i}`, { summary: 'As in (AN #1).', references: [1] })]),
  );
  const site = collectSite([issue(1, '2019-01-01', [entry('Old')]), ...citing], options);
  const cited = site.issues.find((i) => i.id === 'an-001')!;
  const newestFirst = citing.map((i) => i.id).reverse();
  assert.deepEqual(
    cited.referencedBy.map((r) => r.id),
    newestFirst.slice(0, REFERENCED_BY_SHOWN),
  );
  assert.equal(cited.referencedByCount, citing.length);
  assert.deepEqual(cited.citedByAll, { href: '/issues/an-001/cited-by/', label: `All ${citing.length} issues that cite AN #1` });
  assert.equal(site.citedBy.length, 1);
  const page = site.citedBy[0]!;
  assert.equal(page.permalink, '/issues/an-001/cited-by/');
  assert.equal(page.issue.id, 'an-001');
  assert.deepEqual(
    page.issues.map((r) => r.id),
    newestFirst,
  );

  // Cited no more often than the page shows: every citing issue is on the issue page, and there is no extra page.
  const few = collectSite([issue(1, '2019-01-01', [entry('Old')]), ...citing.slice(0, REFERENCED_BY_SHOWN)], options);
  assert.equal(few.issues.find((i) => i.id === 'an-001')!.referencedBy.length, REFERENCED_BY_SHOWN);
  assert.equal(few.issues.find((i) => i.id === 'an-001')!.citedByAll, null);
  assert.deepEqual(few.citedBy, []);
});

test('"In this issue" lists sections and sub-sections with their counts, not every summary', () => {
  const site = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('H', { category: ['Highlights'], highlight: true }),
        entry('T', { category: ['Technical AI alignment'] }),
        entry('I1', { category: ['Technical AI alignment', 'Interpretability'] }),
        entry('I2', { category: ['Technical AI alignment', 'Interpretability'] }),
        entry('M', { category: ['Technical AI alignment', 'Mesa optimization'] }),
      ]),
      issue(2, '2019-02-01', [entry('A', { category: ['Highlights'] }), entry('B', { category: ['Highlights'] })]),
      issue(3, '2019-03-01', [entry('C'), entry('D')]),
    ],
    options,
  );
  const [none, one, many] = site.issues;
  assert.deepEqual(many!.toc, [
    { href: '#section-highlights', label: 'Highlights', count: 1, children: [] },
    {
      href: '#section-technical-ai-alignment',
      label: 'Technical AI alignment',
      count: 4,
      children: [
        { href: '#section-interpretability', label: 'Interpretability', count: 2, children: [] },
        { href: '#section-mesa-optimization', label: 'Mesa optimization', count: 1, children: [] },
      ],
    },
  ]);
  assert.deepEqual(one!.toc, [], 'one heading needs no list');
  assert.deepEqual(none!.toc, [], 'no headings, no list');
});

test('issue pages put entries under headings that never skip a level', () => {
  const site = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('H', { category: ['Highlights'], highlight: true }),
        entry('I1', { category: ['Technical AI alignment', 'Interpretability'] }),
        entry('I2', { category: ['Technical AI alignment', 'Interpretability'] }),
        entry('M', { category: ['Technical AI alignment', 'Mesa optimization'] }),
      ]),
    ],
    options,
  );
  const shape = (b: IssueBlock): string => (b.kind === 'heading' ? `h${b.level} ${b.label}` : `entry h${b.level} ${b.entry.title}`);
  assert.deepEqual(site.issues[0]!.blocks.map(shape), [
    'h2 Highlights',
    'entry h3 H',
    'h2 Technical AI alignment',
    'h3 Interpretability',
    'entry h4 I1',
    'entry h4 I2',
    'h3 Mesa optimization',
    'entry h4 M',
  ]);
});

test('an issue with no headings lists its entries at the second heading level', () => {
  const site = collectSite([issue(1, '2019-01-01', [entry('A'), entry('B')])], options);
  assert.deepEqual(
    site.issues[0]!.blocks.map((b) => [b.kind, b.level]),
    [
      ['entry', 2],
      ['entry', 2],
    ],
  );
});

test('issues are ordered by number everywhere, an undated issue in its place, dated as far as its neighbours bound it and never to the day', () => {
  const site = collectSite(
    [
      issue(3, null, [entry('Three')]),
      issue(1, '2019-01-07', [entry('One')]),
      issue(2, null, [entry('Two')]),
      issue(4, '2019-02-04', [entry('Four')]),
      issue(5, null, [entry('Five')]),
      issue(6, '2020-01-06', [entry('Six')]),
    ],
    { ...options, latestCount: 3, feedCount: 3 },
  );
  assert.deepEqual(
    site.issues.map((i) => i.number),
    [6, 5, 4, 3, 2, 1],
  );
  assert.deepEqual(
    site.latest.map((i) => i.number),
    [6, 5, 4],
  );
  // The feed lists dated issues only: an Atom entry needs a date, and #5 has none of its own.
  assert.deepEqual(
    site.feed.issues.map((i) => i.number),
    [6, 4, 1],
  );
  assert.equal(site.feed.undated, 3);
  const three = site.issues.find((i) => i.number === 3)!;
  assert.deepEqual([three.prev?.id, three.next?.id], ['an-002', 'an-004']);
  // #2 and #3 lie between 7 January and 4 February 2019; #5 between February 2019 and January 2020.
  assert.deepEqual(
    site.issues.map((i) => `${i.number} ${i.dateLabel} ${i.year}`),
    [
      '6 6 January 2020 2020',
      '5 Feb 2019 – Jan 2020 null',
      '4 4 February 2019 2019',
      '3 Jan–Feb 2019 2019',
      '2 Jan–Feb 2019 2019',
      '1 7 January 2019 2019',
    ],
  );
  assert.deepEqual(
    site.years.map((y) => [y.label, y.issues.map((i) => i.numberLabel)]),
    [
      ['2020', ['AN #6']],
      ['2019–2020, year unknown', ['AN #5']],
      ['2019', ['AN #4', 'AN #3', 'AN #2', 'AN #1']],
    ],
  );
  assert.deepEqual(site.searchFilters.years, ['2020', '2019']);
  assert.equal(site.searchFilters.withoutYear, 1);
  assert.equal(site.searchFilters.withoutYearNote, '1 summary is from an issue whose year is not known.');
  // The summary pages sort by the place of their issue, so undated issues stay in sequence in search too.
  assert.deepEqual(
    ['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map((t) => site.papers.find((p) => p.title === t)!.search.sortOrder),
    ['000000', '000001', '000002', '000003', '000004', '000005'],
  );
  assert.equal(site.order.heading, 'Archive by year');
});

test('an archive with no dates at all is listed by number under no year headings, and says so', () => {
  const site = collectSite([issue(2, null, [entry('Two')]), issue(1, null, [entry('One'), entry('Uno')])], options);
  assert.deepEqual(
    site.years.map((y) => [y.label, y.issues.map((i) => i.caption)]),
    [['', ['AN #2', 'AN #1']]],
  );
  assert.equal(site.order.heading, 'Every issue, by number');
  assert.equal(site.order.lede, '2 issues, 3 summaries, newest first by number: the issues carry no dates.');
  assert.equal(site.issues[0]!.dateLabel, 'Date unknown');
  assert.equal(site.searchFilters.withoutYearNote, '3 summaries are from issues whose year is not known.');
});

test('an issue says what it holds: its summaries, or an essay and its length when its whole text is the intro, never "0 summaries"', () => {
  const essay = `This newsletter is one long essay with a [link](https://example.org/a-long/address) -- and **markup**.\n\n${'word '.repeat(1200)}`;
  const site = collectSite(
    [
      issue(1, '2020-01-01', [entry('Only')]),
      issue(2, '2020-02-01', [entry('One'), entry('Two')], { intro: 'A short note before the summaries.' }),
      issue(3, '2020-03-01', [], { intro: essay }),
      issue(4, '2020-04-01', []),
    ],
    options,
  );
  const label = (n: number): string | undefined => site.issues.find((i) => i.number === n)?.contentsLabel;
  assert.equal(label(1), '1 summary');
  assert.equal(label(2), '2 summaries');
  // 11 words in the first paragraph (the link's text, not its address; `--` is no word) and 1,200 more.
  assert.equal(label(3), 'Essay, 1,211 words, no summaries');
  assert.equal(label(4), 'No summaries');
  // The home page's cards are the same views.
  assert.deepEqual(
    site.latest.map((i) => i.contentsLabel),
    ['No summaries', 'Essay, 1,211 words, no summaries', '2 summaries', '1 summary'],
  );
  // An essay is the issue's body, set as body text; a note before summaries is set apart as an intro.
  const style = (n: number): string | undefined => site.issues.find((i) => i.number === n)?.introStyle;
  assert.equal(style(2), 'intro');
  assert.equal(style(3), 'essay');
});

test('undated issues above, between and below the dated ones stay in number order, each run under its own heading', () => {
  const site = collectSite(
    [
      issue(9, null, [entry('Nine')]),
      issue(8, null, [entry('Eight')]),
      issue(7, '2021-03-01', [entry('Seven')]),
      issue(6, null, [entry('Six')]),
      issue(5, '2020-01-01', [entry('Five')]),
      issue(4, '2019-06-01', [entry('Four')]),
      issue(3, null, [entry('Three')]),
    ],
    options,
  );
  const headings = site.years.map((y) => [y.label, y.issues.map((i) => i.numberLabel)]);
  assert.deepEqual(headings, [
    ['2021 or later, year unknown', ['AN #9', 'AN #8']],
    ['2021', ['AN #7']],
    ['2020–2021, year unknown', ['AN #6']],
    ['2020', ['AN #5']],
    ['2019', ['AN #4']],
    ['2019 or earlier, year unknown', ['AN #3']],
  ]);
  assert.equal(new Set(headings.map(([label]) => label)).size, headings.length, 'a heading is shown twice');
  assert.equal(site.order.heading, 'Archive by year');
});
