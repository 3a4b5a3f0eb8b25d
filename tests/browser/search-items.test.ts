/**
 * Items with no summary, and the search page's truth, filters, sorts and exports, in a real
 * browser: a small archive of its own (hand-made issues and a database of a few rows, in words
 * written for this test), built with the real parser, Eleventy and Pagefind, served as GitHub
 * Pages would serve it and driven in headless Chromium.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { buildSite } from '../../src/io/build-site.ts';
import { BuildSession } from '../../src/io/session.ts';
import { launchBrowser, type TestBrowser } from '../../tools/support/browser.ts';
import { startStaticServer, type StaticServer } from '../../tools/support/static-server.ts';
import { BROWSER_MISSING, browserTest } from '../support/browser-test.ts';

/** How many issues hold a quillwort study; only the last one says "modelling". */
const STUDIES = 12;
/** The studies whose database row gives the venue `Journal of Lanterns` and the year 2020. */
const IN_JOURNAL = 3;

const header = (n: number, title: string): string =>
  `---\nnumber: ${n}\ntitle: ${title}\ndate: 2020-${String(n).padStart(2, '0')}-06\n---\n`;

/** A summary long enough that its last words are far below the first screen. */
const longSummary = `${Array.from({ length: 80 }, (_, i) => `Lantern keepers trim wick number ${i + 1} before the evening tide turns.`).join(' ')} At last the saltmarsh fog lifts.`;

function writeArchive(content: string): void {
  mkdirSync(path.join(content, 'newsletters'), { recursive: true });
  writeFileSync(
    path.join(content, 'newsletter.yml'),
    'name: Kettle Digest\neditor: Ada\nissues: { id: "kd-{number:3}", titles: [KD] }\ncredits: { summarizedBy: [summarized by] }\nhighlights: { section: Highlights }\ncitation: "KD #{number}"\n',
  );
  writeFileSync(path.join(content, 'categories.yml'), '- label: Highlights\n  highlight: true\n- label: Learning\n- label: News\n');
  writeFileSync(
    path.join(content, 'site.yml'),
    'title: Kettle Digest Archive\ndescription: A small archive made for tests.\nurl: https://example.org/\nlanguage: en\n',
  );
  writeFileSync(
    path.join(content, 'newsletters', 'kd-001.txt'),
    `${header(1, 'Lanterns and kettles')}HIGHLIGHTS

Lantern Reward Models (Mira Okafor and Tomas Lind) (summarized by Ada): ${longSummary}

Ada's opinion: A careful study of lanterns.

LEARNING

Kettle Reward Survey (Ivo Brandt)

Steam Signals (Ivo Brandt) (summarized by Ben): Each kettle whistles at its own pitch; the models learn which kettle boils first.

NEWS

Harbor Fellowship

Lighthouse Keepers Meetup
`,
  );
  for (let n = 2; n <= STUDIES + 1; n++) {
    const study = n - 1;
    const word = study === STUDIES ? 'modelling' : 'models';
    const opinion = study % 2 === 0 ? `\n\nAda's opinion: Study ${study} convinced me.` : '';
    writeFileSync(
      path.join(content, 'newsletters', `kd-${String(n).padStart(3, '0')}.txt`),
      `${header(n, `Marsh notes ${study}`)}LEARNING

Quillwort study ${study} (Noor Haddad) (summarized by Ben): The quillwort ${word} of marsh ${study} track how the reeds lean in the wind.${opinion}

NEWS

Lantern Reward Models
`,
    );
  }
  const rows = [
    [
      'Learning',
      'Highlight',
      'Lantern Reward Models',
      'Mira Okafor, Tomas Lind',
      'Journal of Lanterns',
      '2019',
      '',
      'KD #1',
      'Ada',
      '',
      '',
      '',
      '',
      '',
    ],
    ...Array.from({ length: IN_JOURNAL }, (_, i) => [
      'Learning',
      '',
      `Quillwort study ${i + 1}`,
      'Noor Haddad',
      'Journal of Lanterns',
      '2020',
      '',
      `KD #${i + 2}`,
      'Ben',
      '',
      '',
      '',
      '',
      '',
    ]),
  ];
  const csv = [
    'Category,Highlight?,Title,Authors,Venue,Year,H/T,Email,Summarizer,Summary,My opinion,Prerequisites,Read more,URL',
    ...rows.map((r) => r.map((c) => `"${c}"`).join(',')),
  ];
  writeFileSync(path.join(content, 'database.csv'), `${csv.join('\n')}\n`);
}

let work: string;
let out: string;
let browser: TestBrowser;
let server: StaticServer;

before(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-items-'));
  writeArchive(path.join(work, 'content'));
  out = path.join(work, 'site');
  await buildSite(new BuildSession({ contentDir: path.join(work, 'content'), outputDir: out, quiet: true }));
  server = await startStaticServer(out);
  if (BROWSER_MISSING === null) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

const read = (file: string): string => readFileSync(path.join(out, file), 'utf8');

/** Opens the search page with `query` in its address and waits for its results; returns the status line. */
async function searchFor(page: Page, query: string): Promise<string> {
  await page.goto(server.page(`search/?${query}`));
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return document.getElementById('results')?.getAttribute('aria-busy') === 'false' && status !== '';
  });
  return (await page.locator('#search-status').textContent())!.trim();
}

