/** Wording shared by every page (src/site/text/format.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate } from '../../src/site/text/format.ts';

test('dates are shown as day, month name and year', () => {
  assert.equal(formatDate('2020-05-06'), '6 May 2020');
  assert.equal(formatDate(null), 'Date unknown');
});
