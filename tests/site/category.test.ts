/** The category pages and the categories index (src/site/category.ts). */
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
