import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createMarkdown } from '../../src/site/text/markdown.ts';
import { plainExcerpt, plainText } from '../../src/records/plain-text.ts';
import { safeHref } from '../../src/site/text/safe-url.ts';
import { AN_RULES } from '../support/dialect.ts';

const known = (n: number): string | null => (n === 74 ? '/issues/an-074/' : null);

test('raw HTML in the newsletter text is shown as escaped text, never as elements; Markdown is rendered', () => {
  const html = createMarkdown(known, AN_RULES).render(
    '**bold** <script>alert(1)</script><img src=x onerror=alert(1)> [link](https://example.org "t")',
  );
  assert.match(html, /<strong>bold<\/strong>/);
  assert.match(html, /<a href="https:\/\/example.org" title="t">link<\/a>/);
  assert.match(html, /&lt;script>alert\(1\)&lt;\/script>&lt;img src=x onerror=alert\(1\)>/);
  assert.doesNotMatch(html, /<script|<img/);
});

test('a block of markup on its own keeps its text as a paragraph', () => {
  assert.equal(createMarkdown(known, AN_RULES).render('<div onclick="x()">\nhi\n</div>'), '<p>&lt;div onclick="x()">\nhi\n&lt;/div></p>');
});

test('javascript: links lose their href', () => {
  const html = createMarkdown(known, AN_RULES).render('[click](javascript:alert(1))');
  assert.doesNotMatch(html, /javascript:/);
});

test('(AN #74) and ( AN #74 ) become links to the issue when it is in the archive', () => {
  const md = createMarkdown(known, AN_RULES);
  assert.equal(md.render('as before (AN #74).'), '<p>as before (<a href="/issues/an-074/">AN #74</a>).</p>');
  assert.equal(md.render('see ( AN #74 ) too'), '<p>see (<a href="/issues/an-074/">AN #74</a>) too</p>');
});

test('references to issues outside the archive stay plain text', () => {
  assert.equal(createMarkdown(known, AN_RULES).render('old (AN #5) one'), '<p>old (AN #5) one</p>');
});

test('a reference inside an existing link is not nested in a second link', () => {
  const html = createMarkdown(known, AN_RULES).render('[the post (AN #74)](https://example.org/p)');
  assert.equal(html, '<p><a href="https://example.org/p">the post (AN #74)</a></p>');
});

test('an export link whose text is AN #N points at the archive copy of that issue when there is one', () => {
  const md = createMarkdown(known, AN_RULES);
  assert.equal(md.render('([AN #74](https://mailchi.mp/x/an-74))'), '<p>(<a href="/issues/an-074/">AN #74</a>)</p>');
  assert.equal(md.render('([AN #5](https://mailchi.mp/x/an-5))'), '<p>(<a href="https://mailchi.mp/x/an-5">AN #5</a>)</p>');
});

test('a reference inside emphasis is still linked', () => {
  assert.equal(createMarkdown(known, AN_RULES).render('*as in (AN #74)*'), '<p><em>as in (<a href="/issues/an-074/">AN #74</a>)</em></p>');
});

test('the same text is rendered once and served from the cache after', () => {
  let lookups = 0;
  const md = createMarkdown((n) => {
    lookups++;
    return known(n);
  }, AN_RULES);
  const first = md.render('x (AN #74)');
  const second = md.render('x (AN #74)');
  assert.equal(first, second);
  assert.equal(lookups, 1);
});

test('empty text renders to nothing', () => {
  assert.equal(createMarkdown(known, AN_RULES).render('  \n'), '');
});

test('plain excerpts keep link text and AN numbers, drop markup, and cut at a word', () => {
  assert.equal(plainExcerpt('**Big** [paper](http://x) (AN #98)', 100), 'Big paper (AN #98)');
  assert.equal(plainExcerpt('one two three four five six', 14), 'one two three…');
});

test('only http, https and mailto links keep their target; every other link is shown as its text', () => {
  const md = createMarkdown(known, AN_RULES);
  assert.equal(md.render('[a](javascript:alert(1)) b'), '<p>a b</p>');
  assert.equal(md.render('[a](data:text/html,x)'), '<p>a</p>');
  assert.equal(md.render('[a](//evil.example/x)'), '<p>a</p>');
  assert.equal(md.render('[x][1]\n\n[1]: vbscript:msgbox(1)'), '<p>x</p>');
  assert.equal(md.render('<javascript:alert(1)>'), '<p>javascript:alert(1)</p>');
  assert.equal(
    md.render('[m](mailto:a@b.org) [r](/posts/abc#x) [h](HTTPS://X.ORG)'),
    '<p><a href="mailto:a@b.org">m</a> r <a href="https://X.ORG">h</a></p>',
    'a relative link with nowhere to resolve it against is its text: the site has no page there',
  );
});

