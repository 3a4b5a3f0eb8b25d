import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CollectOptions, collectSite } from '../../src/site.ts';
import { formatDate } from '../../src/site/format.ts';
import { type IssueBlock, REFERENCED_BY_SHOWN } from '../../src/site/issue.ts';
import { personKey, personName } from '../../src/site/names.ts';
import { normalizePrefix } from '../../src/site/routes.ts';
import { checkUniquePages, DuplicatePageError, sourcesOf } from '../../src/site/page-sources.ts';
import type { Entry, Issue } from '../../src/records/types.ts';
import { entry } from '../support/records.ts';

function issue(number: number | null, date: string | null, entries: Entry[], more: Partial<Issue> = {}): Issue {
  const id = number === null ? `file-${date ?? 'x'}` : `an-${String(number).padStart(3, '0')}`;
  return {
    id,
    number,
    title: `Issue ${number}`,
    date,
    source: null,
    file: `${id}.txt`,
    intro: '',
    entries,
    commentsDropped: 0,
    warnings: [],
    ...more,
  };
}

const options: CollectOptions = {
  settings: { title: 'Archive', description: 'd', url: 'https://example.org/repo/', language: 'en', pathPrefix: '/repo/' },
  vocabulary: [
    { label: 'Highlights', parent: null, highlight: true },
    { label: 'Technical AI alignment', parent: null, highlight: false },
    { label: 'Interpretability', parent: 'Technical AI alignment', highlight: false },
    { label: 'Mesa optimization', parent: 'Technical AI alignment', highlight: false },
  ],
};

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

test('an issue without a number says so, and undated issues are grouped last', () => {
  const site = collectSite([issue(null, null, [entry('Only entry')], { title: null }), issue(2, '2020-02-01', [])], options);
  const unknown = site.issues.find((i) => i.number === null)!;
  assert.equal(unknown.numberLabel, 'Issue number unknown');
  assert.equal(unknown.dateLabel, 'Date unknown');
  assert.equal(unknown.title, 'Only entry');
  assert.deepEqual(
    site.years.map((y) => y.label),
    ['2020', 'Undated'],
  );
});

test('dates are shown as day, month name and year', () => {
  assert.equal(formatDate('2020-05-06'), '6 May 2020');
  assert.equal(formatDate(null), 'Date unknown');
});

test('the same title in several issues is one summary page listing every appearance, oldest first', () => {
  const site = collectSite(
    [issue(1, '2019-01-01', [entry('AI Safety via Debate')]), issue(2, '2019-02-01', [entry('AI safety via debate!')])],
    options,
  );
  assert.equal(site.papers.length, 1);
  const paper = site.papers[0]!;
  assert.equal(paper.slug, 'ai-safety-via-debate');
  assert.deepEqual(
    paper.appearances.map((a) => a.issue.id),
    ['an-001', 'an-002'],
  );
  assert.equal(paper.appearances[0]!.entryHref, '/issues/an-001/#ai-safety-via-debate');
});

test('adding an issue never changes an existing summary slug, category slug or person slug', () => {
  const before = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('Deep RL from human preferences', { category: ['Technical AI alignment', 'Interpretability'], summarizers: ['Rohin'] }),
      ]),
    ],
    options,
  );
  const after = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('Deep RL from human preferences', { category: ['Technical AI alignment', 'Interpretability'], summarizers: ['Rohin'] }),
      ]),
      issue(0, '2018-01-01', [
        entry('Deep RL: from human preferences?', { category: ['interpretability'], summarizers: ['ROHIN'] }),
        entry('Deep RL from human preference'),
      ]),
    ],
    options,
  );
  const hrefs = (site: typeof before): string[] => [...site.papers, ...site.categories, ...site.summarizers].map((p) => p.href);
  for (const href of hrefs(before)) assert.ok(hrefs(after).includes(href), `${href} disappeared`);
  assert.deepEqual(
    before.issues[0]!.blocks.filter((b) => b.kind === 'entry').map((b) => (b.kind === 'entry' ? b.entry.anchor : '')),
    after.issues
      .find((i) => i.id === 'an-001')!
      .blocks.filter((b) => b.kind === 'entry')
      .map((b) => (b.kind === 'entry' ? b.entry.anchor : '')),
  );
});

test('very long titles that share a beginning still get different slugs', () => {
  const long = 'A very long title about the many ways in which learned optimizers could come apart from their base objective';
  const site = collectSite([issue(1, '2019-01-01', [entry(`${long} in theory`), entry(`${long} in practice`)])], options);
  const slugs = site.papers.map((p) => p.slug);
  assert.equal(new Set(slugs).size, 2);
  assert.ok(slugs.every((s) => s.length <= 90));
});

