import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inferMetadata, issueIdFromFile } from '../../src/parse/infer-metadata.ts';
import { numberFromFileName } from '../../src/records/citations.ts';
import { AN_RULES } from '../support/dialect.ts';

const none = { number: null, title: null, date: null, source: null, excerpt: null, permalink: null };

test('front matter wins over the title line, which wins over the file name', () => {
  const warnings: string[] = [];
  const m = inferMetadata('an-001.txt', { ...none, number: 98 }, { number: 97, title: 'T', date: null, line: 5 }, AN_RULES, (_l, msg) =>
    warnings.push(msg),
  );
  assert.equal(m.number, 98);
  assert.equal(m.title, 'T');
  assert.equal(m.id, 'an-098');
  assert.match(warnings[0]!, /says #97 but the front matter says 98/);
  assert.equal(inferMetadata('an-7.txt', none, null, AN_RULES, () => {}).number, 7);
});

test('file names name issue numbers in several spellings', () => {
  assert.equal(numberFromFileName('2020/an-098.txt'), 98);
  assert.equal(numberFromFileName('AN98.md'), 98);
  assert.equal(numberFromFileName('alignment-newsletter-12.txt'), 12);
  assert.equal(numberFromFileName('000_250395a30e21dfea.txt'), null);
});

test('with no number anywhere the id comes from the file name', () => {
  const m = inferMetadata('drafts/Notes on the week.txt', none, null, AN_RULES, () => {});
  assert.equal(m.number, null);
  assert.equal(m.id, 'drafts-notes-on-the-week');
  assert.equal(issueIdFromFile('000_250395a30e21dfea.txt'), '000-250395a30e21dfea');
});
