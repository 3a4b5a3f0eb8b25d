import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseCategories } from '../../src/records/categories.ts';
import { buildSite } from '../../src/io/build-site.ts';
import { eleventyFor } from '../../src/io/eleventy/config.ts';
import { indexSite, SearchIndexError } from '../../src/io/pagefind.ts';
import { BuildSession } from '../../src/io/session.ts';
import { csvCell } from '../../src/site/pages/exports.ts';
import { REFERENCED_BY_SHOWN } from '../../src/site/pages/issues.ts';
import { paperSlug } from '../../src/site/text/names.ts';
import { loadArchive } from '../../src/io/load.ts';
import { explainRenderError, RenderError } from '../../src/io/eleventy/explain-error.ts';
import { parseArchive } from '../../src/parse.ts';
import { readNewsletters, readOptionalText } from '../../src/io/read.ts';
import { stableSlug } from '../../src/records/slug.ts';
import { parseDatabase } from '../../src/merge/database.ts';
import { mergeDatabase } from '../../src/merge.ts';
import { createPeople, parsePeople, personSlug } from '../../src/merge/people.ts';
import type { Issue } from '../../src/records/types.ts';
import { buildOnce, type BuiltSite } from '../support/build-once.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

let site: BuiltSite;
let issues: Issue[];

before(async () => {
  site = await buildOnce('/');
  const vocabulary = parseCategories(readOptionalText(path.join(SAMPLE_ARCHIVE, 'categories.yml')) ?? '');
  issues = parseArchive(readNewsletters([path.join(SAMPLE_ARCHIVE, 'newsletters')]).files, { vocabulary, dialect: AN_DIALECT }).issues;
});

const read = (file: string): string => readFileSync(path.join(site.dir, file), 'utf8');
const pagesUnder = (dir: string): string[] =>
  readdirSync(path.join(site.dir, dir)).filter((name) => existsSync(path.join(site.dir, dir, name, 'index.html')));
function htmlFiles(dir = site.dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [path.relative(site.dir, full)] : [];
  });
}
/** The pages at old addresses of people pages: each only sends the reader on (tests/build/redirects.test.ts). */
const isRedirect = (file: string): boolean => /<meta http-equiv="refresh"/.test(read(file));
/** Every HTML page the site shows, the redirects aside. */
const shownPages = (): string[] => htmlFiles().filter((file) => !isRedirect(file));

test('there is one page per issue, at /issues/<id>/', () => {
  assert.ok(issues.length >= 5);
  assert.deepEqual(pagesUnder('issues').sort(), issues.map((i) => i.id).sort());
});

