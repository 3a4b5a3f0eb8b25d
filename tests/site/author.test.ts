/** The author pages and the authors index (src/site/pages/authors.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { authorIndex } from '../../src/site/pages/authors.ts';
import { createPeople } from '../../src/merge/people.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

const archive = [
  issue(1, '2019-01-01', [
    entry('Juggling Robots', { authors: 'Mira Kovac*, Jonas Berg* and Ana Silva' }),
    entry('Safety Gridworlds', { authors: 'The Gridworld Team' }),
  ]),
  issue(2, '2019-02-01', [
    entry('Knitting for Agents', { authors: 'M. Kovac, Priya Raman et al.' }),
    entry('Origami Planners', { authors: 'Mira K. Kovac and Jonas Berg' }),
    entry('Tea Ceremony Benchmarks', { authors: 'Mira Kovac' }),
  ]),
];

test('every author of a summarized paper gets a page listing the summaries of their papers, newest first; an organisation is an author too', () => {
  const site = collectSite(archive, options);
  const page = (slug: string) => site.authors.find((a) => a.slug === slug)!;
  assert.deepEqual(
    page('mira-kovac').entries.map((e) => e.title),
    ['Origami Planners', 'Tea Ceremony Benchmarks', 'Juggling Robots'],
    'a middle initial does not make another author',
  );
  // Shown as most often written.
  assert.equal(page('mira-kovac').name, 'Mira Kovac');
  assert.equal(page('mira-kovac').countLabel, '3 summaries');
  assert.equal(page('mira-kovac').href, '/authors/mira-kovac/');
  assert.deepEqual(
    page('the-gridworld-team').entries.map((e) => e.title),
    ['Safety Gridworlds'],
  );
  assert.equal(page('ana-silva').countLabel, '1 summary');
  // `M. Kovac` is only an initial: a page of its own, never merged by guess.
  assert.ok(page('m-kovac'));
  // Each summary links every author to their page, in the list's order.
  const juggling = site.papers.find((p) => p.title === 'Juggling Robots')!;
  assert.deepEqual(
    juggling.paper.authors.map((a) => [a.label, a.href]),
    [
      ['Mira Kovac', '/authors/mira-kovac/'],
      ['Jonas Berg', '/authors/jonas-berg/'],
      ['Ana Silva', '/authors/ana-silva/'],
    ],
  );
  assert.equal(site.papers.find((p) => p.title === 'Knitting for Agents')!.paper.authorsLabel, 'M. Kovac, Priya Raman et al.');
});

test('the authors index lists every author by family name under its initial, with counts, and says how many there are', () => {
  const site = collectSite(archive, options);
  assert.equal(site.authorIndex.lede, '6 authors of 5 summaries, by family name, with how many summaries each.');
  assert.deepEqual(
    site.authorIndex.groups.map((g) => [g.letter, g.authors.map((a) => `${a.label} ${a.count}`)]),
    [
      ['B', ['Jonas Berg 2']],
      ['K', ['M. Kovac 1', 'Mira Kovac 3']],
      ['R', ['Priya Raman 1']],
      ['S', ['Ana Silva 1']],
      ['T', ['The Gridworld Team 1']],
    ],
  );
  assert.equal(site.pages.authors.href, '/authors/');
  assert.ok(site.stats.some((s) => s.href === '/authors/' && s.count === '6' && s.noun === 'authors'));
});

test('an author who also summarized links to their summarizer page', () => {
  const site = collectSite(
    [issue(1, '2019-01-01', [entry('Juggling Robots', { authors: 'Rohin Shah' }), entry('Other', { summarizers: ['Rohin Shah'] })])],
    options,
  );
  assert.deepEqual(site.authors[0]!.summarizer, { href: '/summarizers/rohin-shah/', label: 'Rohin Shah as a summarizer' });
});

test('an authors index too long for one page gives each initial a page of its own, linked from every letter', () => {
  const site = collectSite(archive, options);
  const split = authorIndex(site.authors, (slug) => slug.split('-').pop()!, 5, 'https://example.org/repo/', 3);
  assert.deepEqual(split.groups, [], 'the index itself lists no author');
  assert.deepEqual(
    split.letters.map((g) => [g.letter, g.href, g.countLabel]),
    split.letterPages.map((p) => [p.group.letter, p.href, p.group.countLabel]),
  );
  assert.ok(split.letterPages.every((p) => p.path.startsWith('authors/letter/')));
  assert.equal(
    split.letterPages.reduce((n, p) => n + p.group.authors.length, 0),
    site.authors.length,
    'every author on one letter page',
  );
  const whole = authorIndex(site.authors, (slug) => slug.split('-').pop()!, 5);
  assert.equal(whole.letterPages.length, 0);
  assert.ok(whole.groups.every((g) => g.href === `#${g.id}`));
});

test("people.yml names authors too: an alias's papers are on its person's author page, and its old address sends readers there", () => {
  const people = createPeople(
    [{ name: 'Alex Turner', aliases: ['Alexander Matt Turner', 'Alexander Turner', 'TurnTrout'], line: 1 }],
    ['Alex Turner'],
  );
  const site = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('Attainable utility preservation', { authors: 'Alexander Matt Turner, Dylan Hadfield-Menell' }),
        entry('Seeking power is often robustly instrumental', { authors: 'TurnTrout' }),
      ]),
      issue(2, '2019-02-01', [entry('Optimal policies tend to seek power', { authors: 'Alexander Turner et al' })]),
    ],
    { ...options, people },
  );
  const turners = site.authors.filter((a) => /turn/i.test(a.slug));
  assert.deepEqual(
    turners.map((a) => [a.slug, a.name, a.entries.length]),
    [['alex-turner', 'Alex Turner', 3]],
  );
  const paper = site.papers.find((p) => p.title === 'Seeking power is often robustly instrumental')!;
  assert.deepEqual(
    paper.paper.authors.map((a) => a.href),
    ['/authors/alex-turner/'],
  );
  const moved = site.redirects.filter((r) => r.path.startsWith('authors/')).map((r) => [r.path, r.to.href]);
  assert.deepEqual(moved, [
    ['authors/alexander-matt-turner/', '/authors/alex-turner/'],
    ['authors/alexander-turner/', '/authors/alex-turner/'],
    ['authors/turntrout/', '/authors/alex-turner/'],
  ]);
});
