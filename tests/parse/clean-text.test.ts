import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/parse/clean-text.ts';

test('CRLF and lone CR become line breaks, and each line keeps its number in the raw file', () => {
  const { lines } = cleanText('one\r\ntwo\rthree\n', 5);
  assert.deepEqual(lines.slice(0, 3), [
    { text: 'one', line: 5 },
    { text: 'two', line: 6 },
    { text: 'three', line: 7 },
  ]);
});

test('no-break spaces and tabs become spaces, zero-width characters and trailing spaces go', () => {
  const { lines } = cleanText('Rohin\u00a0Shah\tsaid\u200b  \n', 1);
  assert.equal(lines[0]!.text, 'Rohin Shah said');
});
