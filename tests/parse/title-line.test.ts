import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/parse/clean-text.ts';
import { parseLooseDate, takeTitleLine } from '../../src/parse/title-line.ts';
import { AN_RULES } from '../support/dialect.ts';

test('a first line `[AN #98]: Title` gives the number and title and is taken off the body', () => {
  const { titleLine, text } = takeTitleLine(cleanText('[AN #98]: Seeing which gradients helped\n\nBody.', 1), AN_RULES);
  assert.deepEqual(titleLine, { number: 98, title: 'Seeing which gradients helped', date: null, line: 1 });
  assert.deepEqual(text.lines.map((l) => l.text).filter(Boolean), ['Body.']);
});

test('an early issue line `The Alignment Newsletter #9: 06/04/18` gives the number and a month/day/year date', () => {
  const { titleLine } = takeTitleLine(cleanText('The Alignment Newsletter #9: 06/04/18\n', 1), AN_RULES);
  assert.equal(titleLine?.number, 9);
  assert.equal(titleLine?.date, '2018-06-04');
  assert.equal(titleLine?.title, null);
});

test('a bold `**Newsletter #92**` line gives the number', () => {
  assert.equal(takeTitleLine(cleanText('**Newsletter #92**\n\nText', 1), AN_RULES).titleLine?.number, 92);
});

test('a body that does not start with a title line is left alone', () => {
  const cleaned = cleanText('Find all Alignment Newsletter resources here.', 1);
  assert.equal(takeTitleLine(cleaned, AN_RULES).titleLine, null);
});

test('loose dates are read as month/day/year and impossible dates are refused', () => {
  assert.equal(parseLooseDate('12/31/2019'), '2019-12-31');
  assert.equal(parseLooseDate('2020-05-06'), '2020-05-06');
  assert.equal(parseLooseDate('13/01/19'), null);
});
