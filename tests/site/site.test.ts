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
