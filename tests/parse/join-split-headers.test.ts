import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/parse/clean-text.ts';
import { splitBlocks } from '../../src/parse/split-blocks.ts';
import { joinSplitHeaders } from '../../src/parse/join-split-headers.ts';
import { vocabulary } from '../support/parse-helpers.ts';
import { AN_RULES } from '../support/dialect.ts';

const join = (text: string) =>
  joinSplitHeaders(splitBlocks(cleanText(text, 1), vocabulary(), AN_RULES), AN_RULES).map((b) => [b.text, b.line]);

test('a title and its parentheticals in two paragraphs become one header, on the title line', () => {
  assert.deepEqual(join('Moon Maps for Rovers\n\n(Ann Lee and Bo Chen) (summarized by Flo): A summary.\n'), [
    ['Moon Maps for Rovers (Ann Lee and Bo Chen) (summarized by Flo): A summary.', 1],
  ]);
});

test('a sentence before a parenthetical paragraph is not taken for a title', () => {
  assert.deepEqual(join('The rovers map the moon.\n\n(Ann Lee) (summarized by Flo): A summary.\n').length, 2);
});

test('a title-like line followed by an ordinary paragraph stays as it is', () => {
  assert.deepEqual(join('Moon Maps for Rovers\n\n(This part is an aside.) The text goes on.\n').length, 2);
});
