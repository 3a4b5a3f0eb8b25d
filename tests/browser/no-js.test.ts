/**
 * The site without JavaScript, in headless Chromium with scripts off: a reader can walk
 * home -> issue -> summary -> category by following links, the header's search control leads
 * somewhere honest, and the "link to this summary" control is a plain in-page anchor.
 *
 * Which issue, summary and category to walk through is read from the parsed archive, so the
 * walk follows the data rather than a hard-coded file.
 */
import { after, before } from 'node:test';
import { BROWSER_MISSING, browserTest as test } from '../support/browser-test.ts';
import assert from 'node:assert/strict';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Page } from 'playwright-core';
import { parseCategories } from '../../src/records/categories.ts';
import { parseArchive } from '../../src/parse.ts';
import { readNewsletters, readOptionalText } from '../../src/io/read.ts';
import type { Entry, Issue } from '../../src/records/types.ts';
import { buildOnce } from '../support/build-once.ts';
import { launchBrowser, type TestBrowser } from '../../tools/support/browser.ts';
import { startStaticServer, type StaticServer } from '../../tools/support/static-server.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const CONTENT_DIR = SAMPLE_ARCHIVE;
const PREFIX = '/newsletter-archive/';

function parseDefaultArchive(): Issue[] {
  const vocabulary = parseCategories(readOptionalText(path.join(CONTENT_DIR, 'categories.yml')) ?? '');
  return parseArchive(readNewsletters([path.join(CONTENT_DIR, 'newsletters')]).files, { vocabulary, dialect: AN_DIALECT }).issues;
}

/** The site's title from the sample archive's site.yml: the home page's heading. */
function siteTitle(): string {
  const settings = yaml.load(readOptionalText(path.join(CONTENT_DIR, 'site.yml')) ?? '') as { title?: unknown } | null;
  assert.equal(typeof settings?.title, 'string', 'the sample site.yml has no title');
  return settings!.title as string;
}

/**
 * The walk: the issue with the most summaries filed under a topical category, the first such
 * summary in it, and its most specific category. Deterministic for a given archive.
 */
function pickWalk(issues: Issue[]): { issue: Issue; entry: Entry; category: string } {
  // Highlights is a section of every issue, not a topic: walk to a topical category.
  const filed = (issue: Issue): Entry[] => issue.entries.filter((e) => e.category.length > 0 && !e.highlight && e.summary.trim() !== '');
  const issue = issues.filter((i) => i.title !== null).sort((a, b) => filed(b).length - filed(a).length)[0];
  assert.ok(issue, 'the archive has no issue with a title');
  const entry = filed(issue)[0];
  assert.ok(entry, `${issue.id} has no summary filed under a category`);
  return { issue, entry, category: entry.category[entry.category.length - 1]! };
}

