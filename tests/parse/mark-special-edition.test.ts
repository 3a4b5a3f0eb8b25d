import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../support/parse-helpers.ts';

test('an issue with an intro and no headings at all presents its summaries as highlights', () => {
  const issue = parse('Welcome to a special edition about gardens!\n\nA Garden (Ann Lee) (summarized by Rohin): Plants.\n');
  assert.equal(issue.entries[0]!.highlight, true);
  assert.deepEqual(issue.entries[0]!.category, ['Highlights']);
});

test('an issue without an intro and without headings marks nothing', () => {
  const issue = parse('A Garden (Ann Lee) (summarized by Rohin): Plants.\n');
  assert.equal(issue.entries[0]!.highlight, false);
  assert.deepEqual(issue.entries[0]!.category, []);
});

test('an issue with headings is read by its headings', () => {
  const issue = parse('Intro note.\n\nNEWS\n\nA Garden (Ann Lee) (summarized by Rohin): Plants.\n');
  assert.equal(issue.entries[0]!.highlight, false);
  assert.deepEqual(issue.entries[0]!.category, ['News']);
});
