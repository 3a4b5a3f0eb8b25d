/** Page slugs and identities that never depend on the rest of the archive (src/site/text/names.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

test('adding an issue never changes an existing summary slug, category slug or person slug', () => {
  const before = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('Deep RL from human preferences', { category: ['Technical AI alignment', 'Interpretability'], summarizers: ['Rohin'] }),
      ]),
    ],
    options,
  );
  const after = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('Deep RL from human preferences', { category: ['Technical AI alignment', 'Interpretability'], summarizers: ['Rohin'] }),
      ]),
      issue(0, '2018-01-01', [
        entry('Deep RL: from human preferences?', { category: ['interpretability'], summarizers: ['ROHIN'] }),
        entry('Deep RL from human preference'),
      ]),
    ],
    options,
  );
  const hrefs = (site: typeof before): string[] => [...site.papers, ...site.categories, ...site.summarizers].map((p) => p.href);
  for (const href of hrefs(before)) assert.ok(hrefs(after).includes(href), `${href} disappeared`);
  assert.deepEqual(
    before.issues[0]!.blocks.filter((b) => b.kind === 'entry').map((b) => (b.kind === 'entry' ? b.entry.anchor : '')),
    after.issues
      .find((i) => i.id === 'an-001')!
      .blocks.filter((b) => b.kind === 'entry')
      .map((b) => (b.kind === 'entry' ? b.entry.anchor : '')),
  );
});

test('very long titles that share a beginning still get different slugs', () => {
  const long = 'A very long title about the many ways in which learned optimizers could come apart from their base objective';
  const site = collectSite([issue(1, '2019-01-01', [entry(`${long} in theory`), entry(`${long} in practice`)])], options);
  const slugs = site.papers.map((p) => p.slug);
  assert.equal(new Set(slugs).size, 2);
  assert.ok(slugs.every((s) => s.length <= 90));
});
