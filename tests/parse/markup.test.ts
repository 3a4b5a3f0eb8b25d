import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLinkUrl, stripMarkup, unpad } from '../../src/parse/markup.ts';

test('markup is stripped to visible text: links, bold, emphasis', () => {
  assert.equal(stripMarkup('**[Title: Sub](https://x.org/a_(b))** *(Ann)*'), 'Title: Sub (Ann)');
  assert.equal(stripMarkup('__bold__ and _em_'), 'bold and em');
});

test('the first link target is found', () => {
  assert.equal(firstLinkUrl('see [a](https://a.org) and [b](https://b.org)'), 'https://a.org');
  assert.equal(firstLinkUrl('no links'), null);
});

test('scraper padding around link texts is removed', () => {
  assert.equal(unpad('covered before ( AN #74 ), see here .'), 'covered before (AN #74), see here.');
});

test('a link whose text holds balanced brackets is one link, as CommonMark reads it', () => {
  const title = '[Is Safety [really] a Tax?](https://example.org/tax)';
  assert.equal(firstLinkUrl(title), 'https://example.org/tax');
  assert.equal(stripMarkup(`**${title}**`), 'Is Safety [really] a Tax?');
  // An escaped bracket is text: the link still ends at the unescaped one.
  assert.equal(stripMarkup('[A \\[draft\\] note](https://example.org/n)'), 'A [draft] note');
  // Brackets that make no link stay as they are.
  assert.equal(stripMarkup('A [bracketed] aside'), 'A [bracketed] aside');
});

test('numeric character references are the characters they name', () => {
  assert.equal(stripMarkup('_AI Forecasting Council&#x20;_'), 'AI Forecasting Council');
  assert.equal(stripMarkup('**My opinion:** &#x4E;ice &#8212; yes'), 'My opinion: Nice — yes');
  // A named reference is its character too; anything else with an ampersand is text.
  assert.equal(stripMarkup('AT&T and &#xZZ; and &amp;'), 'AT&T and &#xZZ; and &');
});

test('a lone mark against a word is dropped, unless escaped or kept for an author list', () => {
  assert.equal(stripMarkup('**[Title](https://x.org/t)*** and *more'), 'Title and more');
  assert.equal(stripMarkup('A \\*starred\\* word'), 'A *starred* word');
  assert.equal(stripMarkup('Andrew Ilyas*, Shibani Santurkar*'), 'Andrew Ilyas, Shibani Santurkar');
  assert.equal(stripMarkup('Andrew Ilyas*, Shibani Santurkar*', true), 'Andrew Ilyas*, Shibani Santurkar*');
  assert.equal(stripMarkup('cousin_it and William_S'), 'cousin_it and William_S');
});
