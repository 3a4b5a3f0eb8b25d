/** The site data as a whole (src/site.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

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

test("/stats/ counts the summary pages search's year filter counts: an item with no summary page is not a summary there", () => {
  const site = collectSite(
    [
      issue(1, '2019-03-04', [entry('Dated paper'), entry('A bare dated title', { summary: '' })]),
      issue(2, null, [
        entry('Undated paper'),
        entry('Another undated paper'),
        entry('A bare undated title', { summary: '' }),
        entry('Dated paper', { summary: 'It comes back.' }),
      ]),
    ],
    options,
  );
  const stats = site.chartPages[0]!;
  assert.equal(site.searchFilters.withoutYear, 3, 'three summary pages declare an issue of unknown year');
  assert.match(stats.description, /over 3 summaries/);
  const quarters = stats.charts.find((c) => c.id === 'per-quarter')!;
  assert.match(quarters.description, /3 summaries have no known quarter and are not shown\./);
  const total = quarters.table.rows.reduce((sum, row) => sum + Number(row.at(-1)), 0);
  assert.equal(total, 1, 'the dated issue counts one summary page: the bare title beside it is none');
});
