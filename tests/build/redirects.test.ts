/**
 * A person's old address keeps working after their page moved: a small archive where one issue
 * writes a first name alone and another the full name (the first-name rule joins them), and
 * people.yml gives one more alias, built under a path prefix, read from disk and opened in
 * headless Chromium with JavaScript on and off.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { buildSite, type BuildReport } from '../../src/io/build-site.ts';
import { checkSite } from '../../tools/support/link-check.ts';
import { BuildSession } from '../../src/io/session.ts';
import { launchBrowser } from '../../tools/support/browser.ts';
import { browserTest } from '../support/browser-test.ts';
import { startStaticServer } from '../../tools/support/static-server.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

const PREFIX = '/archive/';
let work: string;
let out: string;
let report: BuildReport;

before(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-redirects-'));
  const content = path.join(work, 'content');
  mkdirSync(path.join(content, 'newsletters'), { recursive: true });
  for (const name of ['categories.yml', 'site.yml', 'newsletter.yml']) cpSync(path.join(SAMPLE_ARCHIVE, name), path.join(content, name));
  const issue = (n: number, body: string): string => `---\nnumber: ${n}\ndate: 2020-01-0${n}\n---\nHIGHLIGHTS\n\n${body}\n`;
  writeFileSync(
    path.join(content, 'newsletters', 'an-001.txt'),
    issue(1, 'Engines of Analysis (Jane Doe) (summarized by Ada): Notes on the engine.'),
  );
  writeFileSync(
    path.join(content, 'newsletters', 'an-002.txt'),
    issue(2, 'Notes on Notes (Jane Doe) (summarized by Ada Lovelace): More notes.'),
  );
  writeFileSync(path.join(content, 'people.yml'), '- name: Ada Lovelace\n  aliases: [Countess of Lovelace]\n');
  out = path.join(work, 'site');
  report = await buildSite(new BuildSession({ contentDir: content, outputDir: out, pathPrefix: PREFIX, quiet: true }));
});
after(() => {
  rmSync(work, { recursive: true, force: true });
});

const read = (file: string): string => readFileSync(path.join(out, file), 'utf8');
/** The absolute URL a page declares as its own. */
const canonicalOf = (html: string): string | undefined => /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1];

test('the first name and the alias each hold a redirect to the full name’s page, under the path prefix', () => {
  assert.deepEqual(readdirSync(path.join(out, 'summarizers')).sort(), ['ada', 'ada-lovelace', 'countess-of-lovelace', 'index.html']);
  const page = read('summarizers/ada-lovelace/index.html');
  assert.match(page, /<h1>Ada Lovelace<\/h1>/);
  for (const old of ['ada', 'countess-of-lovelace']) {
    const html = read(`summarizers/${old}/index.html`);
    assert.match(html, /<meta http-equiv="refresh" content="0; url=\/archive\/summarizers\/ada-lovelace\/">/, old);
    assert.equal(canonicalOf(html), canonicalOf(page), old);
    assert.match(html, /<meta name="robots" content="noindex">/, old);
    assert.match(html, /<p>This page moved to <a href="\/archive\/summarizers\/ada-lovelace\/">Ada Lovelace<\/a>\.<\/p>/, old);
    assert.doesNotMatch(html, /data-pagefind-body|<script/, old);
  }
  assert.deepEqual(checkSite(out, PREFIX).broken, []);
});

test('the old addresses are left out of the sitemap and the search index', () => {
  const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  assert.ok(locs.includes(`${PREFIX}summarizers/ada-lovelace/`));
  assert.deepEqual(
    locs.filter((loc) => /\/summarizers\/(?:ada|countess-of-lovelace)\/$/.test(loc)),
    [],
  );
  // Pagefind keeps each indexed page as a gzipped fragment that starts `pagefind_dcd` and holds its URL.
  const dir = path.join(out, 'pagefind', 'fragment');
  const urls = readdirSync(dir).map((file) => {
    const text = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
  assert.equal(urls.length, report.pagesIndexed);
  assert.deepEqual(urls.filter((url) => url.includes('/summarizers/')).sort(), []);
  assert.equal(urls.filter((url) => url.includes('/papers/')).length, 2);
});

browserTest('in Chromium, with JavaScript on or off, opening an old address lands on the person’s page', async () => {
  const server = await startStaticServer(out, { prefix: PREFIX });
  try {
    for (const javaScriptEnabled of [true, false]) {
      const browser = await launchBrowser({ javaScriptEnabled });
      try {
        const { page, errors } = await browser.newPage();
        for (const old of ['ada', 'countess-of-lovelace']) {
          await page.goto(server.page(`summarizers/${old}/`));
          await page.waitForURL(server.page('summarizers/ada-lovelace/'));
          assert.equal(await page.locator('h1').textContent(), 'Ada Lovelace', `${old}, JavaScript ${javaScriptEnabled}`);
        }
        assert.deepEqual(errors, []);
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
});
