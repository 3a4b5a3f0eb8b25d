/** Which input a page is made from, and two pages planned at one address (src/site/page-sources.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { checkUniquePages, DuplicatePageError, sourcesOf } from '../../src/site/page-sources.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

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
