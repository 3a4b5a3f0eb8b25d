/**
 * HTML of every kind people save or receive: each case reported against the HTML reader, on
 * hand-made pages (the fixture pairs in tests/parse/fixtures/ and small pages written here).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlToMarkdown } from '../../src/parse/html-to-markdown.ts';
import { decodeNewsletter } from '../../src/io/read.ts';
import { parse, ROOT } from '../support/parse-helpers.ts';

const fixture = (name: string): string => readFileSync(path.join(ROOT, 'tests', 'parse', 'fixtures', name), 'utf8');
const markdown = (html: string): string =>
  htmlToMarkdown(html, 1)
    .lines.map((l) => l.text)
    .join('\n');
const everything = (issue: unknown): string => JSON.stringify(issue);

test('an email laid out in nested tables gives the summaries in its cells, without its preheader, pixel, browser link, contents line or footer', () => {
  const issue = parse(fixture('email-layout.html'), 'email-layout.html');
  assert.deepEqual(
    issue.entries.map((e) => e.title),
    ['Lantern Probes for Hidden Goals', 'Circuits on a Ladder', 'Quiet Neurons', 'Registry Engineer'],
  );
  assert.equal(issue.intro, 'Welcome back. This week has three summaries and one job.');
  assert.equal(issue.entries.at(-1)!.summary, 'The Open Ledger is hiring an engineer to run its registry of training runs.');
  const all = everything(issue);
  for (const standing of [
    'Three papers on oversight',
    'View this email',
    'In this issue',
    'Copyright',
    'mailing address',
    'Harbour Road',
    'unsubscribe',
    'open.gif',
  ]) {
    assert.ok(!all.includes(standing), `"${standing}" is not published`);
  }
});

test('a saved blog post loses its comments, subscribe widget, share buttons, menu and footer, its title the platform suffix; its <time> is its date', () => {
  const issue = parse(fixture('blog-post.html'), 'blog-post.html');
  assert.deepEqual(
    [issue.title, issue.date, issue.source],
    ['Week 14: Maps for careful agents', '2021-04-06', 'https://lantern.example.com/p/week-14-maps'],
  );
  assert.equal(issue.intro, 'A short issue this week, with two papers on maps.');
  assert.equal(issue.entries.at(-1)!.summary, 'A map learned in one season drifts in the next; the paper measures how fast.');
  const all = everything(issue);
  for (const standing of ['Great issue', 'Reader One', 'Subscribe', 'Share', 'Privacy', 'Archive', 'by Ines Okafor']) {
    assert.ok(!all.includes(standing), `"${standing}" is not published`);
  }
  // A link relative to the blog is resolved against the address the page names.
  assert.match(issue.entries[0]!.summary, /\[our earlier issue\]\(https:\/\/lantern\.example\.com\/p\/week-9-uncertainty\)/);
});

test('a Google Docs export: redirect wrappers unwrapped, reviewer comments and their bodies dropped, bold classes read as bold', () => {
  const issue = parse(fixture('docs-export.html'), 'docs-export.html');
  assert.deepEqual(
    issue.entries.map((e) => [e.title, e.url]),
    [
      ['Brittle Lanterns', 'https://papers.example.org/brittle-lanterns'],
      ['Steady Beams', 'https://papers.example.org/steady-beams'],
    ],
  );
  assert.match(issue.entries[0]!.opinions[0]!.text, /\(https:\/\/notes\.example\.org\/lamps\?id=7&page=2\)/);
  const all = everything(issue);
  for (const comment of ['google.com/url', '[a]', '[b]', 'Can we say', 'Link the code', 'Assigned to'])
    assert.ok(!all.includes(comment), `"${comment}" is not published`);
  assert.match(issue.intro, /^\*\*Draft: The Lantern Letter #13\*\*/);
});

test("a Word page: fake bullets are lists, not title prefixes; Word's empty paragraph marks leave nothing", () => {
  const issue = parse(fixture('word-page.html'), 'word-page.html');
  assert.deepEqual(
    issue.entries.map((e) => e.title),
    ['Tide Forecasts for Compute', 'Ebb and Flow of Benchmarks'],
  );
  assert.match(issue.entries[0]!.summary, /1\. budgets double every few months;\n\n2\. the fit is worse after 2019;/);
  assert.match(issue.entries[0]!.opinions[0]!.text, /- the archive moved;\n\n- the old links still work\./);
  assert.doesNotMatch(everything(issue), /[·§]|o:p|mso-/);
});

test('<del>, <s> and <strike> are struck text, never an error', () => {
  assert.equal(markdown('<p>It <del>was</del> <s>is</s> <strike>will be</strike> fine.</p>'), 'It ~~was~~ ~~is~~ ~~will be~~ fine.');
});

