/** What each page family lists (`collections`, src/site/archive/page-lists.ts), called directly on hand-made issues. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPeople } from '../../src/merge/people.ts';
import { entryOutputs } from '../../src/site/archive/entry-outputs.ts';
import { issueRef } from '../../src/site/archive/issue-ref.ts';
import { collections } from '../../src/site/archive/page-lists.ts';
import { namesOf } from '../../src/site/archive/site-names.ts';
import { SiteReuse } from '../../src/site/reuse.ts';
import { createMarkdown } from '../../src/site/text/markdown.ts';
import type { Issue } from '../../src/records/types.ts';
import { entry } from '../support/records.ts';
import { issue } from '../support/site.ts';

const SITE = 'https://example.org/';

/** `pages`: the paper slugs that have a summary page. */
function listsOf(issues: Issue[], pages: string[] = []) {
  const reuse = new SiteReuse();
  const people = createPeople([{ name: 'Alexander Turner', aliases: ['Alex Turner'], line: 1 }], ['Ada', 'Ada Lovelace', 'Bo Chen']);
  const names = namesOf(issues, { reuse, siteUrl: SITE, people, highlightsLabel: 'Highlights' });
  const pageOf = (slug: string) => (pages.includes(slug) ? slug : null);
  const refOf = (i: Issue) => issueRef({ issue: i, year: null, index: 0, siteUrl: SITE, numberPrefix: '#' });
  const outputOf = entryOutputs({ reuse, names, markdown: createMarkdown(() => null), siteUrl: SITE, refOf, pageOf });
  return collections(issues, outputOf, names.highlightsSlug, pageOf, names.authorSlugOf);
}

const anchors = (views: readonly { anchor: string; issue: { id: string } }[] | undefined) =>
  (views ?? []).map((v) => `${v.issue.id}#${v.anchor}`);

test('a summary page lists every appearance of its title, in the order of the issues; a title without a page is on none', () => {
  const lists = listsOf([issue(2, null, [entry('Twice Told'), entry('Once Only')]), issue(1, null, [entry('Twice Told')])], ['twice-told']);
  assert.deepEqual([...lists.papers.keys()], ['twice-told']);
  assert.deepEqual(anchors(lists.papers.get('twice-told')?.appearances), ['an-002#twice-told', 'an-001#twice-told']);
});

test('a category lists its entries and knows its parent and children; a highlight is also on the highlights page', () => {
  const lists = listsOf([
    issue(1, null, [
      entry('Deep Probe', { category: ['Technical AI alignment', 'Interpretability'] }),
      entry('Bright Idea', { category: ['Highlights'], highlight: true }),
    ]),
  ]);
  assert.deepEqual(anchors(lists.categories.entries.get('interpretability')), ['an-001#deep-probe']);
  assert.deepEqual(anchors(lists.categories.entries.get('technical-ai-alignment')), ['an-001#deep-probe']);
  assert.equal(lists.categories.parent.get('interpretability'), 'technical-ai-alignment');
  assert.deepEqual([...(lists.categories.children.get('technical-ai-alignment') ?? [])], ['interpretability']);
  assert.deepEqual(anchors(lists.categories.entries.get('highlights')), ['an-001#bright-idea']);
});

test('a person lists what they summarized and what they gave an opinion on, under one key for every spelling; an entry once per list', () => {
  const lists = listsOf([
    issue(1, null, [
      entry('Shared Work', { summarizers: ['Ada', 'Ada Lovelace'], opinions: [{ by: 'Bo Chen', text: 'Good.' }] }),
      entry('Solo Work', { summarizers: ['Bo Chen'] }),
    ]),
  ]);
  assert.deepEqual(anchors(lists.people.summarized.get('ada-lovelace')), ['an-001#shared-work']);
  assert.deepEqual(anchors(lists.people.summarized.get('bo-chen')), ['an-001#solo-work']);
  assert.deepEqual(anchors(lists.people.opined.get('bo-chen')), ['an-001#shared-work']);
});

test("an author's page lists their papers under the canonical slug of people.yml", () => {
  const lists = listsOf([issue(1, null, [entry('Turning Points', { authors: 'Alex Turner' })])]);
  assert.deepEqual([...lists.authors.keys()], ['alexander-turner']);
});

test('each issue holds its entries in reading order, and every entry has one export record and one text for search', () => {
  const lists = listsOf([issue(1, null, [entry('First'), entry('Second')]), issue(2, null, [])]);
  assert.deepEqual(anchors(lists.issueEntries.get('an-001')), ['an-001#first', 'an-001#second']);
  assert.deepEqual(lists.issueEntries.get('an-002'), []);
  assert.deepEqual(
    lists.records.map((r) => r.entry_id),
    ['first', 'second'],
  );
  assert.equal(lists.texts.length, 2);
});