test('every entry is an <article> whose id is its Entry.id, in reading order, with a copy link to itself', () => {
  for (const issue of issues) {
    const html = read(`issues/${issue.id}/index.html`);
    const ids = [...html.matchAll(/<article id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      ids,
      issue.entries.map((e) => e.id),
      issue.id,
    );
    for (const e of issue.entries) assert.ok(html.includes(`href="#${e.id}"`), `${issue.id}: no link to #${e.id}`);
  }
});

test('there is one page per distinct summary title, one per category and one per summarizer', () => {
  const entries = issues.flatMap((i) => i.entries);
  assert.deepEqual(pagesUnder('papers').sort(), [...new Set(entries.map((e) => paperSlug(e.title)))].sort());
  // Every topic a summary is filed under (a highlight's from its database row), and Highlights.
  const merged = mergeDatabase(
    issues,
    parseDatabase(readOptionalText(path.join(SAMPLE_ARCHIVE, 'database.csv')) ?? '', 'database.csv', 'AN'),
    {
      vocabulary: parseCategories(readOptionalText(path.join(SAMPLE_ARCHIVE, 'categories.yml')) ?? ''),
    },
  ).issues.flatMap((i) => i.entries);
  const categories = new Set(
    merged.flatMap((e) => [...e.paper.topic, ...(e.paper.highlight ? ['Highlights'] : [])]).map((c) => stableSlug(c, 'category')),
  );
  assert.deepEqual(pagesUnder('categories').sort(), [...categories].sort());
  // One page per person: people.yml's aliases and the first-name rule put `Rohin` with `Rohin Shah`.
  const names = entries.flatMap((e) => [...e.summarizers, ...e.opinions.map((o) => o.by)]);
  const declared = parsePeople(readOptionalText(path.join(SAMPLE_ARCHIVE, 'people.yml')) ?? '', 'people.yml').people;
  const people = createPeople(declared, names);
  const slugs = new Set(names.map((n) => people.resolve(n).slug));
  const [shown, moved] = [false, true].map((redirect) =>
    pagesUnder('summarizers').filter((slug) => isRedirect(`summarizers/${slug}/index.html`) === redirect),
  );
  assert.deepEqual(shown!.sort(), [...slugs].sort());
  // Every other spelling of a person with a page (in the issues or people.yml) keeps its own address, moved.
  const spellings = [...names, ...declared.flatMap((p) => [p.name, ...p.aliases])];
  const old = spellings.filter((n) => slugs.has(people.resolve(n).slug)).map(personSlug);
  assert.deepEqual(moved!.sort(), [...new Set(old.filter((slug) => !slugs.has(slug)))].sort());
});

test('no two templates write the same file: every page in the sitemap is listed once', () => {
  const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  assert.equal(new Set(locs).size, locs.length);
  const pages = shownPages().filter((f) => f !== '404.html');
  assert.equal(locs.length, pages.length);
  const redirects = htmlFiles().filter(isRedirect);
  // Besides the pages: 404, the feeds, sitemap, exports and .bib files, and the search page's stemmer.
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name === 'pagefind' || name === 'assets' ? [] : files(full);
      return /\.(xml|json|csv|bib)$/.test(name) ? [full] : [];
    });
  assert.ok(existsSync(path.join(site.dir, 'assets', 'stem.js')));
  assert.equal(site.report.pagesWritten, pages.length + redirects.length + 1 + files(site.dir).length + 1);
});