test('a table inside text, a data table and a layout table are each read: layout as blocks, data as a table', () => {
  assert.equal(markdown('<p><span>Before <table><tr><td>cell</td></tr></table> after.</span></p>'), 'Before\n\ncell\n\nafter.');
  assert.equal(
    markdown('<table><tr><th>Model</th><th>Score</th></tr><tr><td>Lark</td><td>0.91</td></tr></table>'),
    '| Model | Score |\n| --- | --- |\n| Lark | 0.91 |',
  );
  assert.equal(
    markdown('<table role="presentation"><tr><td><p>First story.</p><p>More of it.</p></td><td><p>Second story.</p></td></tr></table>'),
    'First story.\n\nMore of it.\n\nSecond story.',
  );
});

test('20,000 nested elements are read without error: their text kept, a warning naming the line', () => {
  const issue = parse(`<html><body>\n${'<div>'.repeat(20000)}deep words${'</div>'.repeat(20000)}</body></html>`, 'deep.html');
  assert.equal(issue.intro, 'deep words');
  assert.ok(issue.warnings.some((w) => w.line === 2 && /nested deeper/.test(w.message)));
  const list = parse(`<ul>${'<li>item <ul>'.repeat(1000)}<li>last</li>${'</ul></li>'.repeat(1000)}</ul>`, 'list.html');
  assert.match(list.intro, /item[\s\S]*last/);
});

test('<math> keeps its text, <pre> its indentation, and &#x20; is a space', () => {
  assert.equal(markdown('<p>So <math><mi>x</mi><mo>=</mo><mn>2</mn></math> holds.</p>'), 'So x = 2 holds.');
  const issue = parse(
    '<h2>Robustness</h2><p><b><a href="https://x.example/p">Loops</a></b> <i>(Ann Lee)</i> (summarized by Lea): The loop:</p><pre>for x in xs:\n    if x:\n        keep(x)</pre><p>A&#x20;space.</p>',
    'pre.html',
  );
  assert.equal(issue.entries[0]!.summary, 'The loop:\n\n```\nfor x in xs:\n    if x:\n        keep(x)\n```\n\nA space.');
});

test('a windows-1252 page is decoded in its encoding, so an opinion label with a curly apostrophe is read', () => {
  const page =
    '<html><head><meta charset="windows-1252"></head><body><h2>Robustness</h2><p><b>Glass Maps</b> (Ann Lee) (summarized by Rohin): Maps.</p><p><b>Rohin\x92s opinion:</b> Caf\xe9 quality.</p></body></html>';
  const { raw, problems } = decodeNewsletter('an-201.html', new Uint8Array([...page].map((c) => c.charCodeAt(0))));
  assert.deepEqual(problems, []);
  const issue = parse(raw!.text, raw!.file);
  assert.deepEqual(issue.entries[0]!.opinions, [{ by: 'Rohin', text: 'Café quality.' }]);
});

test('UTF-16 text and HTML with a byte order mark are read, not skipped as binary', () => {
  const text = 'HIGHLIGHTS\n\nWide Maps (Ann Lee) (summarized by Rohin): A summary in UTF-16.\n';
  const html = '<html><body><h2>Highlights</h2><p><b>Wide Pages</b> (Ann Lee) (summarized by Rohin): An HTML summary.</p></body></html>';
  for (const [file, body, title] of [
    ['wide.txt', text, 'Wide Maps'],
    ['wide.html', html, 'Wide Pages'],
  ] as const) {
    const { raw, problems } = decodeNewsletter(file, new Uint8Array([0xff, 0xfe, ...Buffer.from(body, 'utf16le')]));
    assert.deepEqual(problems, [], file);
    assert.equal(parse(raw!.text, file).entries[0]?.title, title, file);
  }
});

test('an .xhtml ebook chapter is read as HTML', () => {
  const issue = parse(
    '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><h2>Highlights</h2><p><b>Book Maps</b> (Ann Lee) (summarized by Rohin): A chapter.</p></body></html>',
    'ch01.xhtml',
  );
  assert.equal(issue.entries[0]?.title, 'Book Maps');
});

test('100,000 paragraphs of HTML are read whole (the time is measured by npm run bench)', () => {
  const html = `<html><body>${Array.from({ length: 100_000 }, (_, i) => `<p>Paragraph ${i} of the long page.</p>`).join('\n')}</body></html>`;
  const lines = htmlToMarkdown(html, 1).lines.filter((l) => l.text !== '');
  assert.equal(lines.length, 100_000);
  assert.deepEqual(lines.at(-1), { text: 'Paragraph 99999 of the long page.', line: 100_000 });
});
