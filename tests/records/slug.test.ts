import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anchorSlug, MAX_SLUG_LENGTH, shortHash, slugWords, stableSlug } from '../../src/records/slug.ts';

test('an anchor is the title in lower-case ASCII words joined by hyphens, & read as and, apostrophes and accents dropped', () => {
  assert.equal(anchorSlug('Is SGD a Bayesian Sampler? Well, almost.'), 'is-sgd-a-bayesian-sampler-well-almost');
  assert.equal(anchorSlug('Tom & Jerry’s Café'), 'tom-and-jerrys-cafe');
  assert.equal(anchorSlug("Rohin's  opinion -- (draft)"), 'rohins-opinion-draft');
  assert.equal(anchorSlug('Ünïcödé Résumé'), 'unicode-resume');
});

test('an anchor of text with no ASCII letters or digits is empty, for the caller to give a fallback', () => {
  assert.equal(anchorSlug('深度学习'), '');
  assert.equal(anchorSlug('?!…'), '');
});

test('a long anchor is cut at a word boundary past the middle, never ending in a hyphen', () => {
  const title = 'The quick brown fox jumps over the lazy dog and keeps running through the forest until nightfall comes';
  const slug = anchorSlug(title);
  assert.ok(slug.length <= 80, slug);
  assert.ok(slug.length > 40, slug);
  assert.doesNotMatch(slug, /-$/);
  assert.ok(title.toLowerCase().replace(/ /g, '-').startsWith(slug));
  assert.equal(anchorSlug('a'.repeat(200)), 'a'.repeat(80), 'one long word is cut where it must be');
  assert.equal(anchorSlug('shorter title here', 12), 'shorter', 'the boundary past the middle');
  assert.equal(anchorSlug('short title here', 10), 'short-titl', 'no boundary past the middle: cut at the limit');
});

test('a page slug keeps the letters of any script, so titles in other alphabets keep their words', () => {
  assert.equal(stableSlug('Глубокое обучение', 'summary'), 'глубокое-обучение');
  assert.equal(stableSlug('深度 学习', 'summary'), '深度-学习');
  assert.equal(stableSlug('LCA: Loss Change Allocation', 'summary'), 'lca-loss-change-allocation');
});

test('a page slug of text without letters or digits is the fallback and a hash of the text, distinct per text', () => {
  const a = stableSlug('???', 'category');
  const b = stableSlug('!!!', 'category');
  assert.match(a, /^category-[0-9a-z]{6}$/);
  assert.notEqual(a, b);
});

test('two long titles that share their beginning get distinct page slugs, each within the length limit plus a hash', () => {
  const start = 'A very long title about learning from human preferences in many different settings and environments';
  const one = stableSlug(`${start}, part one`, 'summary');
  const two = stableSlug(`${start}, part two`, 'summary');
  assert.notEqual(one, two);
  for (const slug of [one, two]) {
    assert.match(slug, /-[0-9a-z]{6}$/);
    assert.ok(slug.length <= MAX_SLUG_LENGTH + 7, slug);
  }
});

test('slugs depend on the text alone: the same text gives the same slug and hash every time', () => {
  assert.equal(shortHash('abc'), shortHash('abc'));
  assert.notEqual(shortHash('abc'), shortHash('abd'));
  assert.equal(slugWords('Same  Text!'), slugWords('same text'));
  assert.equal(stableSlug('Same Text', 'x'), 'same-text');
});
