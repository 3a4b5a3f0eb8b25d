import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DateBound, DateBounds } from '../../src/records/types.ts';
import { chronology, type Sequenced } from '../../src/site/archive/chronology.ts';

const issue = (id: string, number: number | null, date: string | null, dateBounds?: DateBounds): Sequenced => ({
  id,
  number,
  date,
  ...(dateBounds ? { dateBounds } : {}),
});
const bound = (date: string, precision: DateBound['precision'], from: string): DateBound => ({ date, precision, from });
const ends = (c: ReturnType<typeof chronology>, id: string): [string | null, string | null] => {
  const b = c.byId.get(id)!.bounds;
  return [b?.notBefore?.date ?? null, b?.notAfter?.date ?? null];
};

test('issues are ordered by number, and an undated issue stays between its neighbours', () => {
  const c = chronology([issue('c', 12, '2019-03-04'), issue('a', 10, '2019-02-18'), issue('b', 11, null)]);
  assert.deepEqual(
    c.ordered.map((p) => p.issue.id),
    ['a', 'b', 'c'],
  );
  const b = c.byId.get('b')!;
  assert.equal(b.previous?.id, 'a');
  assert.equal(b.next?.id, 'c');
  assert.equal(c.byId.get('a')!.previous, null);
  assert.equal(c.byId.get('c')!.next, null);
  assert.equal(b.index, 1);
});

test('previous and next follow numbers even when dates disagree with them', () => {
  const c = chronology([issue('late', 5, '2018-01-01'), issue('early', 6, '2017-12-01')]);
  assert.deepEqual(
    c.ordered.map((p) => p.issue.id),
    ['late', 'early'],
  );
});

test('an undated issue takes its year from the nearest dated issues on both sides when they fall in one year', () => {
  const c = chronology([issue('a', 1, '2019-11-02'), issue('b', 2, null), issue('c', 3, null), issue('d', 4, '2019-12-20')]);
  assert.deepEqual(
    c.ordered.map((p) => [p.issue.id, p.year, p.yearFrom]),
    [
      ['a', 2019, 'date'],
      ['b', 2019, 'bounds'],
      ['c', 2019, 'bounds'],
      ['d', 2019, 'date'],
    ],
  );
  assert.equal(c.withoutYear, 0);
  assert.equal(c.withoutDate, 2);
});

test('the year stays unknown when the neighbours disagree or one side has no dated issue', () => {
  const c = chronology([issue('a', 1, '2019-12-20'), issue('b', 2, null), issue('c', 3, '2020-01-03'), issue('d', 4, null)]);
  assert.deepEqual(
    c.ordered.map((p) => [p.issue.id, p.year, p.yearFrom]),
    [
      ['a', 2019, 'date'],
      ['b', null, null],
      ['c', 2020, 'date'],
      ['d', null, null],
    ],
  );
  assert.equal(c.withoutYear, 2);
  assert.deepEqual(c.years, [
    { year: 2019, issues: 1 },
    { year: 2020, issues: 1 },
  ]);
});

test('an issue with no number stands among the numbered ones by its date (a year in review), undated last, and never lends or borrows a year', () => {
  const c = chronology([
    issue('stray-undated', null, null),
    issue('n2', 2, '2020-05-01'),
    issue('review', null, '2020-04-20'),
    issue('stray-old', null, '2010-01-01'),
    issue('n1', 1, '2020-04-01'),
    issue('n3', 3, null),
    issue('stray-new', null, '2021-01-01'),
  ]);
  assert.deepEqual(
    c.ordered.map((p) => [p.issue.id, p.year]),
    [
      ['stray-old', 2010],
      ['n1', 2020],
      ['review', 2020],
      ['n2', 2020],
      ['n3', null],
      ['stray-new', 2021],
      ['stray-undated', null],
    ],
  );
  assert.equal(c.byId.get('review')!.previous?.id, 'n1');
  assert.equal(c.byId.get('review')!.next?.id, 'n2');
});

test('two issues with the same number are ordered by id, and the input is left as it was', () => {
  const input = [issue('x-copy', 7, null), issue('an-007', 7, null)];
  const before = JSON.stringify(input);
  const c = chronology(input);
  assert.deepEqual(
    c.ordered.map((p) => p.issue.id),
    ['an-007', 'x-copy'],
  );
  assert.equal(JSON.stringify(input), before);
  assert.equal(c.ordered[0]!.issue, input[1], 'places hold the records given, not copies');
});

test('an empty archive has no places and no years', () => {
  const c = chronology([]);
  assert.deepEqual([c.ordered, c.years, c.withoutYear, c.withoutDate, c.byId.size], [[], [], 0, 0, 0]);
});

test('a dated issue has no bounds; an undated one is bounded by the issues numbered before and after it, each naming its evidence', () => {
  const c = chronology([issue('a', 1, '2020-01-01'), issue('b', 2, null), issue('c', 3, '2020-01-15')], {
    describe: (i) => `#${i.number}`,
  });
  assert.equal(c.byId.get('a')!.bounds, null);
  const b = c.byId.get('b')!.bounds!;
  assert.deepEqual([b.notBefore?.date, b.notAfter?.date], ['2020-01-01', '2020-01-15']);
  assert.match(b.notBefore!.from, /#1 is numbered before it/);
  assert.match(b.notAfter!.from, /#3 is numbered after it/);
});

test("an issue's own bounds and the extra lower bounds are kept, the tightest winning, and passed on to the issues numbered after it", () => {
  const arxiv = bound('2020-12-01', 'month', 'an arXiv paper');
  const c = chronology(
    [issue('a', 1, null, { notBefore: arxiv, notAfter: null }), issue('b', 2, null), issue('c', 3, null), issue('d', 4, '2021-03-01')],
    { lowerBounds: (i) => (i.id === 'c' ? [bound('2021-01-01', 'year', 'a paper of 2021')] : []) },
  );
  assert.deepEqual(ends(c, 'a'), ['2020-12-01', '2021-03-01']);
  assert.deepEqual(ends(c, 'b'), ['2020-12-01', '2021-03-01'], 'not older than #1 can be');
  assert.deepEqual(ends(c, 'c'), ['2021-01-01', '2021-03-01']);
  assert.equal(c.byId.get('c')!.year, 2021, 'both ends in 2021');
  assert.equal(c.byId.get('b')!.year, null, 'between Dec 2020 and Mar 2021: the year is not known');
});

test('bounds that contradict each other (dates out of number order) leave only what the issue itself shows', () => {
  const c = chronology([
    issue('a', 1, '2021-05-01'),
    issue('b', 2, null, { notBefore: null, notAfter: bound('2020-12-31', 'year', 'a footer') }),
  ]);
  assert.deepEqual(ends(c, 'b'), [null, '2020-12-31']);
});

test('an issue with no number neither lends nor borrows bounds', () => {
  const c = chronology([issue('a', 1, '2020-01-01'), issue('stray', null, null), issue('c', 3, '2020-02-01')]);
  assert.deepEqual(ends(c, 'stray'), [null, null]);
  assert.equal(c.byId.get('stray')!.year, null);
});
