import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../src/parse/clean-text.ts';
import { splitComments } from '../src/parse/split-comments.ts';

const noWarn = (): void => {};

test('reader comments after the forum furniture are cut off and counted from the stated number', () => {
  const text = 'Entry text.\n\nNew to LessWrong?\n\nNew Comment\n3 comments, sorted by Click to highlight new comments since: Today at 8:22 PM\nFirst.\n\nSecond.\n';
  const { text: kept, commentsDropped } = splitComments(cleanText(text, 1), noWarn);
  assert.equal(commentsDropped, 3);
  assert.deepEqual(kept.lines.map((l) => l.text).filter(Boolean), ['Entry text.']);
});

test('without a stated number, each paragraph after the furniture counts as a comment', () => {
  const { commentsDropped } = splitComments(cleanText('Entry.\n\nNew Comment\nOne.\n\nTwo.\n', 1), noWarn);
  assert.equal(commentsDropped, 2);
});

test('furniture inline in a flattened issue cuts the line there', () => {
  const { text, commentsDropped } = splitComments(cleanText('Entry text. New Comment 2 comments, sorted by top scoring A reply.', 1), noWarn);
  assert.equal(text.lines[0]!.text, 'Entry text.');
  assert.equal(commentsDropped, 2);
});

test('an issue without furniture is unchanged', () => {
  const cleaned = cleanText('A summary that mentions a new comment in passing.', 1);
  assert.deepEqual(splitComments(cleaned, noWarn), { text: cleaned, commentsDropped: 0 });
});