const resultTitles = (page: Page): Promise<string[]> => page.locator('#results .result-title a').allTextContents();

test('a bare item has no page: its old address redirects to its anchor on the issue page, which offers no summary page', () => {
  const redirect = read('papers/kettle-reward-survey/index.html');
  assert.match(redirect, /<meta http-equiv="refresh" content="0; url=\/issues\/kd-001\/#kettle-reward-survey">/);
  assert.doesNotMatch(redirect, /data-pagefind-body/);
  const issue = read('issues/kd-001/index.html');
  const article = /<article id="kettle-reward-survey"[^>]*>[\s\S]*?<\/article>/.exec(issue)?.[0];
  assert.ok(article, 'the item is an anchor on its issue page');
  assert.match(article, /Link to this item/);
  assert.doesNotMatch(article, /Summary page/);
  // A listing of a title summarized elsewhere links to that summary.
  const mention = /<article id="lantern-reward-models"[^>]*>[\s\S]*?<\/article>/.exec(read('issues/kd-002/index.html'))?.[0];
  assert.match(mention ?? '', /<a href="\/papers\/lantern-reward-models\/">Summary page<\/a>/);
  // The summary page lists that listing, and cites only the summary.
  const paper = read('papers/lantern-reward-models/index.html');
  assert.match(paper, /href="\/issues\/kd-002\/#lantern-reward-models"/);
  assert.equal([...paper.matchAll(/<h3 id="cite-summary-\d+">/g)].length, 1);
});

browserTest('a bare title is found, ranked below every summary, and its result lands on its anchor', async () => {
  const { page, errors } = await browser.newPage();
  const status = await searchFor(page, 'q=kettle');
  assert.match(status, /^2 results for “kettle”\.$/);
  // The title holds the word, the summary only its text: the summary still comes first.
  assert.deepEqual(await resultTitles(page), ['Steam Signals', 'Kettle Reward Survey']);
  const bare = page.locator('#results > li').nth(1);
  assert.match((await bare.locator('.result-meta').textContent()) ?? '', /Listed, no summary/);
  await bare.locator('.result-title a').click();
  await page.waitForURL((url) => url.pathname === '/issues/kd-001/' && url.hash === '#kettle-reward-survey');
  await page.waitForFunction(() => {
    const box = document.getElementById('kettle-reward-survey')!.getBoundingClientRect();
    return box.top >= 0 && box.top < innerHeight;
  });
  assert.deepEqual(errors, []);
  await page.close();
});

browserTest('the bare items of a section are one result listing each item that matched, linked to its anchor', async () => {
  const { page, errors } = await browser.newPage();
  assert.match(await searchFor(page, 'q=fellowship'), /^1 result for “fellowship”\.$/);
  const result = page.locator('#results > li').first();
  assert.match((await result.locator('.result-meta').first().textContent()) ?? '', /^In KD #1 · .*News/);
  const link = result.locator('.result-title a');
  assert.deepEqual(await link.allTextContents(), ['Harbor Fellowship']);
  assert.equal(new URL((await link.getAttribute('href'))!, page.url()).hash, '#harbor-fellowship');
  assert.deepEqual(errors, []);
  await page.close();
});

browserTest('"no summary contains" is said only of a word a search for it alone does not find', async () => {
  const { page, errors } = await browser.newPage();
  // Only the last of the studies says "modelling", and it is not among the first results of the
  // two words together: a search for the word alone finds it (Pagefind reads it as "model").
  assert.equal(await searchFor(page, 'q=quillwort+modelling'), `${STUDIES} results for “quillwort modelling”.`);
  // A word Pagefind does not know falls back to a prefix it knows (`kettle`): still said to be missing.
  assert.equal(await searchFor(page, 'q=quillwort+kettlezz'), `No summary contains “kettlezz”. ${STUDIES} results for “quillwort”.`);
  assert.equal(await searchFor(page, 'q=zzqxv'), 'No summary contains “zzqxv”.');
  assert.deepEqual(errors, []);
  await page.close();
});

browserTest('filters by venue, paper year, highlight and opinion select exactly the summaries that have them', async () => {
  const { page, errors } = await browser.newPage();
  assert.equal(await searchFor(page, 'q=quillwort&venue=Journal+of+Lanterns'), `${IN_JOURNAL} results for “quillwort” with 1 filter.`);
  assert.deepEqual(
    (await resultTitles(page)).sort(),
    Array.from({ length: IN_JOURNAL }, (_, i) => `Quillwort study ${i + 1}`),
  );
  assert.equal(await searchFor(page, 'q=quillwort&published=2020'), `${IN_JOURNAL} results for “quillwort” with 1 filter.`);
  assert.equal(await searchFor(page, 'q=quillwort&has=opinion'), `${STUDIES / 2} results for “quillwort” with 1 filter.`);
  assert.ok((await resultTitles(page)).every((t) => Number(t.split(' ').pop()) % 2 === 0));
  assert.equal(await searchFor(page, 'q=lantern&highlight=yes'), '1 result for “lantern” with 1 filter.');
  // The panel lists each value with its count for the current search.
  await page.getByRole('button', { name: /^Filters/ }).click();
  const venue = page.locator('[data-filter="venue"] label', { hasText: 'Journal of Lanterns' });
  await page.waitForFunction(() => /\(\d+\)/.test(document.querySelector('[data-filter="venue"] .count')?.textContent ?? ''));
  assert.match((await venue.textContent()) ?? '', /\(1\)/);
  assert.deepEqual(errors, []);
  await page.close();
});

browserTest('a category page links to the search of its summaries, where they can be sorted and exported', async () => {
  const { page, errors } = await browser.newPage();
  await page.goto(server.page('categories/learning/'));
  await page.getByRole('link', { name: 'Search, sort and export these summaries' }).click();
  await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('category') === 'Learning');
  await page.waitForFunction(() => document.getElementById('results')?.getAttribute('aria-busy') === 'false');
  // Under Learning: the studies, Steam Signals, Lantern Reward Models (its database row files it
  // there) and the bare survey, listed after the summaries.
  const titles = await resultTitles(page);
  assert.equal(titles.length, Math.min(10, STUDIES + 3));
  assert.match((await page.locator('#search-status').textContent()) ?? '', new RegExp(`^${STUDIES + 3} results with 1 filter\\.$`));
  assert.deepEqual(errors, []);
  await page.close();
});