test('the Atom feed lists the newest dated issues with absolute links, each with its own date', () => {
  const feed = read('feed.xml');
  assert.match(feed, /^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  const entries = [...feed.matchAll(/<entry>[\s\S]*?<\/entry>/g)];
  const dated = issues.filter((i) => i.date !== null);
  assert.equal(entries.length, Math.min(dated.length, 20));
  for (const [entry] of entries) {
    const id = /<link href="https?:\/\/[^"]+\/issues\/([^"/]+)\/" rel="alternate"/.exec(entry)?.[1];
    const issue = dated.find((i) => i.id === id);
    assert.ok(issue, `${id} is a dated issue`);
    assert.match(entry, new RegExp(`<updated>${issue.date}T00:00:00Z</updated>`));
  }
  assert.doesNotMatch(feed, /href="\//, 'no root-relative links in a feed');
});

test('summaries.json and summaries.csv hold every entry', () => {
  const total = issues.reduce((n, i) => n + i.entries.length, 0);
  const json = JSON.parse(read('summaries.json')) as { summaries: { title: string; issue_id: string; entry_id: string }[] };
  assert.equal(json.summaries.length, total);
  const rows = parseCsv(read('summaries.csv'), { columns: true }) as Record<string, string>[];
  assert.equal(rows.length, total);
  assert.deepEqual(rows.map((r) => `${r.issue_id}#${r.entry_id}`).sort(), json.summaries.map((s) => `${s.issue_id}#${s.entry_id}`).sort());
  const first = issues[0]!.entries[0]!;
  const row = rows.find((r) => r.issue_id === issues[0]!.id && r.entry_id === first.id)!;
  assert.equal(row.title, first.title);
  assert.equal(row.summary, first.summary);
});

test('CSV cells that a spreadsheet would run as a formula are guarded with a leading quote', () => {
  assert.equal(csvCell('=HYPERLINK("http://x")'), `'=HYPERLINK("http://x")`);
  assert.equal(csvCell('- a list item'), `'- a list item`);
  assert.equal(csvCell(['@Rohin', 'Flo']), `'@Rohin; Flo`);
  assert.equal(csvCell('A plain summary.'), 'A plain summary.');
  assert.equal(csvCell(null), '');
});

test('the 404 page, .nojekyll and the Pagefind bundle are in the output', () => {
  assert.match(read('404.html'), /<h1>Page not found<\/h1>/);
  assert.ok(existsSync(path.join(site.dir, '.nojekyll')));
  for (const file of ['pagefind-entry.json', 'pagefind.js', 'pagefind-worker.js', 'pagefind-highlight.js']) {
    assert.ok(existsSync(path.join(site.dir, 'pagefind', file)), file);
  }
});

test('the summary pages are indexed for search, and the items no summary page stands for are records of their own (the sample has no essay issues)', () => {
  const papers = pagesUnder('papers').filter((slug) => !isRedirect(`papers/${slug}/index.html`));
  const records = loadArchive(
    new BuildSession({ contentDir: SAMPLE_ARCHIVE, outputDir: path.join(os.tmpdir(), 'unused-site'), quiet: true }),
  ).site.searchRecords;
  assert.ok(records.length > 0, 'the sample lists titles it does not summarize');
  assert.equal(site.report.pagesIndexed, papers.length + records.length);
  const paper = read(`papers/${papers[0]}/index.html`);
  assert.match(paper, /data-pagefind-body/);
  assert.match(paper, /data-pagefind-meta="title"/);
  for (const file of htmlFiles().filter((f) => !f.startsWith('papers/'))) {
    assert.doesNotMatch(read(file), /data-pagefind-body/, file);
  }
});

test('summary pages carry category, summarizer and year filters', () => {
  const slug = pagesUnder('papers').find((s) => read(`papers/${s}/index.html`).includes('data-pagefind-filter="category"'));
  assert.ok(slug, 'some summary page has a category filter');
  const html = read(`papers/${slug}/index.html`);
  assert.match(html, /data-pagefind-filter="summarizer"|data-pagefind-filter="year:\d{4}"/);
});

test('every page carries only the small enhancement script (deferred, under 2 KB); the search page also its own', () => {
  for (const file of htmlFiles().filter(isRedirect)) assert.doesNotMatch(read(file), /<script/, file);
  for (const file of shownPages()) {
    const scripts = [...read(file).matchAll(/<script\b[^>]*>/g)].map((m) => /src="([^"]+)"/.exec(m[0])?.[1]);
    assert.deepEqual(scripts, file === 'search/index.html' ? ['/assets/enhance.js', '/assets/search.js'] : ['/assets/enhance.js'], file);
  }
  assert.match(read('index.html'), /<script src="\/assets\/enhance.js" data-bundle="\/pagefind\/" defer><\/script>/);
  assert.ok(statSync(path.join(site.dir, 'assets', 'enhance.js')).size < 2048, 'enhance.js is 2 KB or more');
  const search = read('search/index.html');
  assert.match(search, /<noscript>[\s\S]*needs JavaScript[\s\S]*<\/noscript>/);
});

test('every page has a title, a description, Open Graph tags, landmarks and a header search leading to search/', () => {
  for (const file of shownPages()) {
    const html = read(file);
    assert.match(html, /<title>[^<]+<\/title>/, file);
    assert.match(html, /<meta name="description" content="[^"]+">/, file);
    assert.match(html, /<meta property="og:title" content="[^"]+">/, file);
    for (const landmark of ['<header', '<nav', '<main', '<footer']) assert.ok(html.includes(landmark), `${file}: ${landmark}`);
    assert.match(html, /<form class="header-search" role="search" aria-label="Quick search" action="\/search\/"/, file);
    assert.match(html, /<a href="\/search\/">Search<\/a>/, file);
  }
});

test('no issue page is heavier than 60 KB of HTML', () => {
  for (const issue of issues) {
    const size = statSync(path.join(site.dir, 'issues', issue.id, 'index.html')).size;
    assert.ok(size < 60 * 1024, `${issue.id}: ${size} bytes`);
  }
});

/** Text as Nunjucks autoescaping prints it. */
const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

test('an issue page spends a bounded number of bytes of markup on each summary, whatever its length', () => {
  // Issue pages have a 60 KB budget and the largest real issue has 41 summaries: what each one
  // costs beyond its own text and links is what decides whether that issue fits. Markup is
  // everything in the <article> that is not the title, its link, the authors, the rendered
  // summary, opinions, Read more and Prerequisites, the summarizers' names and links, the
  // anchor (twice: id and self-link) and the summary page link.
  const data = loadArchive(new BuildSession({ contentDir: SAMPLE_ARCHIVE, pathPrefix: '/', quiet: true })).site;
  let checked = 0;
  for (const issue of data.issues) {
    const html = read(`issues/${issue.id}/index.html`);
    for (const block of issue.blocks) {
      if (block.kind !== 'entry') continue;
      const e = block.entry;
      const start = html.indexOf(`<article id="${e.anchor}"`);
      assert.ok(start >= 0, `${issue.id}#${e.anchor}: no article`);
      const article = html.slice(start, html.indexOf('</article>', start) + '</article>'.length);
      const own = [
        escapeHtml(e.title),
        escapeHtml(e.titleUrl ?? ''),
        escapeHtml(e.authors ?? ''),
        e.summaryHtml,
        ...e.opinions.map((o) => escapeHtml(o.label) + o.html),
        ...e.readMoreHtml,
        ...e.prerequisitesHtml,
        ...e.summarizers.map((s) => escapeHtml(s.label) + s.href),
        escapeHtml(e.hatTips.join(', ')),
        e.anchor,
        e.anchor,
        e.paperHref,
      ].join('');
      const blocks = e.opinions.length + (e.readMoreHtml.length > 0 ? 1 : 0) + (e.prerequisitesHtml.length > 0 ? 1 : 0);
      const markup = article.length - own.length;
      // A title that links to its paper spends `<a href="">` and `</a>` on it.
      const link = e.titleUrl ? 15 : 0;
      assert.ok(markup <= 200 + link + 45 * blocks, `${issue.id}#${e.anchor}: ${markup} bytes of markup for ${blocks} opinions and extras`);
      checked++;
    }
  }
  assert.equal(
    checked,
    issues.reduce((n, i) => n + i.entries.length, 0),
  );
});

/** A scratch content dir with the sample settings and no issues yet; removed after `run`. */
async function withContent(run: (content: string, work: string) => Promise<void>): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-content-'));
  try {
    const content = path.join(work, 'content');
    mkdirSync(path.join(content, 'newsletters'), { recursive: true });
    for (const name of ['categories.yml', 'site.yml', 'newsletter.yml']) cpSync(path.join(SAMPLE_ARCHIVE, name), path.join(content, name));
    await run(content, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

test('an issue cited by many issues lists the newest few and links to a page listing them all', async () => {
  await withContent(async (content, work) => {
    const issueText = (n: number, body: string): string =>
      `---\nnumber: ${n}\ntitle: "Issue ${n}"\ndate: 2020-01-${String(n).padStart(2, '0')}\n---\nHIGHLIGHTS\n\n${body}\n`;
    writeFileSync(
      path.join(content, 'newsletters', 'an-001.txt'),
      issueText(1, 'The Cited Paper (Jane Doe) (summarized by Rohin): Much later work builds on it.'),
    );
    const citing = REFERENCED_BY_SHOWN + 2;
    for (let n = 2; n < 2 + citing; n++) {
      writeFileSync(
        path.join(content, 'newsletters', `an-${String(n).padStart(3, '0')}.txt`),
        issueText(n, `Follow-up ${n} (Jane Doe) (summarized by Rohin): It extends the cited paper (AN #1).`),
      );
    }
    const out = path.join(work, 'site');
    await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    const issuePage = readFileSync(path.join(out, 'issues', 'an-001', 'index.html'), 'utf8');
    const referencedBy = issuePage.slice(issuePage.indexOf('<h3>Referenced by</h3>'));
    const listed = [...referencedBy.matchAll(/<li><a href="\/issues\/(an-\d+)\/">/g)].map((m) => m[1]);
    assert.deepEqual(
      listed,
      Array.from({ length: REFERENCED_BY_SHOWN }, (_, i) => `an-${String(1 + citing - i).padStart(3, '0')}`),
    );
    assert.match(referencedBy, new RegExp(`<a href="/issues/an-001/cited-by/">All ${citing} issues that cite AN #1</a>`));
    const all = readFileSync(path.join(out, 'issues', 'an-001', 'cited-by', 'index.html'), 'utf8');
    assert.equal([...all.matchAll(/<li><a href="\/issues\/an-\d+\/">/g)].length, citing);
    assert.match(all, /<h1>Issues citing AN #1<\/h1>/);
    assert.match(readFileSync(path.join(out, 'sitemap.xml'), 'utf8'), /\/issues\/an-001\/cited-by\/<\/loc>/);
    // A citing issue is cited by nobody: no page for it.
    assert.ok(!existsSync(path.join(out, 'issues', 'an-002', 'cited-by')));
  });
});

test('an issue that is one essay, with no summaries, is found by search: its page is indexed, with its title and issue', async () => {
  await withContent(async (content, work) => {
    const essay = `This newsletter is one essay on orthogonal factorizations.\n\n${'The essay goes on about temporal inference. '.repeat(40)}`;
    writeFileSync(
      path.join(content, 'newsletters', 'an-001.txt'),
      `---\nnumber: 1\ntitle: "Factored sets"\ndate: 2021-06-01\n---\n${essay}\n`,
    );
    writeFileSync(
      path.join(content, 'newsletters', 'an-002.txt'),
      `---\nnumber: 2\ndate: 2021-06-08\n---\nHIGHLIGHTS\n\nA Paper (Jane Doe) (summarized by Rohin): A summary.\n`,
    );
    const out = path.join(work, 'site');
    const report = await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    const essayPage = readFileSync(path.join(out, 'issues', 'an-001', 'index.html'), 'utf8');
    assert.match(essayPage, /data-pagefind-body/);
    assert.match(essayPage, /<h1 data-pagefind-ignore data-pagefind-meta="title">Factored sets<\/h1>/);
    assert.match(essayPage, /data-pagefind-meta="issue:AN #1 · 1 June 2021"/);
    assert.match(essayPage, /<div class="prose essay">/);
    // An issue with summaries is found through its summaries' pages, not as a page of its own.
    assert.doesNotMatch(readFileSync(path.join(out, 'issues', 'an-002', 'index.html'), 'utf8'), /data-pagefind-body/);
    assert.equal(report.pagesIndexed, readdirSync(path.join(out, 'papers')).length + 1);
  });
});

test('one person written as Rohin, Rohin., Róhin and +Rohin gets one page, and the build succeeds', async () => {
  await withContent(async (content, work) => {
    const names = ['Rohin', 'Rohin.', 'Róhin', '+Rohin'];
    const body = names.map((name, i) => `Paper Number ${i} (Jane Doe) (summarized by ${name}): A summary.`).join('\n\n');
    writeFileSync(path.join(content, 'newsletters', 'an-001.txt'), `---\nnumber: 1\ndate: 2020-01-01\n---\nHIGHLIGHTS\n\n${body}\n`);
    const out = path.join(work, 'site');
    await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    assert.deepEqual(
      readdirSync(path.join(out, 'summarizers')).filter((n) => !n.endsWith('.html')),
      ['rohin'],
    );
    const page = readFileSync(path.join(out, 'summarizers', 'rohin', 'index.html'), 'utf8');
    for (let i = 0; i < names.length; i++) assert.ok(page.includes(`Paper Number ${i}`), `Paper Number ${i}`);
  });
});

test('an archive of saved web pages builds: summary titles link to their papers, highlights stand under Highlights', async () => {
  await withContent(async (content, work) => {
    cpSync(path.join('tests', 'parse', 'fixtures', 'ebook-chapter.html'), path.join(content, 'newsletters', 'an-204.html'));
    const out = path.join(work, 'site');
    await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    const page = readFileSync(path.join(out, 'issues', 'an-204', 'index.html'), 'utf8');
    assert.match(page, /<h3><a href="https:\/\/papers\.example\.org\/ladders">Ladders of Oversight<\/a><\/h3>/);
    assert.match(page, /<h3><a href="https:\/\/policy\.example\.org\/registry">A Registry for Training Runs<\/a><\/h3>/);
    // A link to a path on the saved site and a javascript: link are not published as links.
    assert.doesNotMatch(page, /href="\/posts\/|javascript:/);
    assert.ok(page.indexOf('Highlights') < page.indexOf('Ladders of Oversight'));
    assert.doesNotMatch(page, /window\.tracking|Crossposted from/);
  });
});

test('a build under a path prefix puts the prefix on every internal link, asset and search bundle', async () => {
  const prefixed = await buildOnce('/newsletter-archive/');
  const html = readFileSync(path.join(prefixed.dir, 'search', 'index.html'), 'utf8');
  assert.match(html, /href="\/newsletter-archive\/assets\/site.css"/);
  assert.match(html, /src="\/newsletter-archive\/assets\/search.js"/);
  assert.match(html, /src="\/newsletter-archive\/assets\/enhance.js" data-bundle="\/newsletter-archive\/pagefind\/"/);
  assert.match(html, /data-bundle="\/newsletter-archive\/pagefind\/"/);
  assert.match(html, /action="\/newsletter-archive\/search\/"/);
  assert.doesNotMatch(html, /(?:href|src|action)="\/(?!newsletter-archive\/)/);
  const feed = readFileSync(path.join(prefixed.dir, 'feed.xml'), 'utf8');
  assert.match(feed, /<link href="https:\/\/[^/]+\/newsletter-archive\/feed.xml" rel="self"/);
});

test('indexing fails loudly when there is nothing to search, instead of shipping a dead search page', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsletter-empty-'));
  try {
    writeFileSync(path.join(dir, 'notes.txt'), 'no HTML pages here');
    await assert.rejects(indexSite(dir), SearchIndexError);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('in watch mode, editing one issue rewrites that issue and the pages showing it, not the rest', { timeout: 90_000 }, async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-watch-'));
  const content = path.join(work, 'content');
  const output = path.join(work, 'site');
  cpSync(SAMPLE_ARCHIVE, content, { recursive: true });
  // One session for the whole watch, as the dev server keeps one: each rebuild loads the archive again.
  const session = new BuildSession({ contentDir: content, outputDir: output, quiet: true });
  const eleventy = eleventyFor(session, { output, runMode: 'watch', load: () => loadArchive(session).site });
  /** Written, and showing `text` (a page being written may be read half-way: it is read again). */
  const shows = (file: string, text: string): boolean => existsSync(file) && readFileSync(file, 'utf8').includes(text);
  /** Polls until `done`; `write` is repeated every second, since the watcher may still be starting up. The test's timeout bounds the loop. */
  const until = async (done: () => boolean, write: () => void): Promise<void> => {
    for (let tick = 0; !done(); tick++) {
      if (tick % 20 === 0) write();
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const at = (href: string): string => path.join(output, href, href.endsWith('/') ? 'index.html' : '');
  try {
    await eleventy.init();
    await eleventy.watch();
    const data = loadArchive(new BuildSession({ contentDir: content, quiet: true })).site;
    const issue = issues[0]!;
    const edited = issue.entries[0]!;
    const view = data.issues
      .flatMap((i) => i.blocks)
      .flatMap((b) => (b.kind === 'entry' && b.entry.entryHref === `/issues/${issue.id}/#${edited.id}` ? [b.entry] : []))[0]!;
    const current = data.issues.find((i) => i.id === issue.id)!;
    // A summary in an issue that is not this one or next to it, sharing no summarizer with the edited one.
    const near = new Set([issue.id, current.prev?.id, current.next?.id]);
    const untouched = issues
      .filter((i) => !near.has(i.id))
      .flatMap((i) => i.entries)
      .find((e) => e.title !== edited.title && !e.summarizers.some((s) => edited.summarizers.includes(s)))!;
    const untouchedPage = path.join(output, 'papers', paperSlug(untouched.title), 'index.html');
    const untouchedTime = statSync(untouchedPage).mtimeMs;
    const file = path.join(content, 'newsletters', issue.file);
    const original = readFileSync(file, 'utf8');

    // A word added at the start of a summary: every page showing the summary or its excerpt,
    // and the exports, are written again.
    const marker = 'Zanzibarian';
    const text = original.replace(edited.summary.slice(0, 20), `${marker} ${edited.summary.slice(0, 20)}`);
    const showing = [
      at(`/issues/${issue.id}/`),
      at(view.paperHref),
      ...view.summarizers.map((s) => at(s.href)),
      ...view.categories.map((c) => at(c.href)),
      path.join(output, 'summaries.json'),
      path.join(output, 'summaries.csv'),
    ];
    await until(
      () => showing.every((f) => shows(f, marker)),
      () => writeFileSync(file, text),
    );
    assert.equal(statSync(untouchedPage).mtimeMs, untouchedTime, 'an unrelated summary page was rewritten');

    // The issue's title changes: the issues before and after it link to it by title.
    const neighbours = [current.prev, current.next].flatMap((ref) => (ref ? [at(ref.href)] : []));
    assert.ok(neighbours.length > 0);
    const title = 'Zanzibarian retitled issue';
    const retitled = text.startsWith('---\n') ? text.replace('---\n', `---\ntitle: ${title}\n`) : `---\ntitle: ${title}\n---\n${text}`;
    await until(
      () => [at(`/issues/${issue.id}/`), ...neighbours].every((f) => shows(f, title)),
      () => writeFileSync(file, retitled),
    );
    assert.equal(statSync(untouchedPage).mtimeMs, untouchedTime, 'an unrelated summary page was rewritten');
  } finally {
    await eleventy.stopWatch();
    // A rebuild started by an earlier write (or queued a moment before the watcher closed) still
    // writes into the output: removing it under that rebuild would fail it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    while (eleventy.watchManager.isBuildRunning()) await new Promise((resolve) => setTimeout(resolve, 50));
    rmSync(work, { recursive: true, force: true });
  }
});

test('when Eleventy fails on a page, the error names the page and the newsletter file it is made from', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'newsletter-render-error-'));
  try {
    const session = new BuildSession({ contentDir: SAMPLE_ARCHIVE, pathPrefix: '/', quiet: true });
    const loaded = loadArchive(session);
    // A file where the issue's folder must go: writing its page fails, as a full disk or a permission would.
    mkdirSync(path.join(out, 'issues'), { recursive: true });
    writeFileSync(path.join(out, 'issues', 'an-098'), 'in the way');
    const eleventy = eleventyFor(session, { output: out });
    eleventy.logger.overrideLogger(false);
    const error = await eleventy.write().then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(error, 'the write failed');
    await new Promise((resolve) => setTimeout(resolve, 250));
    const explained = explainRenderError(error, out, loaded);
    assert.ok(explained instanceof RenderError);
    assert.match(explained.message, /^rendering failed: E\w+: /);
    assert.match(explained.message, /\n {2}template: templates\/issue-pages\.njk/);
    assert.match(explained.message, /\n {2}page: \/issues\/an-098\/, made from an-098\.txt/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
