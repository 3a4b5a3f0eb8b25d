/**
 * Hostile input never reaches the page. Issues whose every field carries markup, event handlers,
 * `javascript:` links and template syntax are built into a real site (Eleventy + Pagefind), and
 * every output is checked: each HTML page, the feed, summaries.json / .csv, and search results
 * in headless Chromium. The hostile strings may appear only as inert, escaped text.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { buildSite, type BuildReport } from '../../src/io/build-site.ts';
import { BuildSession } from '../../src/io/session.ts';
import { launchBrowser, type TestBrowser } from '../../tools/support/browser.ts';
import { browserTest } from '../support/browser-test.ts';
import { startStaticServer, type StaticServer } from '../../tools/support/static-server.ts';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { atomProblems } from '../support/atom.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

/** Each payload would run code or show markup if it reached a page unescaped; `pwned` marks them all. */
export const SCRIPT = '<script>window.__pwned = "script"</script>';
export const IMG = '<img src=x onerror="window.__pwned = \'img\'">';
export const JS_LINK = "[a harmless link](javascript:window.__pwned='link')";
export const RAW_JS_LINK = '<a href="javascript:window.__pwned=\'a\'">click</a>';
/** 7 * 191 = 1337: the number must never appear, the expression must stay as typed. */
export const TEMPLATE = '{{ 7 * 191 }} {% raw %}x{% endraw %} {{ site.settings.title }} {%- include "base.njk" -%}';
export const SVG = '<svg onload="window.__pwned=\'svg\'"></svg>';

/** A title made of markup (the header regex still needs a parenthetical after it). */
export const MARKUP_TITLE = '<b onmouseover="window.__pwned=1">Bold</b> <script>window.__pwned="title"</script> {{ 7 * 191 }}';

const ISSUE = [
  '---',
  'number: 201',
  `title: ${JSON.stringify(`Hostile issue ${SCRIPT} {{ 7 * 191 }}`)}`,
  'date: 2021-01-04',
  '---',
  `This issue's note: ${SCRIPT} ${IMG} ${TEMPLATE}`,
  '',
  'HIGHLIGHTS',
  '',
  `${MARKUP_TITLE} (Mallory ${IMG}) (summarized by Rohin): A summary that holds ${SCRIPT} and ${IMG} and ${JS_LINK} and ${RAW_JS_LINK} and ${TEMPLATE} and ${SVG} in its text.`,
  '',
  `Rohin's opinion: The opinion holds ${SCRIPT} and ${TEMPLATE} too, and a reference (AN #202).`,
  '',
  `Read more: ${JS_LINK} and ${RAW_JS_LINK}`,
  '',
  `Prerequisites: ${IMG}`,
  '',
  'TECHNICAL AI ALIGNMENT',
  '',
  'INTERPRETABILITY',
  '',
  `A Plain Title With {{ 7 * 191 }} (Eve <i>Attacker</i>) (summarized by Flo): Summary with a link [x](javascript:alert(1)) and ${SVG}.`,
  '',
  `Flo's opinion: ${IMG}`,
  '',
].join('\n');

/** A title that a spreadsheet would run as a formula if the CSV cell started with `=`. */
export const FORMULA_TITLE = '=HYPERLINK("https://example.com/pwned","open")';

const OTHER = [
  '---',
  'number: 202',
  'date: 2021-01-11',
  '---',
  'HIGHLIGHTS',
  '',
  `A Quiet Paper (Alice Smith) (summarized by Rohin): Nothing hostile here, except a citation of the hostile issue (AN #201).`,
  '',
  `${FORMULA_TITLE} (@SUM(1+1)) (summarized by Rohin): +cmd|' /C calc'!A0 is a summary that starts like a formula.`,
  '',
].join('\n');

/**
 * A Markdown export whose title links and images point where no link may: the title link runs
 * code when clicked if it reaches the page as `<a href="javascript:...">`.
 */
