import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchHeader } from '../../src/parse/header.ts';
import { AN_RULES } from '../support/dialect.ts';

test('a full header gives title, authors, summarizers and hat tips, and where the summary starts', () => {
  const text = 'Gardens of Forking Plans (Ann Lee et al) (summarized by Rohin and Flo) (H/T Sam Roe): The summary.';
  const h = matchHeader(text, AN_RULES)!;
  assert.equal(h.title, 'Gardens of Forking Plans');
  assert.equal(h.authors, 'Ann Lee et al');
  assert.deepEqual(h.summarizers, ['Rohin', 'Flo']);
  assert.deepEqual(h.hatTips, ['Sam Roe']);
  assert.equal(text.slice(h.length), 'The summary.');
  assert.equal(h.standalone, false);
});

test('a title may hold colons, question marks, quotes and parentheses', () => {
  const h = matchHeader('Why "Safe" Isn\'t Simple: A Reply (Part 2)? (Kim Oh) (summarized by Rohin): Text', AN_RULES)!;
  assert.equal(h.title, 'Why "Safe" Isn\'t Simple: A Reply (Part 2)?');
  assert.equal(h.authors, 'Kim Oh');
});

test('a job post has no authors, only a summarizer', () => {
  const h = matchHeader('Research Fellow Openings: Apply Now (summarized by Rohin): Deadline soon.', AN_RULES)!;
  assert.equal(h.title, 'Research Fellow Openings: Apply Now');
  assert.equal(h.authors, null);
});

test('an early header has authors and a spaced colon but no summarizer', () => {
  const h = matchHeader('Conditional bread preferences (Jo Baker) : When people say...', AN_RULES)!;
  assert.equal(h.title, 'Conditional bread preferences');
  assert.equal(h.authors, 'Jo Baker');
  assert.deepEqual(h.summarizers, []);
});

test('a header alone on its line is a stand-alone "see also" item', () => {
  const h = matchHeader('Notes on Cheap Talk (Elena Varga and Kofi Mensah)', AN_RULES)!;
  assert.equal(h.standalone, true);
  assert.equal(h.authors, 'Elena Varga and Kofi Mensah');
});

test('Markdown export headers lose their markup and keep the link target', () => {
  const h = matchHeader('**[Tea Leaves](https://example.org/tea)** *(Ann Wu)* (summarized by Rohin): We read.', AN_RULES)!;
  assert.equal(h.title, 'Tea Leaves');
  assert.equal(h.url, 'https://example.org/tea');
  assert.equal(h.authors, 'Ann Wu');
});

test('sentences that merely contain a parenthetical and a colon are not headers', () => {
  assert.equal(matchHeader('We then define the Grand Unified Conjecture (GUC): "a claim".', AN_RULES), null);
  assert.equal(matchHeader('The results are shown below (see Section 3): accuracy rises.', AN_RULES), null);
  assert.equal(matchHeader('In short, this was argued before, by them (Smith and Jones).', AN_RULES), null);
  assert.equal(matchHeader('Plain paragraph with no parenthetical at all.', AN_RULES), null);
});

test('a header with a very long author list is still a header', () => {
  const names = Array.from({ length: 40 }, (_, i) => `Author${String.fromCharCode(65 + (i % 26))} Surname${i}`).join(', ');
  const h = matchHeader(`Relational Things (${names}) (summarized by Rohin): Text.`, AN_RULES)!;
  assert.equal(h.title, 'Relational Things');
  assert.equal(h.authors, names);
});

test('a summary that opens with emphasis keeps its opening marker; a marker closing the header is passed over', () => {
  const opens = '**Maps of Meadows** *(Ida Berg)* (summarized by Rohin): **[Earlier work](https://example.org/x)** (**AN #5**) asked this.';
  assert.equal(opens.slice(matchHeader(opens, AN_RULES)!.length), '**[Earlier work](https://example.org/x)** (**AN #5**) asked this.');
  const italic = 'Maps of Meadows (Ida Berg) (summarized by Rohin): _This one is editorialized._ The rest.';
  assert.equal(italic.slice(matchHeader(italic, AN_RULES)!.length), '_This one is editorialized._ The rest.');
  const closing = '**Maps of Meadows (Ida Berg) (summarized by Rohin):** The summary.';
  assert.equal(closing.slice(matchHeader(closing, AN_RULES)!.length), 'The summary.');
});