browserTest('results sort by title, and by the paper’s year', async () => {
  const { page, errors } = await browser.newPage();
  await searchFor(page, 'q=quillwort&sort=title');
  const more = page.getByRole('button', { name: /show more/i });
  if (await more.isVisible()) {
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#results .result-title a').length === n, STUDIES);
  }
  const titles = await resultTitles(page);
  assert.equal(titles.length, STUDIES);
  assert.deepEqual(
    titles,
    [...titles].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
  );
  await searchFor(page, 'q=quillwort&sort=published');
  assert.deepEqual((await resultTitles(page)).slice(0, IN_JOURNAL).sort(), ['Quillwort study 1', 'Quillwort study 2', 'Quillwort study 3']);
  assert.deepEqual(errors, []);
  await page.close();
});

browserTest('the current search downloads as CSV and BibTeX that parse, one row and one entry per result', async () => {
  const { page, errors } = await browser.newPage();
  await searchFor(page, 'q=quillwort');
  const download = async (name: string): Promise<string> => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return readFileSync((await file.path())!, 'utf8');
  };
  const rows = parseCsv(await download('CSV'), { columns: true }) as Record<string, string>[];
  assert.equal(rows.length, STUDIES);
  const titles = Array.from({ length: STUDIES }, (_, i) => `Quillwort study ${i + 1}`).sort();
  assert.deepEqual(rows.map((r) => r.Title).sort(), titles);
  const first = rows.find((r) => r.Title === 'Quillwort study 1')!;
  assert.equal(first.Authors, 'Noor Haddad');
  assert.equal(first.Venue, 'Journal of Lanterns');
  assert.equal(first.Year, '2020');
  assert.equal(first.Summarizer, 'Ben');
  assert.match(first['Summary page']!, /^http:\/\/127\.0\.0\.1:\d+\/papers\/quillwort-study-1\/$/);
  assert.match(first.Text!, /reeds lean in the wind/);
  const bib = parseBibtex(await download('BibTeX'), { sentenceCase: false, english: false });
  assert.deepEqual(bib.errors, []);
  assert.equal(bib.entries.length, STUDIES);
  assert.equal(new Set(bib.entries.map((e) => e.key)).size, STUDIES);
  assert.deepEqual(bib.entries.map((e) => e.fields.title).sort(), titles);
  assert.match((await page.locator('#export-status').textContent()) ?? '', new RegExp(`^${STUDIES} rows downloaded as BibTeX\\.$`));
  assert.deepEqual(errors, []);
  await page.close();
});

browserTest('Escape closes the filters and puts the focus back on their button', async () => {
  const { page, errors } = await browser.newPage();
  await searchFor(page, 'q=quillwort');
  const toggle = page.getByRole('button', { name: /^Filters/ });
  await toggle.click();
  await page.locator('#filters input[name="venue"]').first().focus();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#filters').isHidden(), true);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate('document.activeElement.id'), 'filters-toggle');
  assert.deepEqual(errors, []);
  await page.close();
});

browserTest('a result whose matched word is far down its summary opens on the title, the word marked below', async () => {
  const { page, errors } = await browser.newPage();
  await searchFor(page, 'q=saltmarsh');
  await page.locator('#results .result-title a').first().click();
  await page.waitForURL((url) => url.pathname === '/papers/lantern-reward-models/');
  await page.locator('main mark.pagefind-highlight').first().waitFor();
  assert.equal(await page.evaluate('scrollY'), 0);
  const mark = await page.locator('main mark.pagefind-highlight').first().boundingBox();
  assert.ok(mark && mark.y > 900, 'the marked word is below the first screen');
  assert.deepEqual(errors, []);
  await page.close();
});
