import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntryView } from '../../src/site/archive/entry.ts';
import { listPagePath, listPageViews, splitLists } from '../../src/site/pages/list-pages.ts';

/** Just what a list shows of an entry: its issue's label. */
const view = (n: number): EntryView => ({ anchor: `e${n}`, issue: { numberLabel: `AN #${n}` } }) as unknown as EntryView;
const base = 'summarizers/ada/';
const site = 'https://example.org/';

test('a list that fits on one page is one part at its own address, with no pager and no ranges', () => {
  const parts = splitLists(base, [{ id: 's', heading: 'Summaries', entries: [view(3), view(2)] }], site, 5);
  assert.equal(parts.length, 1);
  assert.equal(parts[0]!.address.path, base);
  assert.equal(parts[0]!.pager, null);
  assert.deepEqual(
    parts[0]!.sections.map((s) => [s.heading, s.entries.length, s.rangeLabel]),
    [['Summaries', 2, '']],
  );
});

test('two lists are paged as one sequence, each page showing the part of each list it holds, with its range', () => {
  const summaries = [9, 8, 7, 6, 5].map(view);
  const opinions = [9, 4, 3].map(view);
  const parts = splitLists(
    base,
    [
      { id: 'summarized', heading: 'Summaries by Ada', entries: summaries },
      { id: 'opined', heading: 'Opinions by Ada', entries: opinions },
    ],
    site,
    3,
  );
  assert.deepEqual(
    parts.map((p) => [p.address.path, p.sections.map((s) => `${s.id} ${s.rangeLabel}`)]),
    [
      ['summarizers/ada/', ['summarized 1–3 of 5']],
      ['summarizers/ada/page/2/', ['summarized 4–5 of 5', 'opined 1–1 of 3']],
      ['summarizers/ada/page/3/', ['opined 2–3 of 3']],
    ],
  );
  assert.deepEqual(
    parts.flatMap((p) => p.sections.flatMap((s) => s.entries)),
    [...summaries, ...opinions],
    'every entry once, in order',
  );
  const second = parts[1]!.pager!;
  assert.equal(second.label, 'Page 2 of 3');
  assert.deepEqual(
    second.pages.map((p) => [p.href, p.range, p.current]),
    [
      ['/summarizers/ada/', 'AN #9 – AN #7', false],
      ['/summarizers/ada/page/2/', 'AN #6 – AN #9', true],
      ['/summarizers/ada/page/3/', 'AN #4 – AN #3', false],
    ],
  );
  assert.equal(second.prev?.number, 1);
  assert.equal(second.next?.number, 3);
  assert.equal(parts[0]!.pager!.prev, null);
});

test('an empty list is one page with nothing on it; the pages after the first become views of their own', () => {
  assert.deepEqual(
    splitLists(base, [{ id: 's', heading: 'S', entries: [] }], site).map((p) => p.sections),
    [[]],
  );
  assert.equal(listPagePath(base, 1), base);
  const parts = splitLists(base, [{ id: 's', heading: 'S', entries: [1, 2, 3].map(view) }], site, 1);
  const views = listPageViews({
    kind: 'person',
    owner: { href: '/summarizers/ada/', label: 'Ada', pageTitle: 'Ada: summaries' },
    countsLabel: '3 summaries',
    parts,
    siteUrl: site,
  });
  assert.deepEqual(
    views.map((v) => [v.path, v.canonical, v.pageTitle, v.index.label]),
    [
      ['summarizers/ada/page/2/', 'https://example.org/summarizers/ada/page/2/', 'Ada: summaries (page 2 of 3)', 'Summarizers'],
      ['summarizers/ada/page/3/', 'https://example.org/summarizers/ada/page/3/', 'Ada: summaries (page 3 of 3)', 'Summarizers'],
    ],
  );
});
