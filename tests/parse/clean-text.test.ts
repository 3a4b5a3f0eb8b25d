import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, readableText } from '../../src/parse/clean-text.ts';

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

test('characters XML cannot carry are removed, with one warning naming them and their lines', () => {
  const warnings: [number, string][] = [];
  const text = readableText('Fine line\nA\u0001B and \uFFFE\nok\nlone \ud800 surrogate, form\ffeed\n', (line, message) => {
    warnings.push([line, message]);
  });
  assert.equal(text, 'Fine line\nAB and \nok\nlone  surrogate, form feed\n');
  assert.deepEqual(warnings, [
    [2, 'control characters that no web page or feed can carry removed: U+0001, U+000C, U+D800, U+FFFE (also on line 4)'],
  ]);
});

test('a text without such characters is returned as it is, with no warning; emoji (surrogate pairs) are kept', () => {
  const warnings: string[] = [];
  const text = 'Tabs\tand emoji 🙂 stay.\n';
  assert.equal(
    readableText(text, (_l, m) => warnings.push(m)),
    text,
  );
  assert.deepEqual(warnings, []);
});

test('CR-only and mixed line endings become LF before anything else, so line numbers stay those of the file', () => {
  assert.equal(
    readableText('---\rnumber: 4\r\n---\rBody\n', () => {}),
    '---\nnumber: 4\n---\nBody\n',
  );
});