function normalize(text: string | null): string {
  return (text ?? '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

async function heading(page: Page): Promise<string> {
  return normalize(await page.locator('main h1').first().textContent());
}

/**
 * No dead controls: without JavaScript, every visible text field and button must sit in a form
 * that submits somewhere real (an `action` that is not `javascript:`), and no visible link may
 * be an empty `#` or a `javascript:` URL.
 */
async function deadControls(page: Page): Promise<string[]> {
  // No named helpers inside: tsx would wrap them in a `__name()` call that does not exist in the page.
  return page.evaluate(() => {
    const dead: string[] = [];
    for (const el of document.querySelectorAll('input:not([type=hidden]), button, select, textarea, a')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el instanceof HTMLAnchorElement) {
        const href = el.getAttribute('href');
        if (href === null || href === '#' || href.trim().startsWith('javascript:')) dead.push(el.outerHTML.slice(0, 160));
        continue;
      }
      const form = (el as HTMLInputElement).form;
      const action = form?.getAttribute('action')?.trim() ?? '';
      if (!form || action === '' || action.startsWith('javascript:')) dead.push(el.outerHTML.slice(0, 160));
    }
    return dead;
  });
}

/**
 * The search page as reached without JavaScript: it must say that search needs JavaScript and
 * offer ways to browse instead, each a real page of the site.
 */
async function assertHonestSearchPage(page: Page): Promise<void> {
  const main = page.locator('main');
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown is what is checked
  assert.match(await main.innerText(), /javascript/i, 'the search page does not say that search needs JavaScript');
  assert.deepEqual(await deadControls(page), [], 'dead controls on the search page');
  const hrefs = await main.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(hrefs.length >= 1, 'the search page offers no way to browse instead');
  for (const href of hrefs) {
    const response = await fetch(new URL(href, page.url()));
    assert.equal(response.status, 200, `the search page's link ${href} answers ${response.status}`);
  }
}

const walk = pickWalk(parseDefaultArchive());
let browser: TestBrowser;
let server: StaticServer;

before(async () => {
  if (BROWSER_MISSING !== null) return;
  // Under a prefix: the harder case for links, and the one GitHub Pages serves.
  const [site, launched] = await Promise.all([buildOnce(PREFIX, CONTENT_DIR), launchBrowser({ javaScriptEnabled: false })]);
  browser = launched;
  server = await startStaticServer(site.dir, { prefix: PREFIX });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('with JavaScript off, a reader walks home -> issue -> summary -> category by following links', async (t) => {
  const { issue, entry, category } = walk;
  t.diagnostic(`walk: ${issue.id} -> "${entry.title}" -> ${category}`);
  const { page, errors } = await browser.newPage();

  await page.goto(server.url);
  assert.equal(await heading(page), normalize(siteTitle()));
  assert.deepEqual(await deadControls(page), [], 'dead controls on the home page');

  await page.getByRole('link', { name: issue.title!, exact: false }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith(server.prefix) && url.pathname !== server.prefix);
  assert.equal(await heading(page), normalize(issue.title));
  assert.deepEqual(await deadControls(page), [], 'dead controls on the issue page');

  const article = page.locator(`[id="${entry.id}"]`);
  await article.getByRole('link', { name: /summary page/i }).click();
  await page.waitForURL((url) => url.pathname.startsWith(`${server.prefix}papers/`));
  assert.equal(await heading(page), normalize(entry.title));
  assert.deepEqual(await deadControls(page), [], 'dead controls on the summary page');

  await page.locator('main').getByRole('link', { name: category, exact: true }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith(`${server.prefix}categories/`));
  assert.equal(await heading(page), normalize(category));
  assert.deepEqual(await deadControls(page), [], 'dead controls on the category page');
  // The category page lists the summary we came from, linked.
  await assert.doesNotReject(page.locator('main').getByRole('link', { name: entry.title, exact: true }).first().waitFor());

  assert.deepEqual(errors, []);
  await page.close();
});

test('with JavaScript off, the header search leads to a page that says search needs JavaScript and how to browse instead', async () => {
  const { page, errors } = await browser.newPage();
  await page.goto(server.url);
  const header = page.locator('header').first();
  const searchPage = (url: URL): boolean => url.pathname === `${server.prefix}search/`;

  // A search box in the header, if offered, must submit to the search page with the query.
  const box = header.getByRole('searchbox');
  if ((await box.count()) > 0) {
    await box.first().fill('reward learning');
    await box.first().press('Enter');
    await page.waitForURL(searchPage);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'reward learning');
    await assertHonestSearchPage(page);
    await page.goto(server.url);
  }

  await header.getByRole('link', { name: /^search$/i }).click();
  await page.waitForURL(searchPage);
  await assertHonestSearchPage(page);
  // And following one of those ways out lands on a page with a heading.
  await page.locator('main').getByRole('link').first().click();
  await page.waitForURL((url) => !searchPage(url));
  assert.notEqual(await heading(page), '');
  assert.deepEqual(errors, []);
  await page.close();
});

test('each summary on an issue page has a "link to this summary" that is a plain anchor to the summary itself', async () => {
  const { issue } = walk;
  const { page, errors } = await browser.newPage();
  await page.goto(server.page(`issues/${issue.id}/`));
  assert.equal(await heading(page), normalize(issue.title));

  const links = page.getByRole('link', { name: /link to this summary/i });
  assert.equal(await links.count(), issue.entries.length);
  const anchors = await links.evaluateAll((els) =>
    els.map((el) => {
      const href = el.getAttribute('href') ?? '';
      const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
      return { tag: el.tagName, href, targetHoldsLink: target?.contains(el) === true };
    }),
  );
  assert.deepEqual(
    anchors.map((a) => a.href),
    issue.entries.map((e) => `#${e.id}`),
  );
  for (const a of anchors) {
    assert.equal(a.tag, 'A');
    assert.ok(a.targetHoldsLink, `${a.href} does not point at the summary it sits in`);
  }

  // Following it without scripts puts the summary's address in the location bar.
  const last = issue.entries[issue.entries.length - 1]!;
  await links.last().click();
  await page.waitForURL((url) => url.hash === `#${last.id}`);
  assert.deepEqual(errors, []);
  await page.close();
});
