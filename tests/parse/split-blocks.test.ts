import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/parse/clean-text.ts';
import { splitBlocks } from '../../src/parse/split-blocks.ts';
import { vocabulary } from '../support/parse-helpers.ts';
import { AN_RULES } from '../support/dialect.ts';

const blocks = (text: string) => splitBlocks(cleanText(text, 1), vocabulary(), AN_RULES);

test('line-based text gives one block a paragraph, with its line number', () => {
  const b = blocks('First para.\n\nSecond para.\n');
  assert.deepEqual(
    b.map((x) => [x.text, x.line]),
    [
      ['First para.', 1],
      ['Second para.', 3],
    ],
  );
});

test('Markdown headings carry their level: setext ==== is 1, ---- is 2, ### is 3', () => {
  const b = blocks('**Top**\n=====\n\n**Sub**\n-----\n\n### **Deeper**\n');
  assert.deepEqual(
    b.map((x) => [x.text, x.level]),
    [
      ['**Top**', 1],
      ['**Sub**', 2],
      ['**Deeper**', 3],
    ],
  );
});

test('a line continuing the paragraph above is joined to it', () => {
  const b = blocks('**Read more:** [Part one](https://a.org)  \n[Part two](https://b.org)\n');
  assert.equal(b.length, 1);
  assert.equal(b[0]!.text, '**Read more:** [Part one](https://a.org)\n[Part two](https://b.org)');
});

const flat =
  'Find all Alignment Newsletter resources here . HIGHLIGHTS Moon Maps (Ann Lee) (summarized by Rohin): A summary about the moon that runs on. ' +
  "Rohin's opinion: Nice. TECHNICAL AI ALIGNMENT INTERPRETABILITY Sun Maps: A Sequel? Yes. (Bo Chen et al) (summarized by Flo): Another summary " +
  'that is long enough to matter here. Read more: Paper: Sun Maps NEWS Tide Tables Open Call (summarized by Rohin): Apply now, says the text, which is long.';

test('a flattened line is cut at headings, headers and labels', () => {
  const b = blocks(flat);
  assert.deepEqual(
    b.map((x) => x.text.slice(0, 24)),
    [
      'HIGHLIGHTS',
      'Moon Maps (Ann Lee) (sum',
      "Rohin's opinion: Nice.",
      'TECHNICAL AI ALIGNMENT',
      'INTERPRETABILITY',
      'Sun Maps: A Sequel? Yes.',
      'Read more: Paper: Sun Ma',
      'NEWS',
      'Tide Tables Open Call (s',
    ],
  );
  assert.ok(b.every((x) => x.inline && x.line === 1));
  assert.deepEqual(
    b.filter((x) => x.level !== null).map((x) => x.text),
    ['HIGHLIGHTS', 'TECHNICAL AI ALIGNMENT', 'INTERPRETABILITY', 'NEWS'],
  );
});

test('the standing preamble inside a flattened line is dropped, not kept as a block', () => {
  assert.ok(!blocks(flat).some((x) => x.text.includes('resources here')));
});

test('page text: a heading line separated by a single newline is a block of its own, never glued to a paragraph', () => {
  const b = blocks(
    'Crossposted from the forum. May contain jargon.\nHighlights\n\nTechnical AI alignment\nProblems\nMoon Maps (Ann Lee): A summary.\n',
  );
  assert.deepEqual(
    b.map((x) => [x.text, x.line]),
    [
      ['Crossposted from the forum. May contain jargon.', 1],
      ['Highlights', 2],
      ['Technical AI alignment', 4],
      ['Problems', 5],
      ['Moon Maps (Ann Lee): A summary.', 6],
    ],
  );
});
