import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { frontMatter, isIsoDate, type FrontMatterResult } from '../../src/parse/front-matter.ts';
import { parseNewsletter } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const vocabulary = parseCategories(readFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), 'utf8'));

interface Seen {
  result: FrontMatterResult;
  warnings: { line: number; message: string }[];
}

function read(text: string): Seen {
  const warnings: { line: number; message: string }[] = [];
  const result = frontMatter(text, (line, message) => warnings.push({ line, message }));
  return { result, warnings };
}

const NONE = { number: null, title: null, date: null, source: null, excerpt: null, permalink: null };

test('valid front matter gives number, title, date and source, and the body starts on the line after the closing fence', () => {
  const { result, warnings } = read(
    '---\nnumber: 98\ntitle: "Understanding: it"\ndate: 2020-05-06\nsource: https://example.org/an-98\n---\nBody text.\n',
  );
  assert.deepEqual(warnings, []);
  assert.deepEqual(result.data, {
    number: 98,
    title: 'Understanding: it',
    date: '2020-05-06',
    source: 'https://example.org/an-98',
    excerpt: null,
    permalink: null,
  });
  assert.equal(result.body, 'Body text.\n');
  assert.equal(result.bodyLine, 7);
});

test('a text without front matter is all body, starting on line 1', () => {
  const { result, warnings } = read('Title (Author): summary.\n');
  assert.deepEqual(warnings, []);
  assert.deepEqual(result.data, NONE);
  assert.equal(result.body, 'Title (Author): summary.\n');
  assert.equal(result.bodyLine, 1);
});

test('front matter with CRLF line endings or after a byte order mark is read like any other', () => {
  for (const text of ['---\r\nnumber: 7\r\ndate: 2020-05-06\r\n---\r\nBody\r\n', '\uFEFF---\nnumber: 7\ndate: 2020-05-06\n---\nBody\r\n']) {
    const { result, warnings } = read(text);
    assert.deepEqual(warnings, []);
    assert.equal(result.data.number, 7);
    assert.equal(result.data.date, '2020-05-06');
    assert.equal(result.bodyLine, 5);
  }
});

test('a number that is a fraction is ignored with a warning on its own line, the other keys are kept', () => {
  const { result, warnings } = read('---\ntitle: T\nnumber: 4.5\n---\nBody');
  assert.deepEqual(result.data, { ...NONE, title: 'T' });
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.line, 3);
  assert.match(warnings[0]!.message, /number 4\.5 is not a whole number/);
});

test('a number written as a word or a negative number is not a whole number', () => {
  for (const value of ['twelve', '-3', '1e3x', 'true']) {
    const { result, warnings } = read(`---\nnumber: ${value}\n---\nBody`);
    assert.equal(result.data.number, null, value);
    assert.equal(warnings.length, 1, value);
    assert.equal(warnings[0]!.line, 2, value);
    assert.match(warnings[0]!.message, /not a whole number/, value);
  }
});

test('a number given as a quoted string of digits is accepted', () => {
  const { result, warnings } = read('---\nnumber: "12"\n---\nBody');
  assert.deepEqual(warnings, []);
  assert.equal(result.data.number, 12);
});

test('a date that is not a calendar date, or not written YYYY-MM-DD, is ignored with a warning on its line', () => {
  for (const value of ['2020-02-30', 'May 6, 2020', '06/05/2020', '2020-13-01']) {
    const { result, warnings } = read(`---\nnumber: 1\ndate: ${value}\n---\nBody`);
    assert.equal(result.data.date, null, value);
    assert.equal(result.data.number, 1, value);
    assert.equal(warnings.length, 1, value);
    assert.equal(warnings[0]!.line, 3, value);
    assert.match(warnings[0]!.message, /is not a date \(YYYY-MM-DD\)/, value);
  }
});

test('isIsoDate accepts real dates only, leap days included', () => {
  assert.equal(isIsoDate('2020-02-29'), true);
  assert.equal(isIsoDate('2019-02-29'), false);
  assert.equal(isIsoDate('2020-13-01'), false);
  assert.equal(isIsoDate('2020-05-06T00:00'), false);
});

test('a source that is not an http(s) URL is ignored with a warning', () => {
  const { result, warnings } = read('---\nsource: javascript:alert(1)\n---\nBody');
  assert.equal(result.data.source, null);
  assert.equal(warnings[0]?.line, 2);
  assert.match(warnings[0]?.message ?? '', /not an http\(s\) URL/);
});

test('a title that is not text is ignored with a warning', () => {
  const { result, warnings } = read('---\nnumber: 2\ntitle: {a: 1}\n---\nBody');
  assert.equal(result.data.title, null);
  assert.equal(result.data.number, 2);
  assert.equal(warnings[0]?.line, 3);
  assert.match(warnings[0]?.message ?? '', /title is not text/);
});

test('front matter that is a list, not a mapping, is ignored with a warning', () => {
  const { result, warnings } = read('---\n- a\n- b\n---\nBody');
  assert.deepEqual(result.data, NONE);
  assert.equal(result.body, 'Body');
  assert.match(warnings[0]?.message ?? '', /not a mapping/);
});

test('invalid YAML is reported as such, its plain one-line keys are still read, and the body is the text after the fence', () => {
  const { result, warnings } = read('---\nnumber: 5\ntitle: [unclosed\ndate: 2020-01-01\n---\nBody\n');
  assert.deepEqual(result.data, { ...NONE, number: 5, date: '2020-01-01' });
  assert.equal(result.body, 'Body\n');
  assert.equal(result.bodyLine, 6);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!.message, /not valid YAML/);
  assert.ok(warnings[0]!.line >= 3 && warnings[0]!.line <= 5, `line ${warnings[0]!.line} is inside the front matter`);
});

test('invalid YAML is reported on the raw file line that holds the error', () => {
  // `a: 2` repeats a key on line 3 of the file; `title: x: y` is bad on line 3.
  for (const text of [
    '---\na: 1\na: 2\n---\nBody',
    '---\nnumber: 1\ntitle: x: y: z\n---\nBody',
    '---\nnumber: 5\n  bad: indent\ntitle: x\n---\nBody',
  ]) {
    const { warnings } = read(text);
    assert.equal(warnings.length, 1, text);
    assert.match(warnings[0]!.message, /not valid YAML/);
    assert.equal(warnings[0]!.line, 3, JSON.stringify(text));
  }
});

test('an opening fence without a closing one reads the whole file as text, with a warning on line 1', () => {
  const { result, warnings } = read('---\nnumber: 3\nTitle (A): text.');
  assert.deepEqual(result.data, NONE);
  assert.equal(result.body, '---\nnumber: 3\nTitle (A): text.');
  assert.deepEqual(
    warnings.map((w) => w.line),
    [1],
  );
});

test('front matter warnings carry the file name when they come through the parser', () => {
  const issue = parseNewsletter(
    { file: 'an-004.txt', text: '---\nnumber: four\ndate: 2020-02-31\n---\nTitle (Author) (summarized by Rohin): A summary.\n' },
    { vocabulary, dialect: AN_DIALECT },
  );
  const fm = issue.warnings.filter((w) => w.message.startsWith('front matter'));
  assert.deepEqual(
    fm.map((w) => [w.file, w.line]),
    [
      ['an-004.txt', 2],
      ['an-004.txt', 3],
    ],
  );
  assert.equal(issue.date, null);
  // The number falls back to the file name, as for a file with no front matter.
  assert.equal(issue.number, 4);
  assert.equal(issue.entries.length, 1);
});
