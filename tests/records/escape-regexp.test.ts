import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeRegExp } from '../../src/records/dialect.ts';

test('a text with every character a regular expression gives meaning to matches only itself once escaped', () => {
  const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o/p';
  const pattern = new RegExp(`^${escapeRegExp(text)}$`);
  assert.ok(pattern.test(text));
  assert.ok(!pattern.test('aXb*c+d?e^f$g{h}i(j)k|l[m]n\\o/p'));
  assert.equal(escapeRegExp('plain words'), 'plain words');
});

test('an output folder name with dots is matched literally', () => {
  assert.ok(!new RegExp(`^${escapeRegExp('_site.v2')}$`).test('_siteXv2'));
});
