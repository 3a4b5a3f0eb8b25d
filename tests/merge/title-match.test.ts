import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareKeys, matchTitles, titleKey } from '../../src/merge/title-match.ts';

test('title keys ignore Markdown, quotes, apostrophes, case, diacritics and punctuation, and read "&" as "and"', () => {
  assert.equal(titleKey('**[“Ada’s” Agenda & FAQ](https://example.org/x)**'), 'adas agenda and faq');
  assert.equal(titleKey("Ada's agenda and FAQ!"), 'adas agenda and faq');
  assert.equal(titleKey('Café Økonomi: A Study'), 'cafe okonomi a study');
  assert.equal(titleKey('  Robots -- Juggling  (Again) '), 'robots juggling again');
});

test('a small edit is at most 15% of the longer key in edits; a larger one is no match', () => {
  assert.equal(compareKeys(titleKey('Defences Against Juggling Robots'), titleKey('Defenses Against Juggling Robots'))?.kind, 'close');
  assert.equal(
    compareKeys(titleKey('Learning to Juggle with Three Robots'), titleKey('Learning to Juggle with Two Robots'))?.kind,
    'close',
  );
  assert.equal(compareKeys(titleKey('Learning to Juggle'), titleKey('Learning to Cook')), null);
  assert.equal(compareKeys(titleKey('Juggling'), titleKey('Jiggling'))?.kind, 'close', 'one edit in eight letters is 12.5%');
  assert.equal(compareKeys(titleKey('Juggle'), titleKey('Jiggle')), null, 'one edit in six letters is more than 15%');
});

test('a title of two words or more matches a longer one that contains it as whole words', () => {
  assert.equal(compareKeys('robot juggling', 'robot juggling a survey of methods')?.kind, 'contained');
  assert.equal(compareKeys('robot juggling mira kovac', 'robot juggling')?.kind, 'contained');
  assert.equal(compareKeys('the survey', 'a survey of the survey literature')?.kind, 'contained');
  assert.equal(compareKeys('juggling', 'robot juggling'), null, 'one word is too little to go by');
  assert.equal(compareKeys('robot jug', 'robot juggling survey'), null, 'words are matched whole');
});

test('matching is one-to-one: the better pair takes the row, and a near title does not take it too', () => {
  const entries = ['Learning to Juggle with Three Robots', 'Learning to Juggle with Two Robots'];
  const rows = ['Learning to Juggle with Two Robots'];
  assert.deepEqual(matchTitles(entries, rows), [{ entry: 1, row: 0, kind: 'exact' }]);
});

test('every summary takes its own row when titles are near each other, in either order', () => {
  const entries = ['Juggling Robots, Part 2', 'Juggling Robots, Part 1'];
  const rows = ['Juggling Robots: Part 1', 'Juggling Robots: Part 2'];
  assert.deepEqual(matchTitles(entries, rows), [
    { entry: 0, row: 1, kind: 'exact' },
    { entry: 1, row: 0, kind: 'exact' },
  ]);
});

test('exact matches are taken before close ones, and close ones before contained ones', () => {
  assert.deepEqual(matchTitles(['Juggling Robot Arms', 'Juggling Robots Arms'], ['Juggling Robots Arms']), [
    { entry: 1, row: 0, kind: 'exact' },
  ]);
  assert.deepEqual(
    matchTitles(['Learning to Juggle with Robots'], ['Learning to Juggle with Robots Today', 'Learning to Juggle with Robot']),
    [{ entry: 0, row: 1, kind: 'close' }],
  );
  assert.deepEqual(matchTitles(['Robot Juggling (Mira Kovac)'], ['Robot Juggling']), [{ entry: 0, row: 0, kind: 'contained' }]);
});

test('a header written twice in one issue takes its row twice, as a repeat', () => {
  const entries = ['Robot Juggling', 'Something Else Entirely', 'Robot Juggling'];
  const rows = ['Robot Juggling'];
  assert.deepEqual(matchTitles(entries, rows), [
    { entry: 0, row: 0, kind: 'exact' },
    { entry: 2, row: 0, kind: 'repeat' },
  ]);
});

test('titles with nothing in common match nothing', () => {
  assert.deepEqual(matchTitles(['Robot Juggling'], ['Cooking With Lasers']), []);
  assert.deepEqual(matchTitles([], ['Cooking With Lasers']), []);
  assert.deepEqual(matchTitles([''], ['']), []);
});
