/**
 * axe-core on every kind of page the site has, in headless Chromium with JavaScript on (so the
 * search page is checked with its results and filters rendered), once with the reader's system
 * in light mode and once in dark mode (Playwright's `colorScheme`: the stylesheet follows
 * `prefers-color-scheme`), so colour contrast is checked in both. Serious and critical
 * violations fail the test and are printed with the offending elements; moderate and minor ones
 * are reported as diagnostics.
 *
 * The pages are found the way a reader finds them, by following the site's own links, so the
 * test does not depend on URL patterns.
 */
import { after, before } from 'node:test';
import { BROWSER_MISSING, browserTest as test } from '../support/browser-test.ts';
import assert from 'node:assert/strict';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { parseCategories } from '../../src/records/categories.ts';
import { parseArchive } from '../../src/parse.ts';
import { readNewsletters, readOptionalText } from '../../src/io/read.ts';
import type { Issue } from '../../src/records/types.ts';
import { buildOnce } from '../support/build-once.ts';
import { launchBrowser, type TestBrowser } from '../../tools/support/browser.ts';
import { startStaticServer, type StaticServer } from '../../tools/support/static-server.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const CONTENT_DIR = SAMPLE_ARCHIVE;

function parseDefaultArchive(): Issue[] {
  const vocabulary = parseCategories(readOptionalText(path.join(CONTENT_DIR, 'categories.yml')) ?? '');
  return parseArchive(readNewsletters([path.join(CONTENT_DIR, 'newsletters')]).files, { vocabulary, dialect: AN_DIALECT }).issues;
}

/** The richest issue (most summaries) and, in it, the richest summary (most opinions, then longest). */
function richest(issues: Issue[]): { issue: Issue; entryId: string } {
  const issue = issues.filter((i) => i.title !== null).sort((a, b) => b.entries.length - a.entries.length)[0];
  assert.ok(issue, 'the archive has no issue with a title');
  const entry = [...issue.entries].sort((a, b) => b.opinions.length - a.opinions.length || b.summary.length - a.summary.length)[0];
  assert.ok(entry, `${issue.id} has no summaries`);
  return { issue, entryId: entry.id };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SEVERE = new Set(['serious', 'critical']);

/** One violation as a reader of the test log needs it: rule, impact, help link, each element and what to fix. */
function describeViolation(v: Result): string {
  const nodes = v.nodes.map((n) => {
    const fix = (n.failureSummary ?? '').replace(/\n\s*/g, ' ').trim();
    return `    at ${n.target.join(' ')}\n      ${n.html.replace(/\s+/g, ' ').slice(0, 200)}\n      ${fix}`;
  });
  return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
}

let browser: TestBrowser;
let server: StaticServer;
/** The URL of each kind of page, found by following links from the home page. */
const pages = new Map<string, string>();

/** The absolute URL a link points at. */
async function hrefOf(page: Page, name: string | RegExp, within = 'main'): Promise<string> {
  const link = page
    .locator(within)
    .getByRole('link', { name, exact: typeof name === 'string' })
    .first();
  const href = await link.getAttribute('href');
  assert.ok(href, `no link named ${String(name)} in ${within} of ${page.url()}`);
  return new URL(href, page.url()).href;
}

before(async () => {
  if (BROWSER_MISSING !== null) return;
  const [site, launched] = await Promise.all([buildOnce('/', CONTENT_DIR), launchBrowser()]);
  browser = launched;
  server = await startStaticServer(site.dir);
  const { issue, entryId } = richest(parseDefaultArchive());

  const { page } = await browser.newPage();
  pages.set('home', server.url);
  await page.goto(server.url);
  pages.set('issue', await hrefOf(page, new RegExp(escapeRegExp(issue.title!))));
  pages.set('issues index', await hrefOf(page, /^issues$/i, 'header'));
  pages.set('categories index', await hrefOf(page, /^categories$/i, 'header'));
  pages.set('summarizers index', await hrefOf(page, /^summarizers$/i, 'header'));
  pages.set('authors index', await hrefOf(page, /^authors$/i, 'header'));

  await page.goto(pages.get('issue')!);
  pages.set('summary', await hrefOf(page, /summary page/i, `[id="${entryId}"]`));

  // A top-level category with subcategories has the most furniture on its page.
  await page.goto(pages.get('categories index')!);
  const parent = page.locator('main li:has(ul) > a').first();
  const parentHref = await parent.getAttribute('href');
  pages.set('category', new URL(parentHref ?? (await hrefOf(page, /./)), page.url()).href);

  await page.goto(pages.get('summarizers index')!);
  pages.set('summarizer', await hrefOf(page, /./));

  // An author of the summary: the paper's header links each one.
  await page.goto(pages.get('summary')!);
  pages.set('author', await hrefOf(page, /./, '.paper-head .authors'));

  await page.goto(server.url);
  pages.set('stats', await hrefOf(page, /^the archive in charts$/i));
  pages.set('search', server.page(`search/?q=${encodeURIComponent('reward')}`));
  pages.set('404', server.page('no-such-page/'));
  await page.close();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const kind of [
  'home',
  'issues index',
  'issue',
  'summary',
  'categories index',
  'category',
  'summarizers index',
  'summarizer',
  'authors index',
  'author',
  'stats',
  'search',
  '404',
]) {
  for (const scheme of ['light', 'dark'] as const)
    test(`the ${kind} page has no serious or critical accessibility violations in ${scheme} mode`, async (t) => {
      const url = pages.get(kind);
      assert.ok(url, `no ${kind} page was found`);
      const { page, errors } = await browser.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      const response = await page.goto(url);
      assert.equal(response?.status(), kind === '404' ? 404 : 200, `${url} answered ${response?.status()}`);
      if (kind === 'search') {
        // Check the page as a reader uses it: results listed and the filters open.
        await page.locator('#results .result').first().waitFor();
        await page.getByRole('button', { name: /^filters/i }).click();
        await page.waitForFunction(() => document.querySelector('#filters .count')?.textContent !== '');
      }
      // The charts' numbers and the citations are checked as a reader who opens them sees them.
      for (const details of await page.locator('details').all()) await details.evaluate((d) => d.setAttribute('open', ''));
      assert.equal(
        await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
        scheme === 'dark',
        'the page is seen in the scheme asked for',
      );
      const results = await new AxeBuilder({ page }).analyze();
      t.diagnostic(`${url}: ${results.passes.length} rules pass, ${results.violations.length} violated`);
      // axe ran over real content (not an error page or a blank document).
      assert.ok(results.passes.length > 10, `axe checked only ${results.passes.length} rules on ${url}`);
      const severe = results.violations.filter((v) => SEVERE.has(v.impact ?? ''));
      for (const v of results.violations.filter((v) => !SEVERE.has(v.impact ?? ''))) t.diagnostic(describeViolation(v));
      assert.equal(
        severe.length,
        0,
        `${url}: ${severe.length} serious or critical accessibility violation(s):\n${severe.map(describeViolation).join('\n')}`,
      );
      assert.deepEqual(
        errors.filter((e) => kind !== '404' || !/status of 404/.test(e)),
        [],
      );
      await page.close();
    });
}