test('a relative link is resolved against where the text was published, as its reader followed it', () => {
  const md = createMarkdown(known, AN_RULES);
  const base = 'https://forum.example/posts/abc/an-issue';
  assert.equal(
    md.render('[p](/posts/xyz/other) [s](../s/seq) [f](#part-2) [n](notes.pdf) [h](//cdn.example/a)', base),
    '<p><a href="https://forum.example/posts/xyz/other">p</a> <a href="https://forum.example/posts/s/seq">s</a> ' +
      '<a href="https://forum.example/posts/abc/an-issue#part-2">f</a> <a href="https://forum.example/posts/abc/notes.pdf">n</a> ' +
      '<a href="https://cdn.example/a">h</a></p>',
  );
  assert.equal(md.render('[x][1]\n\n[1]: /posts/q', base), '<p><a href="https://forum.example/posts/q">x</a></p>', 'a reference link too');
  assert.equal(md.render('![a chart](/img/c.png)', base), '<p><a href="https://forum.example/img/c.png">a chart</a></p>');
  assert.equal(md.render('[a](javascript:alert(1))', base), '<p>a</p>', 'an unsafe link stays unsafe');
  // The archive's own (AN #N) links stay the site's: they are made after the text's links are resolved.
  assert.equal(md.render('As before (AN #74).', base), '<p>As before (<a href="/issues/an-074/">AN #74</a>).</p>');
  assert.equal(md.render('[p](/posts/xyz)', 'javascript:x'), '<p>p</p>', 'a base must be an http(s) address');
});

test('an image from the input becomes a link to it, labelled with its alt text or file name; an unsafe one only its alt text', () => {
  const md = createMarkdown(known, AN_RULES);
  assert.equal(md.render('![a chart](https://x.org/c.png)'), '<p><a href="https://x.org/c.png">a chart</a></p>');
  assert.equal(md.render('![](https://x.org/icons/c%20d.png?v=2)'), '<p><a href="https://x.org/icons/c%20d.png?v=2">c d.png</a></p>');
  assert.equal(md.render('![alt](javascript:x) ![](//evil.example/p.png)'), '<p>alt </p>');
});

test('an image at a relative address (a file beside the saved page) is a note in brackets, never a link that leads nowhere; a hash is no alt text', () => {
  const md = createMarkdown(known, AN_RULES);
  assert.equal(md.render('![a diagram](figure_0)'), '<p>[image: a diagram]</p>');
  assert.equal(md.render('![166e682ca6a94fa589c8f667ae3d3f5b](figure_1)'), '<p>[image]</p>');
  assert.equal(md.render('![](images/figure_2.png)'), '<p>[image]</p>');
  assert.equal(md.render('![0a747f0938b746e694647d6f409a6550](https://x.org/f.png)'), '<p><a href="https://x.org/f.png">f.png</a></p>');
});

test('the URL rule: schemes are checked as a browser reads them', () => {
  for (const bad of [
    'javascript:x',
    ' JavaScript:x',
    'java\tscript:x',
    'java\nscript:x',
    '\u0001javascript:x',
    'data:,x',
    'vbscript:x',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'java\u0000script:x',
    'file:///etc/passwd',
    '',
  ]) {
    assert.equal(safeHref(bad), null, JSON.stringify(bad));
  }
  for (const [good, as] of [
    ['https://x.org/a?b#c', 'https://x.org/a?b#c'],
    ['http://x.org', 'http://x.org'],
    ['mailto:a@b.org', 'mailto:a@b.org'],
    [' /issues/an-001/ ', '/issues/an-001/'],
    ['#anchor', '#anchor'],
    ['paper.pdf', 'paper.pdf'],
    ['Https://X.org', 'https://X.org'],
  ]) {
    assert.equal(safeHref(good), as, good);
  }
  assert.equal(safeHref(null), null);
});

test('plain text reads character references and escapes as the characters they stand for: no &#x20; in a description, feed or export', () => {
  assert.equal(
    plainText('**[Gardens&#x20;](https://x.org/g)** _(Mira&#x20;Kovac)_: AT\\&T &amp; friends, \\*starred\\*.'),
    'Gardens (Mira Kovac): AT&T & friends, *starred*.',
  );
  assert.equal(
    plainText('First paragraph.\n\nSecond, with a hard  \nbreak and ![a chart](https://x.org/c.png).'),
    'First paragraph. Second, with a hard break and a chart.',
  );
  assert.equal(plainExcerpt('A&#x20;long&#x20;text that is cut', 12), 'A long text…');
});
