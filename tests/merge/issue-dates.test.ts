import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DatesMemo, dateIssues, footerYear, newestArxiv, textBounds } from '../../src/merge/issue-dates.ts';
import { parseIssuesFile, readDateCell } from '../../src/merge/issues-file.ts';
import type { Issue } from '../../src/records/types.ts';
import { entry } from '../support/records.ts';
import { issue } from '../support/site.ts';

test('the dates file names issues by file or number, in any column order and case, and reads days, months and years', () => {
  const file = parseIssuesFile(
    'Number,Date,file,Title,Source\n3,2021-02-03,,Third,https://example.org/3\n,2021-05,issue-four.md,,\n5,2021,,,\n',
    'issues.csv',
  );
  assert.deepEqual(file.warnings, []);
  assert.deepEqual(
    file.rows.map((r) => [
      r.line,
      r.number,
      r.file,
      r.date,
      r.bounds?.notBefore?.date ?? null,
      r.bounds?.notAfter?.date ?? null,
      r.title,
      r.url,
    ]),
    [
      [2, 3, null, '2021-02-03', null, null, 'Third', 'https://example.org/3'],
      [3, null, 'issue-four.md', null, '2021-05-01', '2021-05-31', null, null],
      [4, 5, null, null, '2021-01-01', '2021-12-31', null, null],
    ],
  );
});

