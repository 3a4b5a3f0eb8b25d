/**
 * Dates in a built site: the dates file gives issues their dates, titles and addresses; what the
 * text shows is used for what it is; and no page, feed, sitemap or export states a date an issue
 * does not have, nor another issue's date.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildSite, type BuildReport } from '../../src/io/build-site.ts';
import { BuildSession } from '../../src/io/session.ts';
import { formatDate } from '../../src/site/text/format.ts';
import { atomProblems } from '../support/atom.ts';
import { DATED, datedArchive } from '../support/dated-archive.ts';
import type { Element } from '@xmldom/xmldom';
import { allElements, parseXml } from '../support/xml.ts';

let content: string;
let out: string;
let report: BuildReport;

before(async () => {
  content = datedArchive();
  out = path.join(content, '..', 'site');
  report = await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
});
after(() => rmSync(path.join(content, '..'), { recursive: true, force: true }));

const read = (file: string): string => readFileSync(path.join(out, file), 'utf8');
function files(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : files(full, suffix);
    return name.endsWith(suffix) ? [full] : [];
  });
}
/** `part 4` in a summary's title names its issue. */
const issueOfTitle = (title: string): string => `an-00${/part (\d)/.exec(title)![1]}`;
const text = (el: Element | undefined): string => el?.textContent?.trim() ?? '';
const named = (root: Element, name: string): Element[] => allElements(root).filter((el) => el.localName === name);

test('the archive builds, and the dates file is read', () => {
  assert.equal(report.issues, 7);
  const seventh = read('issues/an-007/index.html');
  assert.match(seventh, /<h1>The seventh notes<\/h1>/, "the dates file's title");
  assert.match(seventh, /<time datetime="2021-03-08">8 March 2021<\/time>/, "the dates file's date wins over the front matter's");
});

test('every entry of every feed carries its own issue date, and no issue without one is in a feed', () => {
  const feeds = files(out, '.xml').filter((f) => !f.endsWith('sitemap.xml'));
  assert.ok(feeds.length >= 3, 'the archive feed and topic feeds');
  let entries = 0;
  for (const file of feeds) {
    const xml = readFileSync(file, 'utf8');
    assert.deepEqual(atomProblems(xml), [], file);
    const doc = parseXml(xml);
    for (const entry of named(doc.documentElement!, 'entry')) {
      entries++;
      const link = named(entry, 'link')[0]!.getAttribute('href')!;
      const title = text(named(entry, 'title')[0]);
      const issue = link.includes('/issues/') ? /issues\/(an-\d+)/.exec(link)![1]! : issueOfTitle(title);
      const date = DATED[issue];
      assert.ok(date, `${path.relative(out, file)}: ${title} is of ${issue}, which has no date, yet it is in the feed`);
      assert.equal(text(named(entry, 'updated')[0]), `${date}T00:00:00Z`, `${path.relative(out, file)}: ${title}`);
    }
  }
  assert.ok(entries > 0);
  assert.match(read('feed.xml'), /4 issues without a known date are not in this feed/);
});

test('no page states a day an issue does not have: every date shown is one an issue has', () => {
  const days = new Set(Object.values(DATED).filter((d): d is string => d !== null));
  const shown = new Set(Object.values(DATED).flatMap((d) => (d === null ? [] : [formatDate(d)])));
  const DAY = /\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/g;
  for (const file of files(out, '.html')) {
    const html = readFileSync(file, 'utf8');
    for (const [, iso] of html.matchAll(/<time datetime="([^"]+)"/g))
      assert.ok(days.has(iso!), `${path.relative(out, file)}: <time> ${iso}`);
    for (const [day] of html.matchAll(DAY)) assert.ok(shown.has(day), `${path.relative(out, file)}: "${day}"`);
  }
  assert.ok(!read('issues/an-007/index.html').includes('1 March 2021'), 'the corrected front matter date is shown nowhere');
});

test('what an undated issue is known to be is shown for what it is, with its evidence', () => {
  const kicker = (id: string): string =>
    /<p class="kicker"[^>]*>([\s\S]*?)<\/p>/.exec(read(`issues/${id}/index.html`))![1]!.replace(/<[^>]+>/g, '');
  assert.equal(kicker('an-003'), 'AN #3 · Jan 2021', "the dates file's month");
  assert.equal(kicker('an-004'), 'AN #4 · Feb–Mar 2021', 'its arXiv paper, and the dated issue after it');
  assert.equal(kicker('an-005'), 'AN #5 · Feb–Mar 2021');
  const four = read('issues/an-004/index.html');
  assert.match(four, /the newest arXiv paper it links \(2102\.00001\)/);
  assert.match(read('issues/an-005/index.html'), /numbered before it/);
  const list = read('issues/index.html');
  assert.match(list, /<h2 class="year"[^>]*>2021<\/h2>/, 'every issue is known to be of 2021');
  assert.doesNotMatch(list, /year unknown/);
});

test('the sitemap states no dates, and the exports give each issue its own date or none', () => {
  assert.doesNotMatch(read('sitemap.xml'), /lastmod/);
  const json = JSON.parse(read('summaries.json')) as { summaries: { issue_id: string; issue_date: string | null }[] };
  assert.equal(json.summaries.length, 14);
  for (const s of json.summaries) assert.equal(s.issue_date, DATED[s.issue_id], s.issue_id);
  const rows = parseCsv(read('summaries.csv'), { columns: true }) as Record<string, string>[];
  for (const r of rows) assert.equal(r.issue_date, DATED[r.issue_id!] ?? '', r.issue_id);
});

test("an undated issue's summaries are cited by the year that is known of them, without a month", () => {
  const bib = read('summaries.bib');
  const entry = (issue: number): string => {
    const at = bib.search(new RegExp(`howpublished = \\{[^}]*\\\\#${issue}\\}`));
    return bib.slice(bib.lastIndexOf('@', at), bib.indexOf('\n}', at));
  };
  assert.match(entry(4), /year\s+= \{2021\}/);
  assert.doesNotMatch(entry(4), /month/);
  assert.match(entry(7), /month\s+= mar/);
});

test('every issue page links its original post when its address is known, and its relative links are resolved against it', () => {
  const two = read('issues/an-002/index.html');
  assert.match(two, /<a href="https:\/\/garden\.example\/posts\/2">Original post<\/a>/);
  assert.match(two, /<a href="https:\/\/garden\.example\/posts\/1">the earlier post<\/a>/);
  const three = read('issues/an-003/index.html');
  assert.doesNotMatch(three, /Original post/);
  assert.match(three, /As the earlier post says\./, 'no address to resolve it against: the link is its text');
  assert.doesNotMatch(three, /href="\/posts\//);
});

test('an issue page links the previous and next issue at its top as well as at its bottom', () => {
  const html = read('issues/an-004/index.html');
  const navs = [...html.matchAll(/<nav class="pager[^"]*" aria-label="([^"]+)"[^>]*>([\s\S]*?)<\/nav>/g)];
  assert.deepEqual(
    navs.map((m) => m[1]),
    ['Previous and next issue (top)', 'Previous and next issue'],
  );
  for (const [, , body] of navs) {
    assert.match(body!, /href="\/issues\/an-003\/"/);
    assert.match(body!, /href="\/issues\/an-005\/"/);
  }
  assert.ok(html.indexOf('(top)') < html.indexOf('<h2') || !html.includes('<h2'), 'the top links come before the first section');
  const first = read('issues/an-001/index.html');
  assert.doesNotMatch(first, /Previous issue/, 'the first issue has no previous one');
});
