import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/parse/clean-text.ts';
import { readFileSync } from 'node:fs';
import { splitComments } from '../../src/parse/split-comments.ts';
import { parseCategories } from '../../src/records/categories.ts';
import { parseNewsletter } from '../../src/parse.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT, AN_RULES } from '../support/dialect.ts';

const noWarn = (): void => {};

test('reader comments after the forum furniture are cut off and counted from the stated number', () => {
  const text =
    'Entry text.\n\nNew to LessWrong?\n\nNew Comment\n3 comments, sorted by Click to highlight new comments since: Today at 8:22 PM\nFirst.\n\nSecond.\n';
  const { text: kept, commentsDropped } = splitComments(cleanText(text, 1), AN_RULES, noWarn);
  assert.equal(commentsDropped, 3);
  assert.deepEqual(kept.lines.map((l) => l.text).filter(Boolean), ['Entry text.']);
});

test('without a stated number, each paragraph after the furniture counts as a comment', () => {
  const { commentsDropped } = splitComments(cleanText('Entry.\n\nNew Comment\nOne.\n\nTwo.\n', 1), AN_RULES, noWarn);
  assert.equal(commentsDropped, 2);
});

test('furniture inline in a flattened issue cuts the line there', () => {
  const { text, commentsDropped } = splitComments(
    cleanText('Entry text. New Comment 2 comments, sorted by top scoring A reply.', 1),
    AN_RULES,
    noWarn,
  );
  assert.equal(text.lines[0]!.text, 'Entry text.');
  assert.equal(commentsDropped, 2);
});

test('an issue without furniture is unchanged', () => {
  const cleaned = cleanText('A summary that mentions a new comment in passing.', 1);
  assert.deepEqual(splitComments(cleaned, AN_RULES, noWarn), { text: cleaned, commentsDropped: 0 });
});

test('"New Comment" inside a sentence is text, in a line-based and in a flattened issue', () => {
  for (const text of [
    'Entry text. Click New Comment to reply, the post says.\n\nMore text.\n',
    'Entry text. Click New Comment to reply. Another Paper (Ann) (summarized by Rohin): More.',
  ]) {
    const cleaned = cleanText(text, 1);
    assert.deepEqual(splitComments(cleaned, AN_RULES, noWarn), { text: cleaned, commentsDropped: 0 }, text);
  }
});

test('furniture followed by text that still holds entries cuts nothing, with a warning naming both lines', () => {
  const warnings: string[] = [];
  const text = 'First Paper (Ann) (summarized by Rohin): Text.\n\nNew Comment\n\nSecond Paper (Bob) (summarized by Flo): More text.\n';
  const cleaned = cleanText(text, 1);
  const split = splitComments(cleaned, AN_RULES, (line, message) => warnings.push(`${line}: ${message}`));
  assert.deepEqual(split, { text: cleaned, commentsDropped: 0 });
  assert.deepEqual(warnings, [
    '3: "New Comment" looks like the start of the forum\'s comments, but an entry follows it (line 5): everything after it is kept',
  ]);
});

test('a summary that mentions New Comment keeps every later entry of the issue, with no cut-off warning', () => {
  const text = [
    'HIGHLIGHTS',
    '',
    'First Paper (Ann Lee) (summarized by Rohin): The forum adds a New Comment button to every post.',
    '',
    'Second Paper (Bob Roe) (summarized by Flo): A second summary.',
    '',
    'New Comment',
    '2 comments, sorted by top scoring',
    'A reader comment.',
    '',
  ].join('\n');
  const issue = parseNewsletter(
    { file: 'an-010.txt', text },
    { vocabulary: parseCategories(readFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), 'utf8')), dialect: AN_DIALECT },
  );
  assert.deepEqual(
    issue.entries.map((e) => e.title),
    ['First Paper', 'Second Paper'],
  );
  assert.equal(issue.commentsDropped, 2);
  assert.deepEqual(issue.warnings, []);
});
