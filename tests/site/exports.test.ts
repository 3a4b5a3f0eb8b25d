/** summaries.json and summaries.csv records (src/site/exports.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

test('one export record per entry, carrying the raw Markdown and the public URLs', () => {
  const site = collectSite([issue(1, '2019-01-01', [entry('A', { summarizers: ['Rohin'] }), entry('B')])], options);
  assert.equal(site.records.length, 2);
  assert.equal(site.records[0]!.url, 'https://example.org/repo/issues/an-001/#a');
  assert.equal(site.records[0]!.summary_page, 'https://example.org/repo/papers/a/');
  assert.equal(site.records[0]!.summary, 'Summary of A.');
  assert.deepEqual(site.counts, { issues: 1, entries: 2, papers: 2, categories: 0, summarizers: 1, warnings: 0 });
});