export const TITLE_LINKS = {
  javascript: 'javascript:alert(document.domain)',
  data: 'data:text/html,<script>alert(1)</script>',
  vbscript: 'vbscript:msgbox(1)',
  protocolRelative: '//evil.example/phish',
};
const MARKDOWN_ISSUE = [
  '---',
  'number: 203',
  'date: 2021-01-18',
  '---',
  '**Highlights**',
  '------------',
  '',
  `[Click Me Title](${TITLE_LINKS.javascript}) *(Mallory)* (summarized by Rohin): A tracking image ![pixel](https://tracker.example/pixel.png) and an inline [data link](${TITLE_LINKS.data}).`,
  '',
  `[Data Title](${TITLE_LINKS.data}) *(Mallory)* (summarized by Rohin): Another one, with a [relative link](/issues/an-201/) shown.`,
  '',
  `[VB Title](${TITLE_LINKS.vbscript}) *(Mallory)* (summarized by Rohin): And ![](//evil.example/x.png) a protocol-relative image.`,
  '',
  `[Elsewhere Title](${TITLE_LINKS.protocolRelative}) *(Mallory)* (summarized by Rohin): And a [mail](mailto:someone@example.org) link kept.`,
  '',
].join('\n');

let dir = '';
let site = '';
let report: BuildReport;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  const content = path.join(dir, 'content');
  site = path.join(dir, 'site');
  mkdirSync(path.join(content, 'newsletters'), { recursive: true });
  copyFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), path.join(content, 'categories.yml'));
  copyFileSync(path.join(SAMPLE_ARCHIVE, 'site.yml'), path.join(content, 'site.yml'));
  copyFileSync(path.join(SAMPLE_ARCHIVE, 'newsletter.yml'), path.join(content, 'newsletter.yml'));
  writeFileSync(path.join(content, 'newsletters', 'an-201.txt'), ISSUE);
  writeFileSync(path.join(content, 'newsletters', 'an-202.txt'), OTHER);
  writeFileSync(path.join(content, 'newsletters', 'an-203.md'), MARKDOWN_ISSUE);
  report = await buildSite(new BuildSession({ contentDir: content, outputDir: site, quiet: true }));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** The attributes of one start tag, names lower-cased, values as written (quotes removed), the way a browser tokenizes them. */
