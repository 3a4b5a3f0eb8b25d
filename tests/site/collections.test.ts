/** What each page family lists (src/site/archive/page-lists.ts, citation-graph.ts), through the site data it is gathered for. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { citationGraph } from '../../src/site/archive/citation-graph.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

const site = collectSite(
  [
    issue(1, '2019-01-07', [
      entry('Shared Paper', {
        category: ['Technical AI alignment', 'Interpretability'],
        summarizers: ['Ann Lee'],
        opinions: [{ by: 'Bo Chan', text: 'Fine.' }],
      }),
      entry('Bright Idea', { category: ['Highlights'], highlight: true, summarizers: ['Bo Chan'] }),
    ]),
    issue(2, '2019-02-04', [
      entry('Shared Paper', { category: ['Technical AI alignment', 'Interpretability'], summarizers: ['Ann Lee'] }),
      entry('Inner Workings', { category: ['Technical AI alignment', 'Mesa optimization'] }),
    ]),
  ],
  options,
);

test('a title summarized in two issues is one summary page listing both appearances', () => {
  const shared = site.papers.filter((p) => p.title === 'Shared Paper');
  assert.equal(shared.length, 1);
  assert.deepEqual(shared[0]!.appearances.map((a) => a.issue.id).sort(), ['an-001', 'an-002']);
  assert.equal(site.papers.length, 3);
});

test('a category page lists the summaries under it and under its sub-sections, and knows its parent and children', () => {
  const byLabel = new Map(site.categories.map((c) => [c.label, c]));
  const top = byLabel.get('Technical AI alignment')!;
  assert.deepEqual(
    top.entries.map((e) => e.title),
    ['Shared Paper', 'Inner Workings', 'Shared Paper'],
  );
  assert.deepEqual(top.children.map((c) => c.label).sort(), ['Interpretability', 'Mesa optimization']);
  const inner = byLabel.get('Interpretability')!;
  assert.equal(inner.parent?.label, 'Technical AI alignment');
  assert.deepEqual(
    inner.entries.map((e) => e.issue.id),
    ['an-002', 'an-001'],
  );
});

test('a highlight is listed on the highlights page', () => {
  const highlights = site.categories.find((c) => c.highlight)!;
  assert.deepEqual(
    highlights.entries.map((e) => e.title),
    ['Bright Idea'],
  );
});

test('a person page lists what they summarized and what they gave an opinion on, separately', () => {
  const people = new Map(site.summarizers.map((p) => [p.name, p]));
  assert.deepEqual(
    people.get('Ann Lee')!.summarized.map((e) => e.issue.id),
    ['an-002', 'an-001'],
  );
  assert.deepEqual(people.get('Ann Lee')!.opined, []);
  assert.deepEqual(
    people.get('Bo Chan')!.opined.map((e) => e.title),
    ['Shared Paper'],
  );
  assert.deepEqual(
    people.get('Bo Chan')!.summarized.map((e) => e.title),
    ['Bright Idea'],
  );
});

test('an issue page holds its own entries, in reading order', () => {
  const first = site.issues.find((i) => i.id === 'an-001')!;
  assert.deepEqual(
    first.blocks.flatMap((b) => (b.kind === 'entry' ? [b.entry.title] : [])),
    ['Shared Paper', 'Bright Idea'],
  );
});

test('the citation graph: what each issue cites (intro and entries, once each, never itself) and who cites it, newest first', () => {
  const one = issue(1, '2019-01-07', [entry('A')]);
  const two = issue(2, '2019-01-14', [entry('B', { references: [1, 2, 1] })], { references: [9] });
  const three = issue(3, '2019-01-21', [entry('C', { references: [1] }), entry('D', { references: [2] })]);
  const owners = new Map([
    [1, one],
    [2, two],
    [3, three],
  ]);
  const graph = citationGraph([three, two, one], owners);
  assert.deepEqual(
    graph.cites.get('an-002')!.map((i) => i.id),
    ['an-001'],
    'itself and an issue not in the archive are left out',
  );
  assert.deepEqual(
    graph.cites.get('an-003')!.map((i) => i.id),
    ['an-001', 'an-002'],
  );
  assert.deepEqual(
    graph.citedBy.get('an-001')!.map((i) => i.id),
    ['an-003', 'an-002'],
  );
  assert.equal(graph.citedBy.get('an-003'), undefined);
});
