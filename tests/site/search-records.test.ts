/** How items that no indexed summary page stands for are found by search (src/site/pages/search-records.ts, recordHtml). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordHtml } from '../../src/io/pagefind.ts';
import { searchKinds } from '../../src/site/pages/search-records.ts';
import { collectSite } from '../../src/site.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

const site = collectSite(
  [
    issue(7, '2021-03-01', [
      entry('A summarized paper', { summarizers: ['Ada'], category: ['Technical AI alignment'] }),
      entry('A summarized paper', { summary: '', category: ['Technical AI alignment'] }),
      entry('A listed paper', { summary: '', authors: 'Ivo Brandt', category: ['Technical AI alignment'] }),
      entry('Link one', { summary: 'A line about it.', category: ['Technical AI alignment', 'Interpretability'] }),
      entry('Link two <b>&</b>', { summary: 'Another line.', category: ['Technical AI alignment', 'Interpretability'] }),
      entry('Bare link', { summary: '', category: ['Technical AI alignment', 'Interpretability'] }),
    ]),
  ],
  options,
);

test('a summary page with facts of its own is its own record; its bare mention has none', () => {
  const page = site.papers.find((p) => p.title === 'A summarized paper')!;
  assert.equal(page.search.indexed, true);
  assert.ok(site.searchRecords.every((r) => r.items.every((i) => i.title !== 'A summarized paper')));
});

test('a bare item with authors is a record of its own, leading to its anchor, after the summaries', () => {
  const own = site.searchRecords.find((r) => r.kind === 'one')!;
  assert.equal(own.url, '/issues/an-007/#a-listed-paper');
  assert.deepEqual(own.filters.kind, ['titles']);
  assert.equal(own.meta.authors, 'Ivo Brandt');
  assert.equal(own.meta.title, 'A listed paper');
});

test('the other items of a section share one record, lines and bare titles alike, each item a sub-result, and a page with no facts is not its own record', () => {
  const sections = site.searchRecords.filter((r) => r.kind === 'section');
  assert.deepEqual(
    sections.map((r) => [r.url, r.filters.kind, r.meta.kind, r.items.map((i) => i.title)]),
    [['/issues/an-007/#link-one', ['items'], 'items', ['Link one', 'Link two <b>&</b>', 'Bare link']]],
  );
  assert.deepEqual(sections[0]!.filters.category, ['Technical AI alignment', 'Interpretability']);
  assert.equal(site.papers.find((p) => p.title === 'Link one')!.search.indexed, false);
});

test('a record is written for Pagefind with every value escaped, its items as headings with their anchors', () => {
  const section = site.searchRecords.find((r) => r.kind === 'section')!;
  const html = recordHtml(section, 'en');
  assert.match(html, /^<!doctype html><html lang="en"><body><div data-pagefind-body>/);
  assert.match(html, /<h2 id="link-two-b-b">Link two &lt;b&gt;&amp;&lt;\/b&gt;<\/h2>/);
  assert.match(html, /<span data-pagefind-ignore data-pagefind-filter="kind">items<\/span>/);
  assert.match(html, /<span data-pagefind-ignore data-pagefind-meta="record">section<\/span>/);
  assert.doesNotMatch(html, /<b>/);
});

test('search tells the kinds apart by tagging all but the largest: the summary pages when there are any, else the larger of items and titles', () => {
  const items = { holds: 'items' as const };
  const titles = { holds: 'titles' as const };
  // Summary pages carry no kind: every record kind present is tagged.
  assert.deepEqual(searchKinds(3, [items, titles]), { tagged: ['items', 'titles'], rest: 'summaries' });
  assert.deepEqual(searchKinds(3, [titles]), { tagged: ['titles'], rest: 'summaries' });
  assert.deepEqual(searchKinds(3, []), { tagged: [], rest: 'summaries' });
  // No summary page (a link digest): the larger kind is the rest, the smaller tagged.
  assert.deepEqual(searchKinds(0, [items, items, titles]), { tagged: ['titles'], rest: 'items' });
  assert.deepEqual(searchKinds(0, [items, titles, titles]), { tagged: ['items'], rest: 'titles' });
  // One kind alone needs no filter.
  assert.deepEqual(searchKinds(0, [items, items]), { tagged: [], rest: 'items' });
});

test('in an archive of links alone, the larger kind carries no kind filter and the smaller does', () => {
  const digest = collectSite(
    [
      issue(3, '2022-01-03', [
        entry('First link', { summary: 'A line.', category: ['News'] }),
        entry('Second link', { summary: 'Another line.', category: ['News'] }),
        entry('Only a title', { summary: '', category: ['Elsewhere'] }),
      ]),
    ],
    options,
  );
  assert.deepEqual(digest.searchFilters.kinds, { tagged: 'titles', rest: 'items' });
  assert.deepEqual(
    digest.searchRecords.map((r) => [r.items.map((i) => i.title), r.filters.kind, r.meta.kind]),
    [
      [['First link', 'Second link'], undefined, 'items'],
      [['Only a title'], ['titles'], 'titles'],
    ],
  );
});
