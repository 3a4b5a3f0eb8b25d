/**
 * The site's feed of issues (feed.xml), written in TypeScript by engines/atom.ts as the topic
 * feeds are: read back with an XML parser, it holds the newest dated issues, each with a list of
 * its summaries as HTML, and every value from the newsletter's text arrives as text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from '@xmldom/xmldom';
import { parseDocument } from 'htmlparser2';
import { collectSite } from '../../src/site.ts';
import { atomXml, issueFeed } from '../../src/site/engines/atom.ts';
import { ATOM_NS, atomProblems } from '../support/atom.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';
import { parseXml } from '../support/xml.ts';

const child = (parent: Element, name: string): Element[] => Array.from(parent.getElementsByTagNameNS(ATOM_NS, name));
const text = (parent: Element, name: string): string => child(parent, name)[0]?.textContent ?? '';

const issues = [
  issue(3, '2021-03-01', [
    entry('Beds & <borders>', { summary: 'Raised beds "drain" better\u0007 than flat ones.' }),
    entry('Second', { summary: 'Two.', summarizers: ['Ada'], category: ['Interpretability'] }),
  ]),
  issue(2, null, [entry('Undated', { summary: 'No date.' })]),
  issue(1, '2021-01-04', [entry('Compost', { summary: 'Heat it.' })]),
];

test('feed.xml is valid Atom: the newest dated issues, the undated ones left out and counted in the subtitle', () => {
  const site = collectSite(issues, options);
  assert.deepEqual(atomProblems(site.feed.xml), []);
  const feed = parseXml(site.feed.xml).documentElement!;
  assert.equal(feed.getAttribute('xml:base'), 'https://example.org/repo/');
  assert.equal(feed.getAttribute('xml:lang'), 'en');
  assert.equal(text(feed, 'updated'), '2021-03-01T00:00:00Z');
  assert.equal(text(feed, 'id'), 'https://example.org/repo/');
  assert.match(text(feed, 'subtitle'), /^d 1 issue without a known date is not in this feed/);
  const entries = child(feed, 'entry');
  assert.deepEqual(
    entries.map((e) => [text(e, 'id'), text(e, 'updated')]),
    [
      ['https://example.org/repo/issues/an-003/', '2021-03-01T00:00:00Z'],
      ['https://example.org/repo/issues/an-001/', '2021-01-04T00:00:00Z'],
    ],
  );
  assert.equal(
    child(feed, 'link')
      .find((l) => l.getAttribute('rel') === 'self')
      ?.getAttribute('href'),
    'https://example.org/repo/feed.xml',
  );
});

test("an entry's content is HTML listing its summaries, each linking to its place, with the text escaped once", () => {
  const site = collectSite(issues, options);
  const first = child(parseXml(site.feed.xml).documentElement!, 'entry')[0]!;
  const content = child(first, 'content')[0]!;
  assert.equal(content.getAttribute('type'), 'html');
  const html = parseDocument(content.textContent ?? '');
  const links = html.children.flatMap(function all(node): { href: string; text: string }[] {
    const element = node as { name?: string; attribs?: Record<string, string>; children?: unknown[] };
    const own =
      element.name === 'a'
        ? [{ href: element.attribs!.href!, text: (element.children as { data: string }[]).map((c) => c.data).join('') }]
        : [];
    return [...own, ...((element.children ?? []) as typeof html.children).flatMap(all)];
  });
  assert.deepEqual(
    links.map((l) => l.text),
    ['Beds & <borders>', 'Second'],
  );
  assert.ok(links.every((l) => l.href.startsWith('https://example.org/repo/issues/an-003/#')));
  assert.doesNotMatch(site.feed.xml, /<borders>/, 'no markup from the text reaches the XML as markup');
  assert.ok(!site.feed.xml.includes('\u0007'), 'a control character XML cannot hold is dropped');
});

test('the topic feeds are written by the same serializer, and validate', () => {
  const site = collectSite(issues, options);
  assert.ok(site.feeds.length > 0);
  for (const feed of site.feeds) {
    assert.deepEqual(atomProblems(feed.xml), [], feed.path);
    assert.equal(text(parseXml(feed.xml).documentElement!, 'title'), feed.feed.title);
  }
});

test('atomXml prints an empty feed with its head only', () => {
  const xml = atomXml(
    issueFeed({
      issues: [],
      siteUrl: 'https://a.example/',
      feedUrl: 'https://a.example/feed.xml',
      title: 'T',
      subtitle: 'S',
      language: 'de',
      updated: '1970-01-01',
    }),
  );
  assert.deepEqual(atomProblems(xml), []);
  assert.equal(child(parseXml(xml).documentElement!, 'entry').length, 0);
});