function attributesOf(tag: string): { name: string; value: string }[] {
  const body = tag.replace(/^<[a-zA-Z][^\s/>]*/, '').replace(/\/?>$/, '');
  const out: { name: string; value: string }[] = [];
  for (const m of body.matchAll(/([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    out.push({ name: m[1]!.toLowerCase(), value: (m[2] ?? '').replace(/^["']|["']$/g, '') });
  }
  return out;
}
const PAYLOAD_NUMBER = '1337';

/** What is wrong with a piece of HTML the site wrote: anything from the input that is live markup. */
function htmlProblems(html: string, where: string): string[] {
  const problems: string[] = [];
  for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    const attributes = attributesOf(tag);
    if (attributes.some((a) => a.name.startsWith('on'))) problems.push(`${where}: event handler attribute in ${tag}`);
    for (const attribute of attributes.filter((a) => ['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(a.name))) {
      // The character references an attribute may hide a scheme behind (`&#106;avascript:`), decoded as a browser does.
      const value = decodeHTMLAttribute(attribute.value)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip control characters in a URL, so the check does too
        .replace(/[\s\u0000-\u001f]/g, '')
        .toLowerCase();
      // `data:,` (an empty icon) is the site's own; any other data URL would come from the input.
      if (/^(javascript|vbscript):/.test(value) || (value.startsWith('data:') && value !== 'data:,'))
        problems.push(`${where}: ${value.split(':')[0]} URL in ${tag}`);
    }
    // The input's markup carries its payload (`pwned`, `Attacker`) or `src=x`; the site's own charts are <svg> too.
    if (/^<(img|svg|iframe|object|embed|b|i|form)\b/i.test(tag) && /pwned|Attacker|\ssrc=["']?x\b/.test(tag))
      problems.push(`${where}: input markup ${tag}`);
  }
  // The site's own scripts are external files of its own, with nothing between the tags.
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const src = /\ssrc="([^"]*)"/.exec(m[1]!)?.[1];
    if (!src || !/^\/(assets|pagefind)\/[\w.-]+\.js$/.test(src) || m[2]!.trim() !== '')
      problems.push(`${where}: script the site did not write: ${m[0].slice(0, 120)}`);
  }
  if (/<i>Attacker/.test(html)) problems.push(`${where}: <i> from the authors`);
  if (html.includes(PAYLOAD_NUMBER)) problems.push(`${where}: template syntax was evaluated (7 * 191 = 1337)`);
  return problems;
}

test('the page checker flags each kind of live markup (so a clean result means something)', () => {
  const live = [
    '<script>window.__pwned = 1</script>',
    '<img src=x onerror="window.__pwned = 1">',
    '<a href=" jav&#x61;script:alert(1)">x</a>',
    '<p>1337</p>',
  ];
  for (const html of live) assert.equal(htmlProblems(html, 'sample').length > 0, true, html);
  assert.deepEqual(htmlProblems('<meta content="&lt;img src=x onerror=&quot;x&quot;&gt;"><p>&lt;script&gt;</p>', 'sample'), []);
});

test('the hostile archive builds, with every issue and entry', () => {
  assert.equal(report.issues, 3);
  assert.equal(report.entries, 8);
});

test('no HTML page holds a script, event handler, javascript: link or evaluated template from the input', () => {
  const pages = filesUnder(site).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length >= 15, `${pages.length} pages`);
  const problems = pages.flatMap((file) => htmlProblems(readFileSync(file, 'utf8'), path.relative(site, file)));
  assert.deepEqual(problems, []);
});

test('every feed is valid Atom and every .bib file parses, whatever the titles and names hold', () => {
  const files = filesUnder(site);
  const feeds = files.filter((f) => f.endsWith('feed.xml'));
  assert.ok(feeds.length > 3, `${feeds.length} feeds`);
  for (const feed of feeds) assert.deepEqual(atomProblems(readFileSync(feed, 'utf8')), [], path.relative(site, feed));
  const bibs = files.filter((f) => f.endsWith('.bib'));
  assert.ok(bibs.length > 1, `${bibs.length} .bib files`);
  for (const bib of bibs)
    assert.deepEqual(parseBibtex(readFileSync(bib, 'utf8'), { sentenceCase: false, english: false }).errors, [], path.relative(site, bib));
});

test('title links and inline links with a javascript:, data:, vbscript: or protocol-relative target are shown as text', () => {
  const pages = filesUnder(site).filter((f) => f.endsWith('.html'));
  const hrefs = pages.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\shref="([^"]*)"/g)].map((m) => decodeHTMLAttribute(m[1]!)),
  );
  for (const target of Object.values(TITLE_LINKS)) assert.ok(!hrefs.includes(target), target);
  assert.deepEqual(
    hrefs.filter((h) => h.startsWith('//')),
    [],
    'protocol-relative links',
  );
  const issue = readFileSync(path.join(site, 'issues', 'an-203', 'index.html'), 'utf8');
  for (const title of ['Click Me Title', 'Data Title', 'VB Title', 'Elsewhere Title'])
    assert.match(issue, new RegExp(`<h3>${title}</h3>`), title);
  // A relative link from the text, in an issue with no known source, has nothing to be resolved against: its text.
  assert.match(issue, /[ >]relative link[ <.,]/);
  assert.doesNotMatch(issue, /<a href="[^"]*">relative link<\/a>/);
  assert.match(issue, /<a href="mailto:someone@example.org">mail<\/a>/);
  assert.match(issue, /inline data link\./, 'an unsafe inline link keeps its text');
});

test('images in the input are published as links to them, never as <img>', () => {
  const pages = filesUnder(site).filter((f) => f.endsWith('.html'));
  for (const file of pages) assert.doesNotMatch(readFileSync(file, 'utf8'), /<img\b/i, path.relative(site, file));
  const issue = readFileSync(path.join(site, 'issues', 'an-203', 'index.html'), 'utf8');
  assert.match(issue, /<a href="https:\/\/tracker.example\/pixel.png">pixel<\/a>/);
  assert.doesNotMatch(issue, /evil\.example\/x\.png"/, 'a protocol-relative image is not linked');
});

test('the hostile texts are on the issue page as escaped text, and the template syntax as typed', () => {
  const html = readFileSync(path.join(site, 'issues', 'an-201', 'index.html'), 'utf8');
  assert.ok(html.includes('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;'), 'the issue title, escaped');
  assert.ok(html.includes('Mallory &lt;img src=x onerror='), 'the authors, escaped');
  assert.ok(html.includes('{{ 7 * 191 }}'), 'template syntax kept as text');
  assert.ok(html.includes('{% raw %}x{% endraw %}'), 'template tags kept as text');
});

test('the feed holds the hostile texts only as escaped text, and its HTML content is inert once unescaped', () => {
  const xml = readFileSync(path.join(site, 'feed.xml'), 'utf8');
  assert.deepEqual(
    htmlProblems(xml, 'feed.xml').filter((p) => !p.includes('script the site did not write')),
    [],
  );
  assert.doesNotMatch(xml, /<script/i);
  const contents = [...xml.matchAll(/<content type="html">([\s\S]*?)<\/content>/g)].map((m) => decodeHTML(m[1]!));
  assert.equal(contents.length, 3);
  for (const content of contents) assert.deepEqual(htmlProblems(content, 'feed content'), []);
  // The feed's HTML holds no tag of the input, and read as HTML its text is the tag as typed.
  assert.ok(
    contents.some((c) => !/<script/i.test(c) && decodeHTML(c).includes('<script>')),
    'the script tag is text inside the feed HTML',
  );
});

interface ExportRecord {
  title: string;
  authors: string | null;
  summary: string;
  prerequisites: string[];
  issue_title: string | null;
}

test('summaries.json keeps the hostile texts verbatim as data, nothing evaluated', () => {
  const raw = readFileSync(path.join(site, 'summaries.json'), 'utf8');
  assert.ok(!raw.includes(PAYLOAD_NUMBER));
  const data = JSON.parse(raw) as { summaries: ExportRecord[] } | ExportRecord[];
  const records = Array.isArray(data) ? data : data.summaries;
  assert.equal(records.length, 8);
  const hostile = records.find((r) => r.summary.startsWith('A summary that holds'));
  assert.ok(hostile);
  for (const payload of [SCRIPT, IMG, JS_LINK, RAW_JS_LINK, TEMPLATE, SVG]) assert.ok(hostile.summary.includes(payload), payload);
  assert.deepEqual(hostile.prerequisites, [IMG]);
});

test('summaries.csv keeps the hostile texts verbatim in their cells', () => {
  const raw = readFileSync(path.join(site, 'summaries.csv'), 'utf8');
  assert.ok(!raw.includes(PAYLOAD_NUMBER));
  const rows = parseCsv(raw, { columns: true }) as Record<string, string>[];
  assert.equal(rows.length, 8);
  const hostile = rows.find((r) => (r.summary ?? '').startsWith('A summary that holds'));
  assert.ok(hostile, Object.keys(rows[0] ?? {}).join(', '));
  for (const payload of [SCRIPT, IMG, TEMPLATE]) assert.ok(hostile.summary!.includes(payload), payload);
});

test('no summaries.csv cell starts like a spreadsheet formula', () => {
  const rows = parseCsv(readFileSync(path.join(site, 'summaries.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const formulas = rows.flatMap((row) => Object.values(row).filter((cell) => /^[=+\-@\t\r]/.test(cell)));
  assert.deepEqual(formulas, []);
});

test('markup in a summary, an opinion and a prerequisite is shown as text, not dropped', () => {
  const html = readFileSync(path.join(site, 'issues', 'an-201', 'index.html'), 'utf8');
  // Escaped: its `<` is `&lt;`, so it is text; quotes need no escaping inside text content.
  const shown = html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  assert.ok(html.includes('&lt;img src=x onerror='), 'the img tag in the summary is escaped');
  assert.ok(shown.includes(`<img src=x onerror="window.__pwned = 'img'"> and`), 'the img tag in the summary, as text');
  assert.ok(html.includes('&lt;svg onload='), 'the svg tag in the summary, as text');
  assert.doesNotMatch(html, /<p class="extra-label">Prerequisites<\/p><div class="prose"><\/div>/);
});

let browser: TestBrowser | null = null;
let server: StaticServer | null = null;

after(async () => {
  await browser?.close();
  await server?.close();
});

browserTest('clicking a title whose link was javascript: opens no dialog and leaves the page where it was', async () => {
  server ??= await startStaticServer(site);
  browser ??= await launchBrowser();
  const { page } = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const relative of ['issues/an-203/', `papers/click-me-title/`]) {
    const url = server.page(relative);
    await page.goto(url, { waitUntil: 'load' });
    const title = page.getByText('Click Me Title', { exact: true }).first();
    // What a click can do is in the markup: the title whose link was unsafe is no link at all.
    const target = await title.evaluate((element) => element.closest('a')?.getAttribute('href') ?? null);
    assert.equal(target, null, `${relative}: the title links to ${target}`);
    await title.click();
    await page.waitForLoadState('load');
    assert.equal(page.url(), url, `${relative}: the click navigated`);
    assert.equal(await page.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]').count(), 0, relative);
  }
  assert.deepEqual(dialogs, []);
  await page.close();
});

browserTest('no page runs input code in Chromium, the search results included', async () => {
  server ??= await startStaticServer(site);
  browser ??= await launchBrowser();
  const { page, errors } = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const pages = filesUnder(site)
    .filter((f) => f.endsWith('index.html'))
    .map((f) => path.relative(site, path.dirname(f)).split(path.sep).join('/'))
    .map((p) => (p === '' ? '' : `${p}/`));
  for (const relative of pages) {
    await page.goto(server.page(relative), { waitUntil: 'load' });
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
    assert.equal(pwned, null, `${relative}: input code ran`);
  }
  await page.goto(server.page('search/?q=pwned'), { waitUntil: 'load' });
  await page.waitForSelector('#results .result', { timeout: 20_000 });
  const results = await page.$$eval('#results .result', (items) =>
    // innerText, not textContent: the text a reader sees, as the page lays it out.
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown is what is checked
    items.map((item) => ({ text: (item as HTMLElement).innerText, html: item.innerHTML })),
  );
  assert.ok(results.length >= 1);
  for (const r of results) assert.deepEqual(htmlProblems(r.html, 'search result'), []);
  // The index itself, through Pagefind's own API: excerpts and titles carry the markup only escaped.
  const data = await page.evaluate(async () => {
    const bundle: string = '/pagefind/pagefind.js';
    const pagefind = (await import(bundle)) as {
      init?: () => Promise<void>;
      search: (
        q: string,
      ) => Promise<{ results: { data: () => Promise<{ excerpt: string; meta: Record<string, string>; content: string }> }[] }>;
    };
    await pagefind.init?.();
    const found = await pagefind.search('pwned');
    return Promise.all(found.results.map((r) => r.data()));
  });
  assert.ok(data.length >= 1);
  for (const d of data) {
    assert.deepEqual(htmlProblems(d.excerpt, 'excerpt'), []);
    assert.doesNotMatch(d.excerpt.replace(/<\/?mark>/g, ''), /<[a-z]/i, 'an excerpt holds no tags but <mark>');
  }
  // Titles in the index are plain text (the page's text content), and the UI shows them as text.
  assert.ok(
    data.some((d) => (d.meta.title ?? '').includes('<script>window.__pwned="title"</script>')),
    'the markup title is indexed as its text',
  );
  assert.ok(
    results.some((r) => r.text.includes('<script>window.__pwned="title"</script>')),
    'the markup title is shown as text in the results',
  );
  // Markup that runs code without a script tag waits for an image to load or fail: wait for every image to be done.
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
  assert.equal(pwned, null, 'input code ran on the search page');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(
    errors.filter((e) => /pwned/.test(e)),
    [],
  );
});
