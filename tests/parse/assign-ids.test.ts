import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assignIds } from '../../src/parse/assign-ids.ts';
import { anchorSlug } from '../../src/records/slug.ts';
import type { EntryDraft } from '../../src/parse/read-fields.ts';

test('slugs are lower-case ASCII words joined by hyphens', () => {
  assert.equal(anchorSlug('Is SGD a Bayesian Sampler? Well, almost.'), 'is-sgd-a-bayesian-sampler-well-almost');
  assert.equal(anchorSlug('Adrià’s “Fancy” Title & Co'), 'adrias-fancy-title-and-co');
  assert.ok(anchorSlug('word '.repeat(40)).length <= 80);
});

test('an ASCII title gets the same slug on the one-pass path as on the general path', () => {
  // A no-break space sends a title down the general (normalising) path and only adds a separator,
  // which slugs trim: both paths must agree on every ASCII title.
  const ascii = fc.string({ unit: fc.constantFrom(..."aZz09 -&'’.?!_()[]#/\\".replace('’', '')), maxLength: 120 });
  fc.assert(
    fc.property(ascii, (title) => anchorSlug(title) === anchorSlug(`${title}\u00a0`)),
    { seed: 7, numRuns: 2000 },
  );
  assert.equal(anchorSlug("Rohin's & Flo's   --Title--"), 'rohins-and-flos-title');
});

test('the same title twice in one issue gets distinct anchors, in reading order', () => {
  const draft = (title: string): EntryDraft => ({
    title,
    authors: null,
    summarizers: [],
    hatTips: [],
    category: [],
    highlight: false,
    summary: '',
    opinions: [],
    readMore: [],
    prerequisites: [],
    references: [],
    line: 1,
    url: null,
    outlet: null,
    related: [],
  });
  assert.deepEqual(
    assignIds([draft('Same'), draft('Other'), draft('Same'), draft('<b>')]).map((e) => e.id),
    ['same', 'other', 'same-2', 'b'],
  );
  assert.deepEqual(
    assignIds([draft('???')]).map((e) => e.id),
    ['entry'],
  );
});
