/** The category pages and the categories index (src/site/pages/categories.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

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

test('a highlight is listed on its topic page and its parent as well as under Highlights, and the category filter lists topics only', () => {
  const archive = [
    issue(1, '2019-01-01', [
      // Its topic from a "Summarized in the highlights!" stub (the parser files it there).
      entry('Stubbed Highlight', { category: ['Technical AI alignment', 'Interpretability'], highlight: true }),
      entry('Plain Highlight', { category: ['Highlights'], highlight: true }),
      entry('Topic Summary', { category: ['Technical AI alignment', 'Interpretability'] }),
    ]),
  ];
  const site = collectSite(archive, options);
  const titles = (slug: string) => site.categories.find((c) => c.slug === slug)!.entries.map((e) => e.title);
  assert.deepEqual(titles('interpretability'), ['Stubbed Highlight', 'Topic Summary']);
  assert.deepEqual(titles('technical-ai-alignment'), ['Stubbed Highlight', 'Topic Summary']);
  assert.deepEqual(titles('highlights'), ['Stubbed Highlight', 'Plain Highlight']);
  assert.equal(site.categories.find((c) => c.slug === 'highlights')!.countLabel, '2 summaries');
  assert.deepEqual(
    site.searchFilters.categories.map((c) => c.label),
    ['Technical AI alignment', 'Interpretability'],
  );
  // On the issue page the highlights stand under Highlights, as the issue prints them.
  const headings = site.issues[0]!.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.level} ${b.label} ${b.href}`] : []));
  assert.deepEqual(headings, [
    '2 Highlights /categories/highlights/',
    '2 Technical AI alignment /categories/technical-ai-alignment/',
    '3 Interpretability /categories/interpretability/',
  ]);
});
