/** Each entry's view and export record (`entryOutputs`, src/site/archive/entry-outputs.ts), and when an earlier one is handed back. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPeople } from '../../src/merge/people.ts';
import { entryOutputs } from '../../src/site/archive/entry-outputs.ts';
import { issueRef } from '../../src/site/archive/issue-ref.ts';
import { namesOf } from '../../src/site/archive/site-names.ts';
import { SiteReuse } from '../../src/site/reuse.ts';
import { createMarkdown, type MarkdownRenderer } from '../../src/site/text/markdown.ts';
import type { Issue } from '../../src/records/types.ts';
import { deepFreeze, entry } from '../support/records.ts';
import { issue } from '../support/site.ts';

const SITE = 'https://example.org/repo/';

function outputs(issues: Issue[], reuse: SiteReuse, markdown: MarkdownRenderer, pageOf: (slug: string) => string | null = () => null) {
  const people = createPeople([], ['Ada Lovelace', 'Ada']);
  const names = namesOf(issues, { reuse, siteUrl: SITE, people, highlightsLabel: 'Highlights' });
  const refOf = (i: Issue) => issueRef({ issue: i, year: 2021, index: 0, siteUrl: SITE, numberPrefix: 'AN #' });
  return entryOutputs({ reuse, names, markdown, siteUrl: SITE, refOf, pageOf });
}

test("the view and the record agree: the record holds the raw Markdown, the entry's public address and its summary page", () => {
  const e = entry('Tall Trees', { summary: 'Trees are **tall**.', summarizers: ['Ada'], opinions: [{ by: 'Ada Lovelace', text: 'Yes.' }] });
  const parent = issue(3, '2021-02-03', [e]);
  const out = outputs(
    [parent],
    new SiteReuse(),
    createMarkdown(() => null),
    (slug) => slug,
  )(parent, e);
  assert.equal(out.record.summary, 'Trees are **tall**.');
  assert.ok(out.view.summaryHtml.includes('<strong>tall</strong>'));
  assert.equal(out.record.url, out.view.entryCanonical);
  assert.equal(out.record.url, 'https://example.org/repo/issues/an-003/#tall-trees');
  assert.equal(out.record.summary_page, 'https://example.org/repo/papers/tall-trees/');
  assert.equal(out.record.issue_label, 'AN #3');
  assert.deepEqual(out.summarizerKeys, out.opinionKeys, 'Ada and Ada Lovelace are one person');
  assert.deepEqual(out.record.summarizers, ['Ada'], 'the record keeps the name as written');
});

test('a frozen entry whose context did not change gets its earlier view and record back; a new renderer or a new issue title makes new ones', () => {
  const reuse = new SiteReuse();
  const markdown = createMarkdown(() => null);
  const e = deepFreeze(entry('Tall Trees'));
  const parent = issue(3, '2021-02-03', [e]);
  const first = outputs([parent], reuse, markdown)(parent, e);
  const again = outputs([parent], reuse, markdown)(parent, e);
  assert.equal(again.view, first.view);
  assert.equal(again.record, first.record);

  const otherRenderer = outputs(
    [parent],
    reuse,
    createMarkdown(() => null),
  )(parent, e);
  assert.notEqual(otherRenderer.view, first.view);

  const retitled = { ...parent, title: 'Another title' };
  const afterRetitle = outputs([retitled], reuse, markdown)(retitled, e);
  assert.notEqual(afterRetitle.record, first.record);
  assert.equal(afterRetitle.record.issue_title, 'Another title');
});

test('an entry that is not frozen is made again every time', () => {
  const reuse = new SiteReuse();
  const markdown = createMarkdown(() => null);
  const e = entry('Open Fields');
  const parent = issue(3, '2021-02-03', [e]);
  const first = outputs([parent], reuse, markdown)(parent, e);
  e.summary = 'Changed in place.';
  const second = outputs([parent], reuse, markdown)(parent, e);
  assert.notEqual(second.view, first.view);
  assert.equal(second.record.summary, 'Changed in place.');
});