test('categories get a page each with counts, parents and children, in vocabulary order', () => {
  const site = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('A', { category: ['Technical AI alignment', 'Interpretability'] }),
        entry('B', { category: ['Technical AI alignment', 'Mesa optimization'] }),
        entry('C', { category: ['Highlights'], highlight: true }),
        entry('D', { category: ['Zebra section'] }),
      ]),
    ],
    options,
  );
  assert.deepEqual(
    site.categories.map((c) => c.label),
    ['Highlights', 'Technical AI alignment', 'Interpretability', 'Mesa optimization', 'Zebra section'],
  );
  const top = site.categories.find((c) => c.slug === 'technical-ai-alignment')!;
  assert.equal(top.count, 2);
  assert.deepEqual(
    top.children.map((c) => [c.label, c.count]),
    [
      ['Interpretability', 1],
      ['Mesa optimization', 1],
    ],
  );
  assert.equal(site.categories.find((c) => c.slug === 'interpretability')!.parent?.label, 'Technical AI alignment');
  assert.deepEqual(
    site.categoryTree.map((c) => c.label),
    ['Highlights', 'Technical AI alignment', 'Zebra section'],
  );
});

test('people come from summarizers and opinion authors, merged case-insensitively', () => {
  const site = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('A', { summarizers: ['Rohin'], opinions: [{ by: 'rohin', text: 'I like it.' }] }),
        entry('B', { summarizers: ['Flo', 'Rohin'], opinions: [{ by: 'Zach', text: 'Hmm.' }] }),
      ]),
    ],
    options,
  );
  assert.deepEqual(
    site.summarizers.map((p) => [p.name, p.summarized.length, p.opined.length]),
    [
      ['Flo', 1, 0],
      ['Rohin', 2, 1],
      ['Zach', 0, 1],
    ],
  );
  assert.equal(site.summarizers.find((p) => p.name === 'Rohin')!.href, '/summarizers/rohin/');
});

test('spellings of one name (trailing punctuation, case, accents, a leading +) are one person with one page', () => {
  const names = ['Rohin', 'Rohin.', 'rohin', 'Róhin', '+Rohin', ' Rohin; ', 'ROHIN'];
  const site = collectSite(
    [
      issue(
        1,
        '2019-01-01',
        names.map((name, i) => entry(`Paper ${i}`, { summarizers: [name], opinions: [{ by: `${name}`, text: 'Fine.' }] })),
      ),
    ],
    options,
  );
  assert.deepEqual(
    site.summarizers.map((p) => [p.slug, p.name, p.summarized.length, p.opined.length]),
    [['rohin', 'Rohin', names.length, names.length]],
  );
  const view = site.issues[0]!.blocks.flatMap((b) => (b.kind === 'entry' ? [b.entry] : []));
  assert.deepEqual(
    new Set(view.flatMap((e) => [...e.summarizers.map((s) => s.href), ...e.opinions.map((o) => o.byHref)])),
    new Set(['/summarizers/rohin/']),
  );
  assert.equal(personName('+Rohin.'), 'Rohin');
  assert.equal(personKey('Róhin'), personKey('rohin'));
});

test('two pages planned at one address are refused before Eleventy runs, naming the input files and lines', () => {
  const a = issue(7, '2019-01-01', [entry('First', { line: 12 })], { file: 'an-007.txt' });
  const b = issue(7, '2019-02-01', [entry('Second', { line: 30 })], { file: 'copy/an-007.md' });
  const site = collectSite([a, b], options);
  assert.throws(
    () => checkUniquePages(site, [a, b]),
    (error: unknown) =>
      error instanceof DuplicatePageError &&
      /\/issues\/an-007\/ would be written by each of: (an-007\.txt; copy\/an-007\.md|copy\/an-007\.md; an-007\.txt)/.test(error.message),
  );
  assert.deepEqual(sourcesOf('papers/first/', site, [a, b]), ['an-007.txt:12 "First"']);
  assert.doesNotThrow(() => checkUniquePages(collectSite([a], options), [a]));
});

