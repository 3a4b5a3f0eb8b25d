/** The BM25+ index of related summaries (src/site/engines/bm25.ts) scores exactly as MiniSearch does. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { Bm25Index } from '../../src/site/engines/bm25.ts';

const FIELDS = ['title', 'summary', 'opinions'] as const;
const BOOSTS = [2, 1, 0.5];
const WORDS = [
  'agent',
  'reward',
  'model',
  'debate',
  'judge',
  'mesa',
  'optim',
  'honest',
  'chess',
  'protein',
  'fold',
  'wage',
  'chip',
  'curve',
];

const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 30 });
const documents = fc.array(fc.tuple(words, words, words), {
  minLength: 1,
  maxLength: 40,
});

test('every query scores every document exactly as MiniSearch scores it, boosts and field weights included', () => {
  fc.assert(
    fc.property(documents, fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }), (docs, query) => {
      const boost = (term: string): number => 1 + WORDS.indexOf(term) / 7;
      const mini = new MiniSearch<{ key: number; title: string; summary: string; opinions: string }>({
        idField: 'key',
        fields: [...FIELDS],
        tokenize: (text) => (text === '' ? [] : text.split(' ')),
        processTerm: (term) => term,
      });
      mini.addAll(
        docs.map(([title, summary, opinions], key) => ({
          key,
          title: title.join(' '),
          summary: summary.join(' '),
          opinions: opinions.join(' '),
        })),
      );
      const expected = new Map(
        mini
          .search(query.join(' '), { boost: { title: 2, summary: 1, opinions: 0.5 }, boostTerm: boost })
          .map((r) => [r.id as number, r.score]),
      );
      const { matched, scores } = new Bm25Index(docs, BOOSTS).search(query, boost);
      assert.deepEqual(new Set(matched), new Set(expected.keys()));
      for (const [doc, score] of expected) assert.equal(scores[doc], score, `document ${doc}`);
      docs.forEach((_d, doc) => {
        if (!expected.has(doc)) assert.equal(scores[doc], 0);
      });
    }),
    { numRuns: 200 },
  );
});

test('a query leaves nothing behind for the next one', () => {
  const index = new Bm25Index(
    [
      [['debate'], ['judge'], []],
      [['chess'], ['debate', 'chess'], []],
    ],
    BOOSTS,
  );
  const first = index.search(['debate'], () => 1);
  assert.deepEqual(first.matched.sort(), [0, 1]);
  const second = index.search(['chess'], () => 1);
  assert.deepEqual(second.matched, [1]);
  assert.equal(second.scores[0], 0);
});
