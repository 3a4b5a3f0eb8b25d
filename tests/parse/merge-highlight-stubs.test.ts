import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../support/parse-helpers.ts';

const issue = (stub: string) =>
  parse(
    `HIGHLIGHTS\n\nMoon Maps (Ann Lee): A long summary.\n\nTECHNICAL AI ALIGNMENT\n\nINTERPRETABILITY\n\n${stub}\n\nSun Maps (Bo Chen): Another.\n`,
  );

test('a "Summarized in the highlights!" stub gives the highlight its topic and is no entry of its own', () => {
  const { entries, warnings } = issue('Moon Maps (Ann Lee): Summarized in the highlights!');
  assert.deepEqual(
    entries.map((e) => [e.title, e.highlight, e.category]),
    [
      ['Moon Maps', true, ['Technical AI alignment', 'Interpretability']],
      ['Sun Maps', false, ['Technical AI alignment', 'Interpretability']],
    ],
  );
  assert.deepEqual(
    entries.map((e) => e.id),
    ['moon-maps', 'sun-maps'],
  );
  assert.deepEqual(warnings, []);
});

test('a highlight with no stub keeps the Highlights category', () => {
  const { entries } = issue('');
  assert.deepEqual(entries[0]!.category, ['Highlights']);
});

test('a stub whose highlight is not in the issue stays an entry, with a warning', () => {
  const { entries, warnings } = issue('Star Maps (Cy Dee): Summarized in the highlights!');
  assert.deepEqual(
    entries.map((e) => e.title),
    ['Moon Maps', 'Star Maps', 'Sun Maps'],
  );
  assert.match(warnings[0]!.message, /no highlight of this issue has that title/);
});

test('a stub names a highlight whose header has no parenthetical, colons and all', () => {
  const { entries } = parse(
    'HIGHLIGHTS\n\nLantern: A Benchmark: A collection of tasks.\n\nNEWS\n\nLantern: A Benchmark: Summarized in the highlights!\n',
  );
  assert.deepEqual(
    entries.map((e) => [e.title, e.summary, e.category]),
    [['Lantern: A Benchmark', 'A collection of tasks.', ['News']]],
  );
});
