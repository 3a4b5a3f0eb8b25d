/**
 * Plain-text inputs people really hand the parser: line endings of every platform, characters a
 * feed cannot carry. Hand-made texts, in the shapes newsletters use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../support/parse-helpers.ts';

const ISSUE = [
  '---',
  'number: 41',
  'date: 2021-03-04',
  'title: Tide tables',
  '---',
  'HIGHLIGHTS',
  '',
  'Tide Tables for Agents (Nora Quint) (summarized by Tomas): A method that predicts tides.',
  '',
  "Tomas's opinion: Useful.",
  '',
].join('\n');

test('front matter with CR-only line endings is read, and lines are counted as the file has them', () => {
  const issue = parse(ISSUE.replace(/\n/g, '\r'), 'tides.txt');
  assert.deepEqual([issue.number, issue.date, issue.title], [41, '2021-03-04', 'Tide tables']);
  assert.deepEqual(
    issue.entries.map((e) => [e.title, e.line]),
    [['Tide Tables for Agents', 8]],
  );
  assert.deepEqual(issue.warnings, []);
});

test('front matter with mixed line endings (CRLF, CR, LF) is read like any other', () => {
  const lines = ISSUE.split('\n');
  const mixed = lines.map((l, i) => l + (i === lines.length - 1 ? '' : ['\r\n', '\r', '\n'][i % 3])).join('');
  const issue = parse(mixed, 'tides.md');
  assert.deepEqual([issue.number, issue.date, issue.entries.length], [41, '2021-03-04', 1]);
});

test('control characters in a summary are removed with a warning naming the file and line; the summary is kept', () => {
  const issue = parse(ISSUE.replace('predicts tides', 'predicts\u0001 tides\uFFFE'), 'tides.txt');
  assert.equal(issue.entries[0]?.summary, 'A method that predicts tides.');
  assert.deepEqual(
    issue.warnings.map((w) => [w.file, w.line, w.message]),
    [['tides.txt', 8, 'control characters that no web page or feed can carry removed: U+0001, U+FFFE']],
  );
});