test('(AN #N) references link to issues in the archive, and the cited issue lists who cites it', () => {
  const site = collectSite(
    [
      issue(74, '2019-11-01', [entry('Old')]),
      issue(95, '2020-04-15', [entry('New', { summary: 'As in (AN #74) and (AN #3).', references: [74, 3] })], {
        intro: 'Also see ( AN #74 ).',
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

test('links are root-relative for Eleventy to prefix, absolute URLs carry the public address', () => {
  const site = collectSite([issue(1, '2019-01-01', [entry('A')])], options);
  const page = site.issues[0]!;
  assert.equal(page.href, '/issues/an-001/');
  assert.equal(page.permalink, '/issues/an-001/');
  assert.equal(page.canonical, 'https://example.org/repo/issues/an-001/');
  assert.equal(site.settings.pagefindBundle, '/repo/pagefind/');
  assert.equal(normalizePrefix('repo'), '/repo/');
  assert.equal(normalizePrefix(''), '/');
});

test('one export record per entry, carrying the raw Markdown and the public URLs', () => {
  const site = collectSite([issue(1, '2019-01-01', [entry('A', { summarizers: ['Rohin'] }), entry('B')])], options);
  assert.equal(site.records.length, 2);
  assert.equal(site.records[0]!.url, 'https://example.org/repo/issues/an-001/#a');
  assert.equal(site.records[0]!.summary_page, 'https://example.org/repo/papers/a/');
  assert.equal(site.records[0]!.summary, 'Summary of A.');
  assert.deepEqual(site.counts, { issues: 1, entries: 2, papers: 2, categories: 0, summarizers: 1, warnings: 0 });
});

test('text from the newsletter is never passed on as HTML', () => {
  const site = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('<b>T</b>', { summary: '<script>x()</script>ok', opinions: [{ by: 'R', text: '<iframe></iframe>fine' }] }),
      ]),
    ],
    options,
  );
  const block = site.issues[0]!.blocks[0];
  assert.ok(block?.kind === 'entry');
  assert.equal(block.entry.title, '<b>T</b>', 'titles stay text; the template escapes them');
  assert.doesNotMatch(block.entry.summaryHtml, /<script/);
  assert.doesNotMatch(block.entry.opinions[0]!.html, /<iframe/);
});

test('a summary page carries what its search result shows, and the keys it sorts and filters by', () => {
  const site = collectSite(
    [
      issue(5, '2018-05-02', [
        entry('AI safety via debate', {
          authors: 'Geoffrey Irving and Dario Amodei',
          summarizers: ['Rohin'],
          category: ['Highlights'],
          highlight: true,
          opinions: [{ by: 'Richard', text: 'Good.' }],
        }),
        entry('A see-also title', { summary: '' }),
      ]),
      issue(null, null, [entry('Undated paper', { category: ['Technical AI alignment', 'Interpretability'] })], { id: 'undated' }),
    ],
    options,
  );
  const search = (title: string) => site.papers.find((p) => p.title === title)!.search;
  const debate = search('AI safety via debate');
  assert.equal(debate.authors, 'Geoffrey Irving and Dario Amodei');
  assert.equal(debate.people, 'Rohin, Richard');
  assert.equal(debate.issue, 'AN #5 · 2 May 2018');
  // The Highlights section is where it stood, not a topic: the result's badge says it.
  assert.equal(debate.category, '');
  assert.equal(debate.highlight, true);
  assert.equal(debate.sortDate, '2018-05-02');
  assert.equal(debate.titleIsText, false);
  // A highlight weighs more than its mentions alone would make it.
  assert.ok(debate.weight > 1);
  const undated = search('Undated paper');
  assert.equal(undated.category, 'Technical AI alignment › Interpretability');
  assert.equal(undated.sortDate, '0000-00-00');
  assert.equal(undated.authors, '');
  assert.equal(undated.weight, 1);
  // A title with no text under it is the only text its page can be found by.
  assert.equal(search('A see-also title').titleIsText, true);
  assert.deepEqual(site.searchFilters, {
    categories: [
      { label: 'Highlights', sub: false },
      { label: 'Technical AI alignment', sub: false },
      { label: 'Interpretability', sub: true },
    ],
    years: ['2018'],
    summarizers: ['Richard', 'Rohin'],
  });
});

test('a summary that other summaries mention by title weighs more in search, in proportion to the mentions', () => {
  const cited = entry('Risks from Learned Optimization', { summary: 'Introduces mesa optimizers.' });
  const citing = (n: number) => entry(`Follow-up ${n}`, { summary: `Builds on risks from learned optimization (AN #1), as does ${n}.` });
  const site = collectSite([issue(1, '2019-01-01', [cited]), issue(2, '2019-02-01', [citing(1), citing(2), citing(3)])], options);
  const weight = (title: string) => site.papers.find((p) => p.title === title)!.search.weight;
  assert.equal(weight('Risks from Learned Optimization'), 3);
  assert.equal(weight('Follow-up 1'), 1);
});
