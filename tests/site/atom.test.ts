import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { atomProblems } from '../support/atom.ts';
import { buildOnce } from '../support/build-once.ts';

const valid = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Garden notes</title>
  <link href="https://garden.example/feed.xml" rel="self" type="application/atom+xml"/>
  <link href="https://garden.example/" rel="alternate" type="text/html"/>
  <updated>2021-04-02T00:00:00Z</updated>
  <id>https://garden.example/</id>
  <author><name>Garden notes</name></author>
  <entry>
    <title>Tomatoes &amp; basil</title>
    <link href="https://garden.example/tomatoes/" rel="alternate" type="text/html"/>
    <id>https://garden.example/tomatoes/</id>
    <updated>2021-04-02T00:00:00Z</updated>
    <summary>Planting them together.</summary>
    <content type="html">&lt;p&gt;Planting them together.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="html">Beans &lt;em&gt;climbing&lt;/em&gt;</title>
    <link href="https://garden.example/beans/"/>
    <id>tag:garden.example,2021:beans</id>
    <updated>2021-03-01T09:30:00+01:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Poles first.</p></div></content>
  </entry>
</feed>`;

test('a hand-made feed that follows RFC 4287 has no problems', () => {
  assert.deepEqual(atomProblems(valid), []);
});

test('each broken rule is reported, naming the element', () => {
  const cases: [string, string, RegExp][] = [
    ['<id>https://garden.example/</id>', '', /^feed: needs exactly one <id>, has 0$/],
    [
      '<updated>2021-04-02T00:00:00Z</updated>\n  <id>',
      '<updated>2 April 2021</updated>\n  <id>',
      /^feed: <updated> "2 April 2021" is not an RFC 3339 date-time$/,
    ],
    ['<id>https://garden.example/tomatoes/</id>', '<id>tomatoes</id>', /^entry 1 \(tomatoes\): <id> "tomatoes" is not an absolute IRI$/],
    ['<link href="https://garden.example/tomatoes/" rel="alternate" type="text/html"/>', '', /^entry 1 .*: has no rel="alternate" <link>$/],
    ['<title>Tomatoes &amp; basil</title>', '', /^entry 1 .*: needs exactly one <title>, has 0$/],
    [
      '<id>tag:garden.example,2021:beans</id>',
      '<id>https://garden.example/tomatoes/</id>',
      /^2 entries share the id https:\/\/garden.example\/tomatoes\/$/,
    ],
    ['<author><name>Garden notes</name></author>', '', /^feed: has no <author>, and not every entry has one$/],
    [
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>Poles first.</p></div>',
      'Poles first.',
      /xhtml <content> is not wrapped in an XHTML <div>$/,
    ],
    ['<title type="html">', '<title type="markdown">', /<title type="markdown"> is not text, html or xhtml$/],
    [
      '<link href="https://garden.example/beans/"/>',
      '<link href="https://garden.example/beans/"/><link href="https://garden.example/b2/"/>',
      /2 rel="alternate" links with the same type/,
    ],
  ];
  for (const [from, to, expected] of cases) {
    assert.ok(valid.includes(from), `the case edits something: ${from}`);
    const problems = atomProblems(valid.replace(from, to));
    assert.ok(
      problems.some((p) => expected.test(p)),
      `${expected} in:\n${problems.join('\n')}`,
    );
  }
});

test('a document that is not well-formed, or not Atom, is one problem saying so', () => {
  assert.match(atomProblems(valid.replace('&amp; basil', '& basil')).join('\n'), /not well-formed XML/);
  assert.match(atomProblems(valid.replace('</feed>', '')).join('\n'), /not well-formed XML/);
  assert.deepEqual(atomProblems('<rss version="2.0"><channel/></rss>'), ['the root element is <rss> in no namespace, not an Atom <feed>']);
  assert.match(
    atomProblems(valid.replace('xmlns="http://www.w3.org/2005/Atom"', 'xmlns="http://purl.org/atom/ns#"'))[0]!,
    /not an Atom <feed>/,
  );
});

test("the site's own feed.xml is valid Atom", async () => {
  const site = await buildOnce();
  assert.deepEqual(atomProblems(readFileSync(path.join(site.dir, 'feed.xml'), 'utf8')), []);
});
