/** The facts of one entry (src/site/archive/entry-facts.ts), from hand-made entries. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factsOf } from '../../src/site/archive/entry-facts.ts';
import { SiteReuse } from '../../src/site/reuse.ts';
import { deepFreeze, entry } from '../support/records.ts';

test('an entry that was not merged gets the paper its text describes: its authors split, et al kept, its topic slugged', () => {
  const facts = factsOf(
    entry('Ropes & Pulleys: A Study', {
      authors: 'Ada Lovelace and Bo Chen et al',
      category: ['Technical AI alignment', 'Interpretability'],
    }),
    new SiteReuse(),
  );
  assert.equal(facts.paperSlug, 'ropes-pulleys-a-study');
  assert.deepEqual(
    facts.paper.authors.map((a) => [a.name, a.surname, a.slug]),
    [
      ['Ada Lovelace', 'Lovelace', 'ada-lovelace'],
      ['Bo Chen', 'Chen', 'bo-chen'],
    ],
  );
  assert.equal(facts.paper.etAl, true);
  assert.equal(facts.paper.url, null);
  assert.deepEqual(facts.paper.topic, ['Technical AI alignment', 'Interpretability']);
  assert.deepEqual(facts.categorySlugs, ['technical-ai-alignment', 'interpretability']);
});

test('the excerpt is the summary as plain text, cut to about 220 characters; the words are the title and the summary and opinions, normalised', () => {
  const long = `Ropes **hold** _things_. ${'knot '.repeat(100)}`;
  const facts = factsOf(entry('Knots', { summary: long, opinions: [{ by: 'Ada', text: 'Strong Ropes.' }] }), new SiteReuse());
  assert.ok(facts.excerpt.startsWith('Ropes hold things. knot'), facts.excerpt);
  assert.ok(facts.excerpt.length <= 221, `${facts.excerpt.length} characters`);
  assert.equal(facts.words.title, 'knots');
  assert.ok(facts.words.text.startsWith('ropes hold things knot'), facts.words.text);
  assert.ok(facts.words.text.endsWith('strong ropes'), facts.words.text);
});

test('the facts of a frozen entry are worked out once and handed back; an entry that may change is worked out every time', () => {
  const reuse = new SiteReuse();
  const frozen = deepFreeze(entry('Frozen Lakes'));
  assert.equal(factsOf(frozen, reuse), factsOf(frozen, reuse));
  const open = entry('Open Water');
  const first = factsOf(open, reuse);
  open.title = 'Open Seas';
  const second = factsOf(open, reuse);
  assert.notEqual(first, second);
  assert.equal(second.paperSlug, 'open-seas');
});

test('a highlight with no topic of its own has none: the highlight is a flag of the paper, never a category', () => {
  const facts = factsOf(entry('Bright Ideas', { category: ['Highlights'], highlight: true }), new SiteReuse());
  assert.equal(facts.paper.highlight, true);
  assert.deepEqual(facts.paper.topic, []);
  assert.deepEqual(facts.categorySlugs, []);
});
