/** The summary pages: every appearance of one title, and what search shows and weighs (src/site/pages/papers.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

test('the same title in several issues is one summary page listing every appearance, oldest first when their summaries are as full', () => {
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

test('a page whose title an issue only listed leads with the later issue that summarized it, and still lists both', () => {
  const title = 'Robust cooperation between programs';
  const byAuthor = { authors: 'Ada Quill and Bo Reyes' };
  const site = collectSite(
    [
      issue(35, '2018-12-04', [
        entry(title, { ...byAuthor, summary: '' }),
        entry('Grid worlds for safety', {
          authors: 'Bo Reyes',
          summary: 'Programs that read each other’s source play a one-shot dilemma in grid worlds and cooperate without being exploited.',
        }),
      ]),
      issue(39, '2019-01-01', [
        entry(title, {
          ...byAuthor,
          summary: 'Two programs that read each other’s source can cooperate in a one-shot dilemma without being exploited.',
          summarizers: ['Rohin'],
          category: ['Technical AI alignment'],
        }),
      ]),
      issue(40, '2019-01-08', [entry(title, { ...byAuthor, summary: 'See above.' })]),
    ],
    options,
  );
  const paper = site.papers.find((p) => p.title === title)!;
  // The summary first, then the others oldest first: AN #35 only listed it, AN #40 said less.
  assert.deepEqual(
    paper.appearances.map((a) => a.issue.id),
    ['an-039', 'an-035', 'an-040'],
  );
  assert.equal(paper.search.issue, 'AN #39 · 1 January 2019');
  assert.equal(paper.search.sortOrder, paper.appearances[0]!.issue.order);
  assert.equal(paper.search.category, 'Technical AI alignment');
  assert.equal(paper.search.people, 'Rohin');
  assert.match(paper.description, /^Two programs/);
  // Cite names each summary in the page's order, and not the issue that only listed the title.
  assert.deepEqual(
    paper.cite!.summaries.map((s) => s.label),
    ['AN #39', 'AN #40'],
  );
  // A related summary's caption names the issue its page leads with.
  const other = site.papers.find((p) => p.title === 'Grid worlds for safety')!;
  const link = other.related.find((r) => r.title === title);
  assert.ok(link, 'the summaries of a shared author whose texts meet are related');
  assert.match(link.caption, /^AN #39 · /);
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
  // One name each, as `splitAuthors` gives them: search matches a name, whatever joined the list.
  assert.equal(debate.authors, 'Geoffrey Irving, Dario Amodei');
  // Who summarized it, and who else gave an opinion: a result says each.
  assert.equal(debate.people, 'Rohin');
  assert.equal(debate.opinions, 'Richard');
  assert.equal(debate.issue, 'AN #5 · 2 May 2018');
  // The Highlights section is where it stood, not a topic: the result's badge says it.
  assert.equal(debate.category, '');
  assert.equal(debate.highlight, true);
  // Sorted by its issue's place in the archive's order (the undated, unnumbered issue is last: index 1).
  assert.equal(debate.sortOrder, '000000');
  // A highlight weighs more than its mentions alone would make it.
  assert.ok(debate.weight > 1);
  const undated = search('Undated paper');
  assert.equal(undated.category, 'Technical AI alignment › Interpretability');
  assert.equal(undated.sortOrder, '000001');
  assert.equal(undated.authors, '');
  assert.equal(undated.weight, 1);
  // A title with no text under it has no page: it is an anchor on its issue page.
  assert.equal(
    site.papers.find((p) => p.title === 'A see-also title'),
    undefined,
  );
  // Highlights have a filter of their own: the category filter lists topics.
  assert.deepEqual(site.searchFilters, {
    categories: [
      { label: 'Technical AI alignment', sub: false },
      { label: 'Interpretability', sub: true },
    ],
    years: ['2018'],
    withoutYear: 1,
    withoutYearNote: '1 summary is from an issue whose year is not known.',
    summarizers: ['Rohin'],
    opinionAuthors: ['Richard'],
    venues: [],
    paperYears: [],
    anyOpinion: true,
    // The see-also title and the line are found on their issue page, their records tagged: the summaries are the rest.
    kinds: { tagged: 'items titles', rest: 'summaries' },
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
