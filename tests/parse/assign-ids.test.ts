import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assignIds } from '../../src/parse/assign-ids.ts';
import { anchorSlug } from '../../src/records/slug.ts';
import type { EntryDraft } from '../../src/parse/read-fields.ts';
import { expectedAnchor } from '../../tools/generate/expected.ts';

const blank: EntryDraft = {
  title: '',
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
};

test('slugs are lower-case ASCII words joined by hyphens', () => {
  assert.equal(anchorSlug('Is SGD a Bayesian Sampler? Well, almost.'), 'is-sgd-a-bayesian-sampler-well-almost');
  assert.equal(anchorSlug('Adrià’s “Fancy” Title & Co'), 'adrias-fancy-title-and-co');
  assert.ok(anchorSlug('word '.repeat(40)).length <= 80);
});

/** FC_SEED replays a run; without it, a fresh seed (fast-check takes a 32-bit integer). */
const SEED = process.env.FC_SEED === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(process.env.FC_SEED);
process.stdout.write(`anchor seed: ${SEED} (replay: FC_SEED=${SEED} npx tsx --test tests/parse/assign-ids.test.ts)\n`);

/** Titles of ASCII punctuation, accented letters, a ligature, a no-break space, curly quotes and any code point at all. */
const title = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(..."aZz09 -&'’.?!_()[]#/\\\u00a0éÀñøßﬁİ") },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 200,
});

test('an anchor is what the records’ contract says, for any title: ASCII words in lower case, accents and apostrophes dropped, & as and, cut at a word past the middle of 80 characters', () => {
  // The oracle (tools/generate/expected.ts) is written from Entry.id's description, not from slug.ts.
  fc.assert(
    fc.property(title, (t) => (anchorSlug(t) || 'entry') === expectedAnchor(t)),
    { seed: SEED, numRuns: 2000 },
  );
  assert.equal(anchorSlug("Rohin's & Flo's   --Title--"), 'rohins-and-flos-title');
  assert.equal(anchorSlug('Résumé of ﬁve İdeas'), 'resume-of-five-ideas');
});

test('the anchors of an issue are its titles’ anchors, a repeated one numbered -2, -3 in reading order', () => {
  const draft = (t: string): EntryDraft => ({ ...blank, title: t });
  const titles = fc.array(fc.oneof(fc.constantFrom('Same', 'same!', 'Other', 'Same 2', '???'), title), { maxLength: 12 });
  fc.assert(
    fc.property(titles, (list) => {
      const ids = assignIds(list.map(draft)).map((e) => e.id);
      // Written out: the first of a base keeps it; each later one takes the first -n not yet taken.
      const taken: string[] = [];
      for (const t of list) {
        const base = expectedAnchor(t);
        let id = base;
        for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
        taken.push(id);
      }
      assert.deepEqual(ids, taken);
      assert.equal(new Set(ids).size, ids.length);
    }),
    { seed: SEED, numRuns: 500 },
  );
});

test('the same title twice in one issue gets distinct anchors, in reading order', () => {
  const draft = (t: string): EntryDraft => ({ ...blank, title: t });
  assert.deepEqual(
    assignIds([draft('Same'), draft('Other'), draft('Same'), draft('<b>')]).map((e) => e.id),
    ['same', 'other', 'same-2', 'b'],
  );
  assert.deepEqual(
    assignIds([draft('???')]).map((e) => e.id),
    ['entry'],
  );
  // A title whose own anchor is a numbered one takes the next free number.
  assert.deepEqual(
    assignIds([draft('Same'), draft('Same 2'), draft('Same')]).map((e) => e.id),
    ['same', 'same-2', 'same-3'],
  );
});
