import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToMarkdown, isHtml } from '../../src/parse/html-to-markdown.ts';
import { parse } from '../support/parse-helpers.ts';

const page = (body: string): string =>
  `<html><head><title>[AN #7]: Gardens</title><script>track()</script></head>\n<body>\n${body}\n</body></html>\n`;

test('HTML is recognised by its extension or by how the text starts, not by a tag inside Markdown', () => {
  assert.ok(isHtml('issues/an-007.html', 'anything'));
  assert.ok(isHtml('issues/an-007.HTM', ''));
  assert.ok(isHtml('saved.txt', '<?xml version="1.0"?>\n<!DOCTYPE html>\n<html>'));
  assert.ok(isHtml('mail', '  <body><p>Hi</p></body>'));
  assert.ok(!isHtml('an-007.md', 'Text with <script>alert(1)</script> inside.'));
});

test('headings stay headings and title links stay links, each block on the line its element starts on', () => {
  const { lines } = htmlToMarkdown(
    page('<h1>HIGHLIGHTS</h1>\n<p><strong><a href="https://x.org/p">Moon Maps</a></strong> <em>(Ann Lee)</em>: A summary.</p>'),
    1,
  );
  const text = lines.filter((l) => l.text !== '');
  assert.deepEqual(
    text.map((l) => [l.text, l.line]),
    [
      ['# HIGHLIGHTS', 3],
      ['**[Moon Maps](https://x.org/p)** _(Ann Lee)_: A summary.', 4],
    ],
  );
});

test('scripts, navigation and the page title repeated as a heading are dropped; the title is returned', () => {
  const { lines, title } = htmlToMarkdown(page('<nav><a href="/">Home</a></nav>\n<h1>[AN #7]: Gardens</h1>\n<p>Body.</p>'), 1);
  assert.deepEqual(
    lines.filter((l) => l.text !== '').map((l) => l.text),
    ['Body.'],
  );
  assert.deepEqual(title, { text: '[AN #7]: Gardens', line: 1 });
});

test('a link to a path on the saved site keeps its target as written when the page names no address; javascript: loses its target', () => {
  const { lines } = htmlToMarkdown(
    page('<p><a href="/posts/abc/moon">Moon</a> and <a href="javascript:alert(1)">sun</a> and <a href="https://x.org">star</a>.</p>'),
    1,
  );
  assert.equal(lines.find((l) => l.text !== '')!.text, '[Moon](/posts/abc/moon) and sun and [star](https://x.org).');
});

test('spaces at the edges of a link, emphasis or strong text stand outside it, never as &#x20; in a title or label', () => {
  const text = (body: string): string => htmlToMarkdown(page(body), 1).lines.find((l) => l.text !== '')!.text;
  assert.equal(
    text('<p><a href="https://x.org/g">Gardens of Agents </a><em>(Mira Kovac)</em> (summarized by Tomas): Text.</p>'),
    '[Gardens of Agents](https://x.org/g) _(Mira Kovac)_ (summarized by Tomas): Text.',
  );
  assert.equal(text("<p><strong>Tomas's opinion: </strong>Fine.</p>"), "**Tomas's opinion:** Fine.");
  assert.equal(text('<p>a<em> </em>b <u><a href="/posts/x"> Moon </a></u>.</p>'), 'a b [Moon](/posts/x) .');
  const issue = parse(
    page('<p><u><a href="/posts/x">Gardens of Agents </a></u><em>(Mira Kovac)</em> (summarized by Tomas): Text.</p>'),
    'an-007.html',
  );
  assert.equal(issue.entries[0]?.title, 'Gardens of Agents');
});

test('a line break inside a paragraph leaves no backslash behind', () => {
  const { lines } = htmlToMarkdown(page('<p>A summary.<br/><strong>My opinion:</strong> Good.</p>'), 1);
  assert.deepEqual(
    lines.filter((l) => l.text !== '').map((l) => l.text),
    ['A summary.', '**My opinion:** Good.'],
  );
});

test('a saved page parses like the forum export: number and title from <title>, the paper link as Entry.url', () => {
  const issue = parse(
    page(
      '<h1>HIGHLIGHTS</h1>\n<p><strong><a href="https://x.org/p">Moon Maps</a></strong> <em>(Ann Lee)</em> (summarized by Flo): A summary.</p>',
    ),
    'saved/an-007.html',
  );
  assert.equal(issue.number, 7);
  assert.equal(issue.title, 'Gardens');
  assert.deepEqual(
    issue.entries.map((e) => [e.title, e.url, e.line, e.highlight]),
    [['Moon Maps', 'https://x.org/p', 4, true]],
  );
});
