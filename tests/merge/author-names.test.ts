import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameAuthor, splitAuthors } from '../../src/merge/author-names.ts';
import { authorKey, foldName } from '../../src/records/names.ts';

const names = (text: string | null): string[] => splitAuthors(text).names.map((n) => n.name);
const one = (text: string) => splitAuthors(text).names[0]!;

test('commas, "and" and "&" separate names, including an Oxford comma before "and"', () => {
  assert.deepEqual(names('Mira Kovac, Tomas Lindqvist and Priya Raman'), ['Mira Kovac', 'Tomas Lindqvist', 'Priya Raman']);
  assert.deepEqual(names('Mira Kovac, Tomas Lindqvist, and Priya Raman'), ['Mira Kovac', 'Tomas Lindqvist', 'Priya Raman']);
  assert.deepEqual(names('Mira Kovac & Tomas Lindqvist'), ['Mira Kovac', 'Tomas Lindqvist']);
  assert.deepEqual(names('Mira Kovac; Tomas Lindqvist'), ['Mira Kovac', 'Tomas Lindqvist']);
});

test('"et al" in any spelling sets a flag and is never a name', () => {
  for (const text of [
    'Mira Kovac et al',
    'Mira Kovac et al.',
    'Mira Kovac, et al.',
    'Mira Kovac et. al',
    'Mira Kovac, others',
    'Mira Kovac and others',
  ]) {
    const list = splitAuthors(text);
    assert.deepEqual(
      list.names.map((n) => n.name),
      ['Mira Kovac'],
      text,
    );
    assert.equal(list.etAl, true, text);
  }
  assert.equal(splitAuthors('Mira Kovac, Tomas Lindqvist').etAl, false);
  assert.deepEqual(names('Mira Kovac, Tomas Lindqvist et al'), ['Mira Kovac', 'Tomas Lindqvist']);
});

test('asterisks and daggers for equal contribution are dropped from the name and kept as a flag', () => {
  const list = splitAuthors('Mira Kovac*, Tomas Lindqvist†, Priya Raman');
  assert.deepEqual(
    list.names.map((n) => [n.name, n.equalContribution]),
    [
      ['Mira Kovac', true],
      ['Tomas Lindqvist', true],
      ['Priya Raman', false],
    ],
  );
});

test('initials are kept and spaced, and a final initial keeps its full stop', () => {
  assert.deepEqual(names('M.K. Ostrowski, Piotr J. Ostrowski, T. Lindqvist'), ['M. K. Ostrowski', 'Piotr J. Ostrowski', 'T. Lindqvist']);
  assert.deepEqual(names('Ada O.'), ['Ada O.']);
  assert.deepEqual(names('JL'), ['JL']);
});

test('particles stay in the name and in its surname', () => {
  const name = one('Jonas van der Berg');
  assert.equal(name.name, 'Jonas van der Berg');
  assert.equal(name.surname, 'van der Berg');
  assert.equal(one('Claire de la Fontaine').surname, 'de la Fontaine');
  assert.equal(one('Bruno Ferreira').surname, 'Ferreira');
});

test('organisations and teams stay one name, even with "and", "&" or "at" inside', () => {
  assert.deepEqual(names('Many people at Acme Labs'), ['Many people at Acme Labs']);
  assert.deepEqual(names('The Heron team'), ['The Heron team']);
  assert.deepEqual(names('Riverside House'), ['Riverside House']);
  assert.deepEqual(names('Mira Kovac, and the Safe & Sound Learning group'), ['Mira Kovac', 'the Safe & Sound Learning group']);
  assert.deepEqual(names('Acme Research Team and Tomas Lindqvist'), ['Acme Research Team', 'Tomas Lindqvist']);
  assert.equal(one('The Heron team').organisation, true);
  assert.equal(one('Riverside House').organisation, true);
  assert.equal(one('Mira Kovac').organisation, false);
  assert.equal(one('A. Kovac').organisation, false);
});

test('forum user names are kept as written', () => {
  assert.deepEqual(names('QuietHeron'), ['QuietHeron']);
  assert.deepEqual(names('owl_watcher and Mira_K'), ['owl_watcher', 'Mira_K']);
  assert.deepEqual(names('heron1984'), ['heron1984']);
});

test('nicknames in parentheses, job titles, honorifics and affiliation numbers are not part of a name', () => {
  assert.deepEqual(names('Yuki (Kiki) Nakashima, Bruno Ferreira'), ['Yuki Nakashima', 'Bruno Ferreira']);
  assert.deepEqual(names('Tomas Lindqvist, Research Engineer, and Priya Raman, Faculty Advisor'), ['Tomas Lindqvist', 'Priya Raman']);
  assert.deepEqual(names('Dr Claire Dubois, Prof. Bruno Ferreira'), ['Claire Dubois', 'Bruno Ferreira']);
  assert.deepEqual(names('Claire Dubois2, Bruno Ferreira1'), ['Claire Dubois', 'Bruno Ferreira']);
});

test('a name written twice in one list is listed once, and an empty list has no names', () => {
  assert.deepEqual(names('Mira Kovac, Mira Kovač'), ['Mira Kovac']);
  assert.deepEqual(splitAuthors(null), { names: [], etAl: false });
  assert.deepEqual(splitAuthors('  '), { names: [], etAl: false });
});

test('the key ignores case, diacritics, punctuation and middle initials, and the slug follows the key', () => {
  assert.equal(authorKey('Elena Sørensen'), authorKey('elena sorensen'));
  assert.equal(authorKey('Tamsin R. Halvorsen'), 'tamsin halvorsen');
  assert.equal(authorKey('Tamsin Halvorsen'), 'tamsin halvorsen');
  assert.equal(authorKey('T. Halvorsen'), 't halvorsen');
  assert.equal(one('Tamsin R. Halvorsen').slug, 'tamsin-halvorsen');
  assert.equal(one('Tamsin Ó Halvorsen').key, 'tamsin halvorsen');
  assert.equal(authorKey('Piotr Łukasz Østergaard'), 'piotr lukasz ostergaard');
  assert.equal(foldName('  Claire O’Dubois. '), 'claire odubois');
  assert.equal(foldName('Mira+'), 'mira');
});

test('two spellings are the same author when surnames agree and given names agree, perhaps as an initial or one letter off', () => {
  assert.equal(sameAuthor(one('T. Halvorsen'), one('Tamsin Halvorsen')), true);
  assert.equal(sameAuthor(one('Tamsin Halvorsen'), one('Tamsyn Halvorsen')), true);
  assert.equal(sameAuthor(one('Halvorsen'), one('Tamsin Halvorsen')), true);
  assert.equal(sameAuthor(one('Tamsin Halvorsen'), one('Piotr Halvorsen')), false);
  assert.equal(sameAuthor(one('P. Halvorsen'), one('Tamsin Halvorsen')), false);
  assert.equal(sameAuthor(one('Ana Halvorsen'), one('Ava Halvorsen')), false);
  assert.equal(sameAuthor(one('The Heron team'), one('Heron')), false);
});
