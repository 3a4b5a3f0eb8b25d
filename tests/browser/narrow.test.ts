/**
 * On a phone nothing scrolls sideways: every family of pages, opened in Chromium at 390 px and at
 * 320 px, is no wider than the viewport. The archive is the sample one plus an issue written to be
 * hard: a title of one 90-letter word, an author list of long names, and a bare 200-character URL
 * in a summary.
 */
import { after, before } from 'node:test';
import { BROWSER_MISSING, browserTest as test } from '../support/browser-test.ts';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { paperSlug } from '../../src/site/text/names.ts';
import { buildOnce } from '../support/build-once.ts';
import { launchBrowser, type TestBrowser } from '../../tools/support/browser.ts';
import { startStaticServer, type StaticServer } from '../../tools/support/static-server.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

const CONTENT_DIR = SAMPLE_ARCHIVE;
const LONG_WORD = 'Supercalifragilisticexpialidociousneuralnetworkinterpretabilitybenchmarkingframeworkextended';
const LONG_URL = `https://example.org/${'very-long-path-segment-'.repeat(9)}end`;
const HARD_ISSUE = [
  '---',
  'number: 200',
  'date: 2022-06-01',
  'title: Long words and long links',
  '---',
  'TECHNICAL AI ALIGNMENT',
  '',
  'INTERPRETABILITY',
  '',
  `${LONG_WORD} (Bartholomew Featherstonehaugh-Cholmondeley, Maximiliana Wolfeschlegelsteinhausenbergerdorff) (summarized by Rohin): See ${LONG_URL} for ${LONG_WORD}.`,
  '',
].join('\n');

let dir: string | undefined;
let browser: TestBrowser;
let server: StaticServer;

before(async () => {
  if (BROWSER_MISSING !== null) return;
  dir = mkdtempSync(path.join(os.tmpdir(), 'narrow-test-'));
  const content = path.join(dir, 'content');
  cpSync(CONTENT_DIR, content, { recursive: true });
  writeFileSync(path.join(content, 'newsletters', 'an-200.txt'), HARD_ISSUE);
  const site = await buildOnce('/', content);
  server = await startStaticServer(site.dir);
  browser = await launchBrowser({ viewport: { width: 390, height: 844 } });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** One page of each family, the hard issue's where it has one. */
const PAGES = [
  '',
  'issues/',
  'issues/an-200/',
  `papers/${paperSlug(LONG_WORD)}/`,
  'categories/',
  'categories/interpretability/',
  'summarizers/',
  'summarizers/rohin-shah/',
  'authors/',
  'authors/maximiliana-wolfeschlegelsteinhausenbergerdorff/',
  'search/?q=interpretability',
  'no-such-page/',
];

for (const width of [390, 320]) {
  test(`at ${width} px no page of any family is wider than the screen`, async () => {
    const { page, errors } = await browser.newPage();
    await page.setViewportSize({ width, height: 844 });
    const wide: string[] = [];
    for (const relative of PAGES) {
      const response = await page.goto(server.page(relative));
      assert.ok(response && (response.ok() || relative === 'no-such-page/'), `${relative}: ${response?.status()}`);
      if (relative.startsWith('search/')) await page.locator('#results .result').first().waitFor();
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      if (scroll > client) wide.push(`/${relative}: ${scroll} px wide in ${client} px`);
    }
    assert.deepEqual(wide, []);
    // The 404 page is served with its status, which the console reports.
    assert.deepEqual(
      errors.filter((e) => !/status of 404/.test(e)),
      [],
    );
    await page.close();
  });
}