test('a bad cell in the dates file is a warning naming its line, and the rest of the row is kept', () => {
  const file = parseIssuesFile(
    '# dates of the issues\nnumber,date,url,colour\n3,2021-02-30,javascript:alert(1),red\n,2021-03-01,,\nfour,2021-03-02,,\n',
    'content/issues.csv',
  );
  assert.deepEqual(
    file.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`),
    [
      'content/issues.csv:2: column "colour" is not one of file, number, date, title, url: ignored',
      'content/issues.csv:3: date "2021-02-30" is not a date (YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known): ignored',
      'content/issues.csv:3: url "javascript:alert(1)" is not an http(s) address: ignored',
      'content/issues.csv:4: the row names no issue (no file, no number): left out',
      'content/issues.csv:5: number "four" is not an issue number: ignored',
      'content/issues.csv:5: the row names no issue (no file, no number): left out',
    ],
  );
  assert.deepEqual(
    file.rows.map((r) => [r.number, r.date, r.url]),
    [[3, null, null]],
  );
});

test('a date cell is a day, a month or a year of the calendar, or nothing', () => {
  assert.deepEqual(readDateCell('2020-2-9', 'x'), { date: '2020-02-09' });
  assert.equal(readDateCell('2020-02-30', 'x'), null);
  assert.equal(readDateCell('2020-13', 'x'), null);
  assert.equal(readDateCell('May 2020', 'x'), null);
  const leap = readDateCell('2024-02', 'x');
  assert.ok(leap !== null && 'bounds' in leap);
  assert.equal(leap.bounds.notAfter?.date, '2024-02-29');
});

test("an email footer's copyright year bounds the issue to that year; a web page's footer does not", () => {
  const email =
    'Summary text.\n\nCopyright © 2019 - 2021 A Person, All rights reserved.\nOur mailing address is: somewhere\nunsubscribe from this list';
  const bounds = footerYear(email)!;
  assert.deepEqual([bounds.notBefore?.date, bounds.notAfter?.date, bounds.notBefore?.precision], ['2021-01-01', '2021-12-31', 'year']);
  assert.match(bounds.notBefore!.from, /copyright year \(© 2021\)/);
  assert.equal(
    footerYear('<footer>© 2025 The Forum. All rights reserved.</footer>'),
    null,
    'no email furniture: the year the page was saved',
  );
  assert.equal(footerYear('Please unsubscribe me. Nothing else here.'), null);
});

test('the newest arXiv paper an issue links bounds it from below by that month, wherever in the issue it is linked', () => {
  const i = issue(7, null, [
    entry('Old', { url: 'https://arxiv.org/abs/1905.01234' }),
    entry('New', { summary: 'See [this](https://arxiv.org/pdf/2012.04567v2) and arXiv:2011.00001.' }),
    entry('Not an id', { summary: 'In 2099.12345 dollars, and arxiv.org/abs/0013.1234 (no month 13).' }),
  ]);
  assert.deepEqual(newestArxiv(i), { date: '2020-12-01', precision: 'month', from: 'the newest arXiv paper it links (2012.04567)' });
  assert.equal(newestArxiv(issue(8, null, [entry('Plain')])), null);
});

test('a footer year older than a paper the issue links is a stale template: only the paper bound is kept', () => {
  const i = issue(7, null, [entry('New', { url: 'https://arxiv.org/abs/2103.00001' })]);
  const bounds = textBounds(i, 'Copyright © 2020 X, All rights reserved. unsubscribe');
  assert.deepEqual([bounds?.notBefore?.date, bounds?.notAfter], ['2021-03-01', null]);
});

test('the dates file wins over what the files say, warns when it changes a date, and keeps a partial date as bounds', () => {
  const issues: Issue[] = [
    issue(1, '2020-01-01', [entry('A')], { file: 'one.md', title: 'From the file' }),
    issue(2, null, [entry('B')], { file: 'two.md' }),
    issue(3, '2020-03-03', [entry('C')], { file: 'sub/three.md' }),
    issue(4, null, [entry('D', { url: 'https://arxiv.org/abs/2001.00001' })], { file: 'four.md' }),
  ];
  const file = parseIssuesFile(
    'file,number,date,title,url\none.md,,2020-01-08,Better title,https://example.org/posts/1\n,2,2020-02,,\nthree.md,,,,https://example.org/3\n,9,2020-09-09,,\n',
    'issues.csv',
  );
  const { issues: out, warnings } = dateIssues(issues, file, () => null);
  assert.deepEqual(
    out.map((i) => [i.date, i.title, i.source, i.dateBounds?.notBefore?.date ?? null, i.dateBounds?.notAfter?.date ?? null]),
    [
      ['2020-01-08', 'Better title', 'https://example.org/posts/1', null, null],
      [null, issues[1]!.title, null, '2020-02-01', '2020-02-29'],
      ['2020-03-03', issues[2]!.title, 'https://example.org/3', null, null],
      [null, issues[3]!.title, null, '2020-01-01', null],
    ],
  );
  assert.deepEqual(
    warnings.map((w) => `${w.file}:${w.line}: ${w.message}`),
    [
      'issues.csv:5: no issue #9 in the archive: the row is not used',
      "issues.csv:2: one.md says 2020-01-01; the dates file's 2020-01-08 is used",
    ],
  );
});

test('a file name matching two files, or a number two files claim, is refused with a warning', () => {
  const issues: Issue[] = [
    issue(1, null, [entry('A')], { file: 'a/x.md', id: 'an-001' }),
    issue(1, null, [entry('B')], { file: 'b/x.md', id: 'an-001-b' }),
  ];
  const file = parseIssuesFile('file,number,date\nx.md,,2020-01-01\n,1,2020-01-01\na/x.md,,2020-01-02\n', 'issues.csv');
  const { issues: out, warnings } = dateIssues(issues, file, () => null);
  assert.deepEqual(
    out.map((i) => i.date),
    ['2020-01-02', null],
  );
  assert.equal(warnings.length, 2);
  assert.match(warnings[0]!.message, /"x.md" names 2 files/);
  assert.match(warnings[1]!.message, /2 files are issue #1/);
});

test('an issue the stage does not change is the same object, and a kept result is handed out again', () => {
  const plain = Object.freeze(issue(1, '2020-01-01', [entry('A')]));
  const memo = new DatesMemo();
  const undated = Object.freeze(issue(2, null, [entry('B', { url: 'https://arxiv.org/abs/2001.00001' })]));
  const first = dateIssues([plain, undated], null, () => null, memo).issues;
  assert.equal(first[0], plain);
  assert.notEqual(first[1], undated);
  assert.ok(Object.isFrozen(first[1]));
  assert.equal(dateIssues([plain, undated], null, () => null, memo).issues[1], first[1]);
});
