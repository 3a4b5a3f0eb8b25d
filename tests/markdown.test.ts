import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMarkdown, plainExcerpt } from '../src/markdown.ts';

const known = (n: number): string | null => (n === 74 ? '/issues/an-074/' : null);

test('raw HTML in the newsletter text is shown as escaped text, never as elements; Markdown is rendered', () => {
  const html = createMarkdown(known).render('**bold** <script>alert(1)</script><img src=x onerror=alert(1)> [link](https://example.org "t")');
  assert.match(html, /<strong>bold<\/strong>/);
  assert.match(html, /<a href="https:\/\/example.org" title="t">link<\/a>/);
  assert.match(html, /&lt;script>alert\(1\)&lt;\/script>&lt;img src=x onerror=alert\(1\)>/);
  assert.doesNotMatch(html, /<script|<img/);
});

test('a block of markup on its own keeps its text as a paragraph', () => {
  assert.equal(createMarkdown(known).render('<div onclick="x()">\nhi\n</div>'), '<p>&lt;div onclick="x()">\nhi\n&lt;/div></p>');
});

test('javascript: links lose their href', () => {
  const html = createMarkdown(known).render('[click](javascript:alert(1))');
  assert.doesNotMatch(html, /javascript:/);
});

test('(AN #74) and ( AN #74 ) become links to the issue when it is in the archive', () => {
  const md = createMarkdown(known);
  assert.equal(md.render('as before (AN #74).'), '<p>as before (<a href="/issues/an-074/">AN #74</a>).</p>');
  assert.equal(md.render('see ( AN #74 ) too'), '<p>see (<a href="/issues/an-074/">AN #74</a>) too</p>');
});

test('references to issues outside the archive stay plain text', () => {
  assert.equal(createMarkdown(known).render('old (AN #5) one'), '<p>old (AN #5) one</p>');
});

test('a reference inside an existing link is not nested in a second link', () => {
  const html = createMarkdown(known).render('[the post (AN #74)](https://example.org/p)');
  assert.equal(html, '<p><a href="https://example.org/p">the post (AN #74)</a></p>');
});

test('an export link whose text is AN #N points at the archive copy of that issue when there is one', () => {
  const md = createMarkdown(known);
  assert.equal(md.render('([AN #74](https://mailchi.mp/x/an-74))'), '<p>(<a href="/issues/an-074/">AN #74</a>)</p>');
  assert.equal(md.render('([AN #5](https://mailchi.mp/x/an-5))'), '<p>(<a href="https://mailchi.mp/x/an-5">AN #5</a>)</p>');
});

test('a reference inside emphasis is still linked', () => {
  assert.equal(createMarkdown(known).render('*as in (AN #74)*'), '<p><em>as in (<a href="/issues/an-074/">AN #74</a>)</em></p>');
});

test('the same text is rendered once and served from the cache after', () => {
  let lookups = 0;
  const md = createMarkdown((n) => {
    lookups++;
    return known(n);
  });
  const first = md.render('x (AN #74)');
  const second = md.render('x (AN #74)');
  assert.equal(first, second);
  assert.equal(lookups, 1);
});

test('empty text renders to nothing', () => {
  assert.equal(createMarkdown(known).render('  \n'), '');
});

test('plain excerpts keep link text and AN numbers, drop markup, and cut at a word', () => {
  assert.equal(plainExcerpt('**Big** [paper](http://x) (AN #98)', 100), 'Big paper (AN #98)');
  assert.equal(plainExcerpt('one two three four five six', 14), 'one two three…');
});
