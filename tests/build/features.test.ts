/**
 * The features beyond the newsletter's text, in built sites: related summaries on the summary
 * pages, Cite blocks and `.bib` files, the feeds of every category and person, /stats/, dark
 * mode; and site.yml turning each off.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { buildSite } from '../../src/io/build-site.ts';
import { ContentError } from '../../src/io/content-dir.ts';
import { BuildSession } from '../../src/io/session.ts';
import { atomProblems } from '../support/atom.ts';
import { buildOnce, type BuiltSite } from '../support/build-once.ts';
import { BEES, MESA, MESA_AGAIN, relatedArchiveFiles } from '../support/related-archive.ts';
import { allElements, parseXml } from '../support/xml.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

let site: BuiltSite;
const temp: string[] = [];

before(async () => {
  site = await buildOnce('/');
});
after(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

const read = (dir: string, file: string): string => readFileSync(path.join(dir, file), 'utf8');
function filesEndingIn(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : filesEndingIn(full, suffix);
    return name.endsWith(suffix) ? [full] : [];
  });
}

/** A content dir with these newsletter files and site.yml, built; returns the output dir. */
async function buildArchive(files: Record<string, string>, siteYml: string): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsletter-features-'));
  temp.push(dir);
  mkdirSync(path.join(dir, 'content/newsletters'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'content/newsletters', name), text);
  cpSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), path.join(dir, path.join(SAMPLE_ARCHIVE, 'categories.yml')));
  cpSync(path.join(SAMPLE_ARCHIVE, 'newsletter.yml'), path.join(dir, 'content/newsletter.yml'));
  writeFileSync(path.join(dir, 'content/site.yml'), `url: https://example.org/\nnewsletter: Test Newsletter\n${siteYml}`);
  const out = path.join(dir, 'site');
  await buildSite(new BuildSession({ contentDir: path.join(dir, 'content'), outputDir: out, quiet: true }));
  return out;
}

/** The summary page of a title, found from the issue pages' "Summary page" links. */
function summaryPage(out: string, title: string): string {
  for (const file of filesEndingIn(path.join(out, 'papers'), 'index.html')) {
    const html = readFileSync(file, 'utf8');
    if (html.includes(`<h1 data-pagefind-ignore data-pagefind-meta="title">${title}</h1>`)) return html;
  }
  assert.fail(`no summary page titled ${title}`);
}

/** The titles a summary page lists under "Related summaries", in order. */
function relatedTitles(html: string): string[] {
  const section = /<section class="related"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...section.matchAll(/class="row-title" href="[^"]+">([^<]+)</g)].map((m) => m[1]!);
}

