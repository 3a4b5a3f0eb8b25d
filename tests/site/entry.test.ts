/** One entry's view (src/site/archive/entry.ts), as every page that shows the entry gets it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { authorsLabel, type EntryView } from '../../src/site/archive/entry.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

/** The view of the first entry of one issue made of `entries`. */
function viewOf(...entries: ReturnType<typeof entry>[]): EntryView {
  const site = collectSite([issue(4, '2020-03-02', entries)], options);
  const block = site.issues[0]!.blocks.find((b) => b.kind === 'entry');
  assert.ok(block?.kind === 'entry');
  return block.entry;
}

test('an entry links to its place on the issue page and to its summary page, under the site prefix for canonical addresses', () => {
  const view = viewOf(entry('Tidy Gradients', { id: 'tidy-gradients' }));
  assert.equal(view.anchor, 'tidy-gradients');
  assert.equal(view.entryHref, '/issues/an-004/#tidy-gradients');
  assert.equal(view.entryCanonical, 'https://example.org/repo/issues/an-004/#tidy-gradients');
  assert.equal(view.paperHref, '/papers/tidy-gradients/');
  assert.equal(view.issue.id, 'an-004');
});

test('its categories, summarizers and opinions are links to their pages, each opinion labelled with its author', () => {
  const view = viewOf(
    entry('Tidy Gradients', {
      category: ['Technical AI alignment', 'Interpretability'],
      summarizers: ['Ann Lee'],
      opinions: [{ by: 'Bo Chan', text: 'I *like* it.' }],
    }),
  );
  assert.deepEqual(
    view.categories.map((c) => c.label),
    ['Technical AI alignment', 'Interpretability'],
  );
  assert.ok(view.categories.every((c) => c.href.startsWith('/categories/')));
  assert.deepEqual(
    view.summarizers.map((s) => s.label),
    ['Ann Lee'],
  );
  assert.equal(view.opinions[0]!.by, 'Bo Chan');
  assert.equal(view.opinions[0]!.label, 'Bo Chan’s opinion');
  assert.match(view.opinions[0]!.byHref, /^\/summarizers\/bo-chan\/$/);
  assert.match(view.opinions[0]!.html, /<em>like<\/em>/);
});

test('a title link to anything but a web address is dropped: the title stays text', () => {
  assert.equal(viewOf(entry('Sly Link', { url: 'javascript:alert(1)' })).titleUrl, null);
  assert.equal(viewOf(entry('Good Link', { url: 'https://example.org/paper' })).titleUrl, 'https://example.org/paper');
});

test('the paper authors label joins the names and says et al. when the list is cut', () => {
  assert.equal(authorsLabel(['Ann Lee', 'Bo Chan'], false), 'Ann Lee, Bo Chan');
  assert.equal(authorsLabel(['Ann Lee'], true), 'Ann Lee et al.');
  assert.equal(authorsLabel([], true), '');
});
