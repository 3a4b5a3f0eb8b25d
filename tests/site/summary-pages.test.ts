/** Which entries get a summary page, and where an item with no summary points (src/site/archive/summary-pages.ts, paper-redirects.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { hasSummary, summaryPages } from '../../src/site/archive/summary-pages.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

test('an entry is a summary when it says something of its paper: a summary, an opinion, a read-more or prerequisites note', () => {
  const none = { summary: '', opinions: [], readMore: [], prerequisites: [] };
  assert.equal(hasSummary(none), false);
  assert.equal(hasSummary({ ...none, summary: '  \n' }), false);
  assert.equal(hasSummary({ ...none, summary: 'One line.' }), true);
  assert.equal(hasSummary({ ...none, opinions: [{ by: 'Ada', text: 'Worth reading.' }] }), true);
  assert.equal(hasSummary({ ...none, readMore: ['[The paper](https://example.org/p)'] }), true);
  assert.equal(hasSummary({ ...none, prerequisites: ['An earlier post'] }), true);
});

test('a title no appearance summarizes has no page, unless the same paper is summarized under another title', () => {
  const pageOf = summaryPages([
    { slug: 'summarized', url: 'https://arxiv.org/abs/1901.00001', summary: true },
    { slug: 'summarized', url: null, summary: false },
    { slug: 'see-also', url: null, summary: false },
    { slug: 'same-paper', url: 'http://www.arxiv.org/pdf/1901.00001v2.pdf', summary: false },
    { slug: 'front-page', url: 'https://example.org/', summary: false },
    { slug: 'also-front', url: 'https://example.org', summary: true },
    { slug: 'shared-a', url: 'https://blog.example/post', summary: true },
    { slug: 'shared-b', url: 'https://blog.example/post/', summary: true },
    { slug: 'shared-link', url: 'https://blog.example/post', summary: false },
  ]);
  assert.equal(pageOf('summarized'), 'summarized');
  assert.equal(pageOf('see-also'), null);
  // The arXiv abstract and its PDF are one paper.
  assert.equal(pageOf('same-paper'), 'summarized');
  // A site's front page says nothing of which paper it is.
  assert.equal(pageOf('front-page'), null);
  assert.equal(pageOf('also-front'), 'also-front');
  // Two summaries share the link: which one the item meant cannot be told.
  assert.equal(pageOf('shared-link'), null);
});

test('a bare item is an anchor on its issue page: no page, no summary page in its export record, a redirect from its old address', () => {
  const site = collectSite(
    [
      issue(3, '2019-03-01', [
        entry('A see-also title', { summary: '' }),
        entry('A summarized paper', { summarizers: ['Ada'], url: 'https://arxiv.org/abs/1903.00003' }),
        entry('Same paper, other title', { summary: '', url: 'https://arxiv.org/abs/1903.00003' }),
      ]),
      issue(4, '2019-04-01', [entry('A see-also title', { summary: '' })]),
    ],
    options,
  );
  assert.deepEqual(
    site.papers.map((p) => p.title),
    ['A summarized paper'],
  );
  const views = site.issues.find((i) => i.id === 'an-003')!.blocks.flatMap((b) => (b.kind === 'entry' ? [b.entry] : []));
  const [bare, summarized, samePaper] = views;
  assert.equal(bare!.isSummary, false);
  assert.equal(bare!.summaryHref, null);
  // Lists link to where the item is: its anchor, for want of a page.
  assert.equal(bare!.paperHref, '/issues/an-003/#a-see-also-title');
  assert.equal(summarized!.summaryHref, '/papers/a-summarized-paper/');
  assert.equal(samePaper!.summaryHref, '/papers/a-summarized-paper/');
  const records = new Map(site.records.map((r) => [r.title, r]));
  assert.equal(records.get('A see-also title')!.summary_page, null);
  assert.equal(records.get('Same paper, other title')!.summary_page, 'https://example.org/repo/papers/a-summarized-paper/');

  const redirects = new Map(site.redirects.map((r) => [r.path, r]));
  // The old address of a title listed twice goes to its first listing.
  assert.deepEqual(redirects.get('papers/a-see-also-title/')!.to, {
    label: 'A see-also title in AN #3 · 1 March 2019',
    href: '/issues/an-003/#a-see-also-title',
    canonical: 'https://example.org/repo/issues/an-003/#a-see-also-title',
  });
  // The same paper under another title: to its summary page.
  assert.deepEqual(redirects.get('papers/same-paper-other-title/')!.to, {
    label: 'Same paper, other title',
    href: '/papers/a-summarized-paper/',
    canonical: 'https://example.org/repo/papers/a-summarized-paper/',
  });
  assert.equal(redirects.has('papers/a-summarized-paper/'), false);
});

test('a page lists the issue that only mentioned its title, and cites only the summaries', () => {
  const site = collectSite(
    [issue(5, '2019-05-01', [entry('Debate', { summary: '' })]), issue(6, '2019-06-01', [entry('Debate', { summarizers: ['Ada'] })])],
    options,
  );
  const page = site.papers[0]!;
  assert.deepEqual(
    page.appearances.map((a) => [a.issue.id, a.isSummary]),
    [
      ['an-006', true],
      ['an-005', false],
    ],
  );
  assert.deepEqual(
    page.cite!.summaries.map((s) => s.label),
    ['AN #6'],
  );
  assert.equal(site.redirects.length, 0);
});
