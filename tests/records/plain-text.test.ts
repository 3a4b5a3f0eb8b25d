import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phrasingText, plainExcerpt, plainText, wordCount } from '../../src/records/plain-text.ts';

/** Inputs on which hand-written Markdown strippers went wrong, with the text a reader sees. */
const READ_AS_MARKDOWN: [string, string][] = [
  ['2\\*3 is six', '2*3 is six'],
  ['see [link](u(x)) here', 'see link here'],
  ['read [the paper][p] first\n\n[p]: https://example.org/p', 'read the paper first'],
  ['read [the paper] first\n\n[the paper]: https://example.org/p', 'read the paper first'],
  ['Tom &amp; Jerry &mdash; &#x41;gain', 'Tom & Jerry — Again'],
  ['**bold**, _em_ and `code`', 'bold, em and code'],
  ['![a chart](https://example.org/c.png) and <https://example.org/a>', 'a chart and https://example.org/a'],
];

test('both readings give the text a reader sees of links, references, escapes, entities and marks', () => {
  for (const [markdown, text] of READ_AS_MARKDOWN) {
    assert.equal(plainText(markdown), text, markdown);
    assert.equal(phrasingText(markdown), text, markdown);
  }
});

test('a document reads its blocks; a piece of source keeps its own line starts', () => {
  assert.equal(plainText('- one\n- two'), 'one two');
  assert.equal(phrasingText('- one\n- two'), '- one - two');
  assert.equal(plainText('1. **First**'), 'First');
  assert.equal(phrasingText('1. **First**'), '1. First');
  assert.equal(phrasingText('> quoted _words_'), '> quoted words');
  assert.equal(phrasingText('    indented [text](https://example.org)'), 'indented text');
  // A heading's marks go in both.
  assert.equal(plainText('## A *heading*'), 'A heading');
  assert.equal(phrasingText('## A *heading*'), 'A heading');
});

test('text with nothing Markdown reads as syntax is itself, its white space collapsed', () => {
  assert.equal(phrasingText('  Plain   words,\n\ton two lines  '), 'Plain words, on two lines');
  assert.equal(plainText('Plain words (and brackets) # not a heading'), 'Plain words (and brackets) # not a heading');
  assert.equal(phrasingText('A [bracketed] aside'), 'A [bracketed] aside');
  assert.equal(phrasingText('cousin_it'), 'cousin_it');
});

test('the same text read twice gives the same answer', () => {
  const text = '**[Gardens](https://example.org/g)** _(Mira Kovac)_';
  assert.equal(phrasingText(text), 'Gardens (Mira Kovac)');
  assert.equal(phrasingText(text), 'Gardens (Mira Kovac)');
});

test('word counts and excerpts are of the text as read', () => {
  assert.equal(wordCount('[a long title](https://example.org/x) -- two'), 4);
  assert.equal(plainExcerpt('**one** two three four', 12), 'one two…');
});

test('a piece of source reads a definition only when a reference of its own uses it', () => {
  assert.equal(phrasingText('[Issue 7]: Gardens of agents'), '[Issue 7]: Gardens of agents');
  assert.equal(phrasingText('[Ada Lovelace]: Notes'), '[Ada Lovelace]: Notes');
});
