import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findLabels, matchLabel } from '../../src/parse/labels.ts';
import { AN_RULES } from '../support/dialect.ts';

test('opinion labels name their author in every spelling of the possessive', () => {
  assert.equal(matchLabel("Rohin's opinion: text", AN_RULES)?.by, 'Rohin');
  assert.equal(matchLabel('Rohin’s opinion: text', AN_RULES)?.by, 'Rohin');
  assert.equal(matchLabel("Nicholas' opinion: text", AN_RULES)?.by, 'Nicholas');
  assert.equal(matchLabel("Nicholas's opinion: text", AN_RULES)?.by, 'Nicholas');
  assert.equal(matchLabel("Dan H's opinion: text", AN_RULES)?.by, 'Dan H');
  assert.equal(matchLabel("**Zach's opinion:** text", AN_RULES)?.by, 'Zach');
});

test('My opinion has no name: the editor is filled in later', () => {
  assert.deepEqual(matchLabel('My opinion: fine', AN_RULES), { kind: 'opinion', by: null, length: 12 });
});

test('Read more and Prerequisites (also misspelled) are labels', () => {
  assert.equal(matchLabel('Read more: Paper', AN_RULES)?.kind, 'readMore');
  assert.equal(matchLabel('**Read more:** Paper', AN_RULES)?.kind, 'readMore');
  assert.equal(matchLabel('Prerequisities: DualDICE', AN_RULES)?.kind, 'prerequisites');
  assert.equal(matchLabel('Prerequisites: X', AN_RULES)?.kind, 'prerequisites');
});

test('a paragraph that only mentions an opinion is not a label', () => {
  assert.equal(matchLabel('In my opinion: no.', AN_RULES), null);
  assert.equal(matchLabel('Read more about it here.', AN_RULES), null);
});

test('inline labels in a flattened line take only the name, not the capitalised words before it', () => {
  const found = findLabels("Read more: Paper: Outperforming the Atari Human Benchmark Sudhanshu's opinion: On the one hand", AN_RULES);
  assert.deepEqual(
    found.map((f) => f.label.by),
    [null, 'Sudhanshu'],
  );
  assert.deepEqual(
    found.map((f) => f.label.kind),
    ['readMore', 'opinion'],
  );
});

test('"Should you read it?" is the first issues\' label for the editor\'s opinion, in every layout', () => {
  assert.deepEqual(matchLabel('Should you read it? Yes, skim it.', AN_RULES), { kind: 'opinion', by: null, length: 20 });
  assert.deepEqual(matchLabel('**Should you read it?** Yes.', AN_RULES)?.kind, 'opinion');
  assert.deepEqual(
    findLabels('A summary ends. Should you read it? Yes. Next', AN_RULES).map((l) => l.index),
    [16],
  );
});
