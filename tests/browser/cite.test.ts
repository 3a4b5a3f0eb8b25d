/**
 * The Cite block of a summary page in headless Chromium: with JavaScript off the citations are
 * plain text a reader can select and no button is shown; with it on, each block gets a Copy
 * button that a keyboard reaches with Tab, that puts the block's text on the clipboard and says
 * so; related summaries are links to their pages.
 */
import { after, before } from 'node:test';
import { BROWSER_MISSING, browserTest as test } from '../support/browser-test.ts';
import assert from 'node:assert/strict';
import path from 'node:path';
import { buildOnce } from '../support/build-once.ts';
import { launchBrowser, type TestBrowser } from '../../tools/support/browser.ts';
import { startStaticServer, type StaticServer } from '../../tools/support/static-server.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

const CONTENT_DIR = SAMPLE_ARCHIVE;
let browser: TestBrowser;
let noScript: TestBrowser;
let server: StaticServer;
/** A summary page with both a paper citation and related summaries. */
let summaryPath = '';

before(async () => {
  if (BROWSER_MISSING !== null) return;
  const site = await buildOnce('/', CONTENT_DIR);
  server = await startStaticServer(site.dir);
  [browser, noScript] = await Promise.all([launchBrowser(), launchBrowser({ javaScriptEnabled: false })]);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const papers = path.join(site.dir, 'papers');
  const found = readdirSync(papers).find((slug) => {
    const html = readFileSync(path.join(papers, slug, 'index.html'), 'utf8');
    return html.includes('id="cite-paper"') && html.includes('class="related"');
  });
  assert.ok(found, 'the sample archive has a summary page with a paper citation and related summaries');
  summaryPath = `papers/${found}/`;
});

after(async () => {
  await browser?.close();
  await noScript?.close();
  await server?.close();
});

test('without JavaScript the citations are selectable text and there is no Copy button', async () => {
  const { page } = await noScript.newPage();
  await page.goto(server.page(summaryPath));
  const bibtex = page.locator('section.cite pre').first();
  assert.match((await bibtex.textContent()) ?? '', /^@\w+\{[\w-]+,\n/);
  assert.equal(await page.getByRole('button', { name: /copy/i }).count(), 0);
  await bibtex.selectText();
  assert.match(await page.evaluate(() => String(getSelection())), /^@\w+\{/);
  await page.close();
});

test('with JavaScript a Copy button above each citation is reached with Tab and copies the citation, saying so', async () => {
  const { page, errors } = await browser.newPage();
  await page.goto(server.page(summaryPath));
  const buttons = page.locator('section.cite .copy-button');
  assert.equal(await buttons.count(), await page.locator('section.cite .copyable').count());
  const first = page.getByRole('button', { name: /^Copy: The paper/ });
  // Keyboard: Tab from the heading before it lands on the button.
  await page.locator('#cite').evaluate((h) => {
    h.setAttribute('tabindex', '-1');
    (h as HTMLElement).focus();
  });
  await page.keyboard.press('Tab');
  assert.equal(await first.evaluate((b) => b === document.activeElement), true, 'Tab reaches the Copy button');
  await page.keyboard.press('Enter');
  await page.locator('section.cite .copy-status').first().filter({ hasText: 'Copied.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, ((await page.locator('section.cite pre').first().textContent()) ?? '').trim());
  assert.deepEqual(errors, []);
  await page.close();
});

test('each related summary is a link to its summary page, with its issue and reason', async () => {
  const { page } = await browser.newPage();
  await page.goto(server.page(summaryPath));
  const items = page.locator('section.related li');
  assert.ok((await items.count()) >= 1);
  const link = items.first().getByRole('link');
  const title = (await link.textContent()) ?? '';
  assert.match(
    (await items.first().textContent()) ?? '',
    /AN #\d+(?: · [^·]+)? · (Similar text|Shared terms|Shared title|Same authors|Shared authors?|Cites this|Cited by this|Same category)/,
  );
  await link.click();
  assert.equal(((await page.locator('main h1').first().textContent()) ?? '').trim(), title.trim());
  await page.close();
});