test('a summary page lists its near-duplicate first under Related summaries, with its issue and why; an unrelated summary is listed nowhere', async () => {
  const out = await buildArchive(relatedArchiveFiles(), '');
  const mesa = summaryPage(out, MESA);
  assert.equal(relatedTitles(mesa)[0], MESA_AGAIN);
  assert.match(mesa, /AN #3 · 21 January 2019 · <span class="reason">Similar text/);
  assert.equal(relatedTitles(summaryPage(out, MESA_AGAIN))[0], MESA);
  const bees = summaryPage(out, BEES);
  assert.deepEqual(relatedTitles(bees), []);
  assert.doesNotMatch(bees, /Related summaries/, 'no empty section');
  for (const file of filesEndingIn(path.join(out, 'papers'), 'index.html'))
    assert.ok(!relatedTitles(readFileSync(file, 'utf8')).includes(BEES), `${file} lists ${BEES}`);
});

test('every category and summarizer has an Atom feed that validates, linked from its page in the head and in the text', () => {
  const pages = [
    ...readdirSync(path.join(site.dir, 'categories')).map((d) => `categories/${d}`),
    ...readdirSync(path.join(site.dir, 'summarizers')).map((d) => `summarizers/${d}`),
  ].filter((d) => existsSync(path.join(site.dir, d, 'feed.xml')));
  const categories = readdirSync(path.join(site.dir, 'categories')).filter((d) => d !== 'index.html');
  // A person's old address (a redirect to their page, tests/build/redirects.test.ts) has no feed of its own.
  const people = readdirSync(path.join(site.dir, 'summarizers')).filter(
    (d) => d !== 'index.html' && !read(site.dir, `summarizers/${d}/index.html`).includes('<meta http-equiv="refresh"'),
  );
  assert.equal(pages.length, categories.length + people.length, 'one feed per category and per person');
  for (const dir of pages) {
    const feed = read(site.dir, `${dir}/feed.xml`);
    assert.deepEqual(atomProblems(feed), [], `${dir}/feed.xml`);
    // A subject whose summaries are all of undated issues has none to give (an Atom entry needs a date), and says so.
    assert.match(feed, /<entry>|without a known date (?:is|are) not in this feed/, `${dir}/feed.xml has entries, or says why not`);
    const html = read(site.dir, `${dir}/index.html`);
    assert.match(html, new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/${dir}/feed.xml">`));
    assert.match(html, new RegExp(`<a class="feed-link" href="/${dir}/feed.xml">`));
  }
  assert.deepEqual(atomProblems(read(site.dir, 'feed.xml')), [], 'feed.xml');
});

test('the .bib files of the archive and of every category parse with a BibTeX parser, one summary entry per summary', () => {
  const files = filesEndingIn(site.dir, '.bib');
  assert.equal(files.length, 1 + readdirSync(path.join(site.dir, 'categories')).filter((d) => d !== 'index.html').length);
  for (const file of files) {
    const library = parseBibtex(readFileSync(file, 'utf8'), { sentenceCase: false, english: false });
    assert.deepEqual(library.errors, [], file);
    assert.ok(library.entries.length > 0, file);
    assert.equal(new Set(library.entries.map((e) => e.key)).size, library.entries.length, `${file}: keys are unique`);
  }
  const all = parseBibtex(read(site.dir, 'summaries.bib'), { sentenceCase: false, english: false });
  const summaries = all.entries.filter((e) => String(e.fields.howpublished ?? '').startsWith('Alignment Newsletter #'));
  assert.equal(summaries.length, site.report.entries);
  assert.match(read(site.dir, 'index.html'), /href="\/summaries.bib"/);
});

test('every summary page has a Cite block whose BibTeX parses, and the copy button comes from the one small script', () => {
  const pages = filesEndingIn(path.join(site.dir, 'papers'), 'index.html');
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    // The old address of a title no issue summarizes: a redirect, no page.
    if (html.includes('<meta http-equiv="refresh"')) continue;
    const blocks = [...html.matchAll(/<pre class="copyable"[^>]*>([^<]*)<\/pre>/g)].map((m) =>
      m[1]!
        .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    );
    assert.ok(blocks.length >= 1, `${file}: no BibTeX`);
    for (const text of blocks) assert.deepEqual(parseBibtex(text, { sentenceCase: false, english: false }).errors, [], `${file}:\n${text}`);
    assert.match(html, /<p class="cite-text copyable"[^>]*>[^<]*Summary of “/);
    assert.equal([...html.matchAll(/<script\b/g)].length, 1, `${file}: only enhance.js`);
  }
});

test('the stats page is linked from home; each chart is an SVG image with a title and description, and a table with a caption and scoped headers', () => {
  assert.match(read(site.dir, 'index.html'), /<a href="\/stats\/">The archive in charts<\/a>/);
  const html = read(site.dir, 'stats/index.html');
  assert.doesNotMatch(html, /<script(?![^>]*enhance\.js)/, 'no script besides enhance.js');
  // The sample archive's issues are undated and cite no other: the charts with nothing to show say so instead.
  const svgs = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
  const empty = [...html.matchAll(/<p class="chart-empty">/g)].length;
  assert.equal(svgs.length + empty, 4);
  assert.ok(svgs.length >= 1);
  for (const svg of svgs) {
    const root = parseXml(svg).documentElement!;
    assert.equal(root.getAttribute('role'), 'img');
    const [titleId, descId] = (root.getAttribute('aria-labelledby') ?? '').split(' ');
    const byId = (id: string | undefined) => allElements(root).find((e) => e.getAttribute('id') === id);
    assert.equal(byId(titleId)?.localName, 'title');
    assert.ok((byId(titleId)?.textContent ?? '').length > 5);
    assert.equal(byId(descId)?.localName, 'desc');
  }
  const tables = [...html.matchAll(/<table>[\s\S]*?<\/table>/g)].map((m) => m[0]);
  assert.equal(tables.length, svgs.length);
  for (const table of tables) {
    assert.match(table, /<caption id="[^"]+">[^<]+<\/caption>/);
    assert.match(table, /<th scope="col">/);
    assert.match(table, /<tr><th scope="row">/);
  }
  const categories = readdirSync(path.join(site.dir, 'categories')).filter((d) => d !== 'index.html');
  const sparklines = categories.filter((d) => read(site.dir, `categories/${d}/index.html`).includes('<section class="sparkline"'));
  assert.ok(sparklines.length > 0, 'a category with dated summaries has its sparkline');
  for (const d of sparklines)
    assert.match(read(site.dir, `categories/${d}/index.html`), /<section class="sparkline"[\s\S]*?<svg[^>]*role="img"[\s\S]*?<table>/);
});

test("a category page's sparkline says under it how many of the page's summaries have no known year, and the bars count the rest", () => {
  const categories = readdirSync(path.join(site.dir, 'categories')).filter((d) => d !== 'index.html');
  let noted = 0;
  for (const d of categories) {
    const html = read(site.dir, `categories/${d}/index.html`);
    const total = Number(/<p class="page-meta">([\d,]+) summar/.exec(html)?.[1]?.replace(/,/g, ''));
    assert.ok(total > 0, `${d}: its count`);
    const section = /<section class="sparkline"[\s\S]*?<\/section>/.exec(html)?.[0];
    // A category with no dated summary has nothing to draw, and no chart or note pretends otherwise.
    if (section === undefined) continue;
    const bars = [...section.matchAll(/<tr><th scope="row">\d{4}<\/th><td>(\d+)<\/td><\/tr>/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const note =
      /<p class="chart-note">([\d,]+) of ([\d,]+) summar(?:y|ies) (?:has no known year and is|have no known year and are) not counted\.<\/p>/.exec(
        section,
      );
    if (bars === total) {
      assert.doesNotMatch(section, /chart-note/, `${d}: every summary is counted, so no note`);
      continue;
    }
    noted++;
    assert.ok(note, `${d}: ${total - bars} of ${total} summaries are not in the bars, and the note says so`);
    assert.equal(Number(note[1]), total - bars, d);
    assert.equal(Number(note[2]), total, d);
    assert.match(section, new RegExp(`<desc[^>]*>[^<]*${note[1]} of ${note[2]} summar`), `${d}: the SVG's description says it too`);
  }
  assert.ok(noted > 0, 'the sample archive has categories with undated summaries beside dated ones');
});

test('site.yml turns each feature off: no related summaries, Cite block, .bib file, topic feed, stats page or dark colours', async () => {
  const out = await buildArchive(relatedArchiveFiles(), 'related: false\ncite: false\ntopicFeeds: false\nstats: false\ndarkMode: false\n');
  const mesa = summaryPage(out, MESA);
  assert.doesNotMatch(mesa, /Related summaries|class="cite"/);
  assert.match(mesa, /<html lang="en" data-color-scheme="light">/);
  assert.match(mesa, /<meta name="color-scheme" content="light">/);
  assert.deepEqual(filesEndingIn(out, '.bib'), []);
  assert.deepEqual(
    filesEndingIn(out, '.xml').map((f) => path.relative(out, f)),
    ['feed.xml', 'sitemap.xml'].filter((f) => existsSync(path.join(out, f))),
  );
  assert.ok(!existsSync(path.join(out, 'stats')));
  assert.doesNotMatch(read(out, 'index.html'), /\/stats\/|summaries\.bib/);
  assert.doesNotMatch(read(out, 'categories/technical-ai-alignment/index.html'), /feed-link|sparkline|\.bib/);
});

test('a feature setting that is not true or false stops the build, naming site.yml and its line', async () => {
  await assert.rejects(buildArchive(relatedArchiveFiles(), 'stats: no\n'), (error: Error) => {
    assert.ok(error instanceof ContentError);
    assert.match(
      error.message,
      /site\.yml:3: "stats" must be true or false \(write `stats: false` to turn it off\) \(found the text "no"\)/,
    );
    return true;
  });
});
