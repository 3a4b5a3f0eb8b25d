import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeAuthors, splitNames } from '../../src/parse/authors.ts';
import { AN_RULES } from '../support/dialect.ts';

test('author lists, organisations and forum handles read as authors', () => {
  for (const a of [
    'Janice Lan et al',
    'Lucas Perry and Robert de Neufville',
    'OpenAI',
    'evhub',
    'Adrià Puigdomènech Badia, Bilal Piot et al',
    'Ilyas*, Santurkar*',
  ]) {
    assert.ok(looksLikeAuthors(a, AN_RULES), a);
  }
});

test('asides, references and years do not read as authors', () => {
  for (const a of ['see Section 3', 'AN #74', '2019', 'which is to say, not much', 'e.g. GPT-3', 'summarized by Rohin']) {
    assert.ok(!looksLikeAuthors(a, AN_RULES), a);
  }
});

test('strict mode wants at least two names or et al', () => {
  assert.ok(looksLikeAuthors('Christopher Frye et al', AN_RULES, true));
  assert.ok(!looksLikeAuthors('NTK', AN_RULES, true));
});

test('name lists split on commas, slashes, ampersands and "and"', () => {
  assert.deepEqual(splitNames('Rohin and Flo'), ['Rohin', 'Flo']);
  assert.deepEqual(splitNames('Asya, Rohin / Dan H'), ['Asya', 'Rohin', 'Dan H']);
});

test('teams, user names, long lists with initials, particles and asterisks read as authors', () => {
  for (const a of [
    'Many people at OpenAI',
    'The AlphaStar team',
    'William_S',
    'rk',
    'cousin_it',
    "Artur d'Avila Garcez et al",
    'Krishnamurthy (Dj) Dvijotham, Sven Gowal',
    'Mark Chen*, Jerry Tworek*, S. M. Ali Eslami, Ana de la Vega',
  ]) {
    assert.ok(looksLikeAuthors(a, AN_RULES), a);
  }
  assert.ok(looksLikeAuthors(Array.from({ length: 120 }, (_, i) => `Name${i} Surname`).join(', '), AN_RULES));
});

test('asides with a few capitals do not read as authors', () => {
  for (const a of ['This is great', 'ii', 'see below', 'AN #63', '_AN #63_']) assert.ok(!looksLikeAuthors(a, AN_RULES), a);
});
