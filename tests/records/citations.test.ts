import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  citedIssues,
  claimRank,
  linkTextIssue,
  mentionedIssues,
  numberFromFileName,
  numberOwner,
  numberOwners,
} from '../../src/records/citations.ts';
import { compileDialect, GENERIC_DIALECT } from '../../src/records/dialect.ts';

/** A made-up newsletter that cites its issues as `WR #12`. */
const rules = compileDialect({ ...GENERIC_DIALECT, name: 'Weekly Robots', citation: 'WR #{number}' });
const silent = compileDialect(GENERIC_DIALECT);

test('mentions of other issues are read in every form, in order of first mention, without repeats', () => {
  assert.deepEqual(mentionedIssues(['See (WR #74) and WR #12.', 'Also (**[WR #74](https://x.org/74)**), then WR#3.'], rules), [74, 12, 3]);
  assert.deepEqual(mentionedIssues(['No issue is cited here; #5 alone is no citation.'], rules), []);
});

test('a newsletter without a citation pattern cites nothing', () => {
  assert.deepEqual(mentionedIssues(['(WR #74)'], silent), []);
  assert.deepEqual(citedIssues('(WR #74)', silent), []);
  assert.equal(linkTextIssue('WR #72', silent), null);
});

test('citations in running text are the parenthesised ones, padded or not, repeats kept', () => {
  assert.deepEqual(citedIssues('Earlier (WR #74), again ( WR #74 ), and (WR#9); but WR #5 bare is a mention only.', rules), [74, 74, 9]);
});

test('a link whose whole text is an issue names that issue; any other text names none', () => {
  assert.equal(linkTextIssue('WR #72', rules), 72);
  assert.equal(linkTextIssue('the WR #72 summary', rules), null);
});

test('the number a file name carries: alone, after one or two words, after a Jekyll date; a year after words is a name', () => {
  assert.equal(numberFromFileName('issue-098.txt'), 98);
  assert.equal(numberFromFileName('2020/WR98.md'), 98);
  assert.equal(numberFromFileName('weekly-robots-98.txt'), 98);
  assert.equal(numberFromFileName('2021-01-18-99.md'), 99);
  assert.equal(numberFromFileName('98.md'), 98);
  assert.equal(numberFromFileName('this-year-2018.md'), null);
  assert.equal(numberFromFileName('notes.md'), null);
  assert.equal(numberFromFileName('one-two-three-98.md'), null, 'three words before the number');
});

test('a file named by one short word and the number claims its number most strongly, then a name that carries it, then text alone', () => {
  assert.equal(claimRank('wr-098.txt', 98), 0);
  assert.equal(claimRank('98.md', 98), 0);
  assert.equal(claimRank('WR98.md', 98), 1);
  assert.equal(claimRank('weekly-robots-98.txt', 98), 1);
  assert.equal(claimRank('draft.txt', 98), 2);
  assert.equal(claimRank('wr-097.txt', 98), 2, 'a name with another number claims by text only');
});

test('of the files claiming one number, the strongest claim owns it, then the first path; adding a weaker claimant changes nothing', () => {
  const strong = { file: 'wr-098.txt', number: 98 };
  const weaker = { file: 'WR98.md', number: 98 };
  const textOnly = { file: 'aaa-draft.txt', number: 98 };
  assert.equal(numberOwner([weaker, textOnly, strong]), strong);
  assert.equal(numberOwner([textOnly, weaker]), weaker);
  assert.equal(
    numberOwner([
      { file: 'b/draft.txt', number: 98 },
      { file: 'a/draft.txt', number: 98 },
    ]).file,
    'a/draft.txt',
  );
  const owners = numberOwners([strong, { file: 'wr-099.txt', number: 99 }, { file: 'intro.txt', number: null }, weaker]);
  assert.deepEqual([...owners.keys()].sort(), [98, 99]);
  assert.equal(owners.get(98), strong);
});
