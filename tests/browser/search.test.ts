/**
 * Search in a real browser: the built site served as GitHub Pages would serve it (at the root
 * and under a path prefix), Pagefind's real index, headless Chromium, the search page's own UI.
 *
 * Nothing searched for is hard-coded: phrases, titles and author names are computed from the
 * parsed archive (a phrase is a run of words from one entry's summary whose words, together,
 * occur in no other entry's searchable text), so the tests keep meaning something when the
 * archive changes.
 */
import { after, before, describe } from 'node:test';
import { BROWSER_MISSING, browserTest as test } from '../support/browser-test.ts';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseCategories } from '../../src/records/categories.ts';
import { formatDate } from '../../src/site/text/format.ts';
import { parseArchive } from '../../src/parse.ts';
import { readNewsletters, readOptionalText } from '../../src/io/read.ts';
import { buildSite } from '../../src/io/build-site.ts';
import { BuildSession } from '../../src/io/session.ts';
import type { Entry, Issue } from '../../src/records/types.ts';
import { buildOnce } from '../support/build-once.ts';
import { launchBrowser, type TestBrowser } from '../../tools/support/browser.ts';
import { startStaticServer, type StaticServer } from '../../tools/support/static-server.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const CONTENT_DIR = SAMPLE_ARCHIVE;

/** The default archive through the real parser, as the site build reads it. */
function parseDefaultArchive(): Issue[] {
  const vocabulary = parseCategories(readOptionalText(path.join(CONTENT_DIR, 'categories.yml')) ?? '');
  const { files } = readNewsletters([path.join(CONTENT_DIR, 'newsletters')]);
  return parseArchive(files, { vocabulary, dialect: AN_DIALECT }).issues;
}

/** Markdown to the words a reader sees: link targets, markup and HTML tags dropped. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_`#>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case words as a search engine splits them (letters and digits). */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The part of a query word that any indexed word must start with to match it. Pagefind stems
 * words and matches prefixes, so `allocation` may match `allocate`: cutting the word back makes
 * the uniqueness check stricter than the engine, never looser.
 */
function matchKey(word: string): string {
  return word.slice(0, Math.max(3, word.length - 3));
}

/** The text of an entry's summary page: title, summary, opinions, extras. */
function bodyText(entry: Entry): string {
  return [entry.title, entry.summary, ...entry.opinions.map((o) => o.text), ...entry.readMore, ...entry.prerequisites]
    .map(plainText)
    .join(' ');
}

/** Everything a summary page makes searchable about an entry: its text, its issue, people and sections. */
function searchableText(issue: Issue, entry: Entry): string {
  return [
    bodyText(entry),
    issue.title ?? '',
    entry.authors ?? '',
    entry.summarizers.join(' '),
    ...entry.opinions.map((o) => o.by),
    entry.category.join(' '),
  ]
    .map(plainText)
    .join(' ');
}

interface Case {
  issue: Issue;
  entry: Entry;
}

interface DistinctivePhrase extends Case {
  phrase: string;
}

const allEntries = (issues: Issue[]): Case[] => issues.flatMap((issue) => issue.entries.map((entry) => ({ issue, entry })));

/**
 * Finds a run of `size` words, all letters and at least 4 long, inside one sentence of the
 * summary of an entry that `wanted` accepts, such that no other entry's searchable text holds
 * all of its words (by `matchKey`). The first such run in archive order wins.
 */
function findDistinctivePhrase(issues: Issue[], wanted: (c: Case) => boolean, size = 4): DistinctivePhrase | null {
  const all = allEntries(issues);
  const indexed = all.map(({ issue, entry }) => wordsOf(searchableText(issue, entry)));
  const holdsAll = (words: string[], keys: string[]): boolean => keys.every((k) => words.some((w) => w.startsWith(k)));
  for (const [i, c] of all.entries()) {
    if (!wanted(c)) continue;
    // Runs never cross punctuation, so the phrase appears verbatim in the rendered page.
    for (const stretch of plainText(c.entry.summary).split(/[^\p{L}\p{N}\s]+/u)) {
      const words = stretch.trim().split(/\s+/);
      for (let start = 0; start + size <= words.length; start++) {
        const run = words.slice(start, start + size);
        if (!run.every((w) => /^\p{L}{4,}$/u.test(w))) continue;
        const keys = run.map((w) => matchKey(w.toLowerCase()));
        if (indexed.every((words, j) => j === i || !holdsAll(words, keys))) return { phrase: run.join(' '), ...c };
      }
    }
  }
  return null;
}

/** The people in an authors parenthetical: `A, B and C et al` -> A, B, C. */
function authorNames(authors: string): string[] {
  return authors
    .replace(/\bet al\.?/g, '')
    .split(/,|\band\b|&/)
    .map((name) => name.replace(/[*]/g, '').trim())
    .filter((name) => name !== '');
}

/**
 * An author whose name the entry's own text never uses: a search for it can find the entry only
 * through its authors. The name has at least two words, each of letters, at least 3 long.
 */
function findAuthorOnlyName(issues: Issue[]): (Case & { name: string }) | null {
  for (const c of allEntries(issues)) {
    const own = wordsOf(bodyText(c.entry));
    for (const name of authorNames(c.entry.authors ?? '')) {
      const words = name.split(/\s+/);
      if (words.length < 2 || !words.every((w) => /^\p{L}{3,}$/u.test(w))) continue;
      if (words.every((w) => !own.some((o) => o.startsWith(matchKey(w.toLowerCase()))))) return { ...c, name };
    }
  }
  return null;
}

/** Collapses whitespace and folds case and curly quotes, for comparing page text with parsed text. */
function normalize(text: string | null): string {
  return (text ?? '').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Waits until the search page shows its results for `query` (its status line: `N results for
 * “query”.`) and returns N; with `below`, waits for a count under it (a filter just applied).
 */
async function settled(page: Page, query: string, below = Infinity): Promise<number> {
  const handle = await page.waitForFunction(
    ({ query, below }) => {
      // Not while a newer search (a filter or sort just picked) is still running.
      if (document.getElementById('results')?.getAttribute('aria-busy') === 'true') return null;
      const text = document.getElementById('search-status')?.textContent?.trim() ?? '';
      const match = /^(?:(\d+) results?|No results) for “(.*)”(?: with \d+ filters?)?\.$/.exec(text);
      const count = match ? Number(match[1] ?? 0) : NaN;
      // An object, not the number: waitForFunction waits for a truthy value, and 0 is a count.
      return match && match[2] === query && count < below ? { count } : null;
    },
    { query, below },
  );
  return ((await handle.jsonValue()) as { count: number }).count;
}

/** Types a query into the search page's box, submits it, and waits for its result count. */
async function search(page: Page, query: string): Promise<number> {
  const box = page.locator('main').getByRole('searchbox', { name: /search/i });
  await box.fill(query);
  await box.press('Enter');
  return settled(page, query);
}

const resultLinks = (page: Page) => page.locator('#results .result-title a');

/** Clicks "Show more results" until all `expected` results are listed; returns the result links' URLs, without their query. */
async function allResultPages(page: Page, expected: number): Promise<string[]> {
  const more = page.getByRole('button', { name: /show more/i });
  for (let n = await resultLinks(page).count(); n < expected && (await more.isVisible()); n = await resultLinks(page).count()) {
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#results .result').length > n, n);
  }
  await page.waitForFunction((n) => document.querySelectorAll('#results .result').length === n, expected);
  return resultLinks(page).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href.split('?')[0]!));
}

/**
 * The Pagefind attributes each page declares, by page: filter values by name, and sort keys.
 * The pages are fetched and parsed by the browser (DOMParser), in one round trip. Handles the
 * forms Pagefind reads: `name` (element text), `name:value`, `name[attr]`, comma-separated.
 */
async function declared(
  page: Page,
  urls: string[],
): Promise<Map<string, { filters: Record<string, string[]>; sort: Record<string, string> }>> {
  const found = await page.evaluate(async (urls) => {
    return Promise.all(
      urls.map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
        const filters: Record<string, string[]> = {};
        const sort: Record<string, string> = {};
        for (const attribute of ['data-pagefind-filter', 'data-pagefind-sort']) {
          for (const el of doc.querySelectorAll(`[${attribute}]`)) {
            for (const spec of (el.getAttribute(attribute) ?? '').split(',')) {
              const m = /^\s*([^:[\]]+?)\s*(?::\s*(.*?)|\[(.+)\])?\s*$/.exec(spec);
              if (!m?.[1]) continue;
              const value = (m[2] ?? (m[3] ? el.getAttribute(m[3]) : el.textContent) ?? '').replace(/\s+/g, ' ').trim();
              if (attribute === 'data-pagefind-sort') sort[m[1]] = value;
              else {
                filters[m[1]] ??= [];
                filters[m[1]]!.push(value);
              }
            }
          }
        }
        return [url, { filters, sort }] as const;
      }),
    );
  }, urls);
  return new Map(found);
}

const archive = parseDefaultArchive();
const phraseCase = findDistinctivePhrase(
  archive,
  ({ entry }) => entry.authors !== null && entry.summarizers.length > 0 && entry.category.length > 0 && !entry.highlight,
);
const authorCase = findAuthorOnlyName(archive);

let browser: TestBrowser;
before(async () => {
  if (BROWSER_MISSING !== null) return;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const prefix of ['/', '/newsletter-archive/']) {
  describe(`search on the site served at ${prefix}`, () => {
    let server: StaticServer;
    before(async () => {
      server = await startStaticServer((await buildOnce(prefix, CONTENT_DIR)).dir, { prefix });
    });
    after(async () => {
      await server?.close();
    });

    test('the server hands out Pagefind files with their types, and the 404 page with status 404 outside the site', async () => {
      const script = await fetch(server.page('pagefind/pagefind.js'));
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
      const entry = (await (await fetch(server.page('pagefind/pagefind-entry.json'))).json()) as {
        languages: Record<string, { hash: string }>;
      };
      const language = Object.values(entry.languages)[0];
      assert.ok(language, 'pagefind-entry.json lists no language');
      const meta = await fetch(server.page(`pagefind/pagefind.${language.hash}.pf_meta`));
      assert.equal(meta.status, 200);
      assert.equal(meta.headers.get('content-type'), 'application/octet-stream');
      const missing = await fetch(server.page('no-such-page/'));
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /<h1>[^<]*not found/i);
      if (prefix !== '/') assert.equal((await fetch(`${server.origin}/index.html`)).status, 404);
    });

    test('a phrase from one summary finds it first, with its title, authors, issue, date, category, summarizer and the matching passage', async (t) => {
      assert.ok(phraseCase, 'the archive has no summary with authors, summarizer, category and a distinctive four-word phrase');
      const { phrase, entry, issue } = phraseCase;
      t.diagnostic(`searching for "${phrase}" (${issue.id}: ${entry.title})`);
      const { page, errors } = await browser.newPage();
      await page.goto(server.page('search/'));
      assert.ok((await search(page, phrase)) >= 1, `no result for "${phrase}"`);
      const result = page.locator('#results > li').first();
      const link = result.getByRole('heading', { level: 2 }).getByRole('link');
      assert.equal(normalize(await link.textContent()), normalize(entry.title));
      const href = new URL((await link.getAttribute('href'))!, page.url());
      assert.ok(
        href.pathname.startsWith(`${server.prefix}papers/`),
        `the result links to ${href.pathname}, not a summary page under ${server.prefix}`,
      );
      assert.equal(normalize(await result.locator('.result-authors').textContent()), normalize(entry.authors));
      const facts = normalize(await result.locator('.result-meta').textContent());
      // An issue whose date is unknown is named by its number alone (its year, when its neighbours give one, would follow).
      const issueLabel = issue.date === null ? `AN #${issue.number}` : `AN #${issue.number} · ${formatDate(issue.date)}`;
      assert.ok(facts.includes(normalize(issueLabel)), `issue and date missing from "${facts}"`);
      assert.ok(facts.includes(normalize(entry.category.join(' › '))), `category missing from "${facts}"`);
      for (const name of entry.summarizers) assert.ok(facts.includes(normalize(name)), `summarizer ${name} missing from "${facts}"`);
      // The excerpt is the passage that matched, with the words marked: not the title again.
      const excerpt = result.locator('.result-excerpt');
      const marked = (await excerpt.locator('mark').allTextContents()).map((m) => normalize(m).replace(/[^\p{L}\p{N}]+/gu, ''));
      for (const word of wordsOf(phrase)) assert.ok(marked.includes(word), `"${word}" is not marked in the excerpt (${marked.join(', ')})`);
      assert.ok(!normalize(await excerpt.textContent()).startsWith(normalize(entry.title)), 'the excerpt repeats the title');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('opening a result lands on the summary’s title, with the query marked where it stands', async () => {
      assert.ok(phraseCase);
      const { phrase, entry } = phraseCase;
      const { page, errors } = await browser.newPage();
      await page.goto(server.page(`search/?q=${encodeURIComponent(phrase)}`));
      await settled(page, phrase);
      await resultLinks(page).first().click();
      await page.waitForURL((url) => url.pathname.startsWith(`${server.prefix}papers/`) && url.searchParams.getAll('highlight').length > 0);
      assert.equal(normalize(await page.locator('main h1').textContent()), normalize(entry.title));
      const marks = page.locator('main mark.pagefind-highlight');
      await marks.first().waitFor();
      const markedWords = new Set((await marks.allTextContents()).map((m) => normalize(m)));
      for (const word of wordsOf(phrase)) assert.ok(markedWords.has(word), `"${word}" is not marked on the summary page`);
      // The page stays where it opened, on the title: not scrolled past it to the first marked word.
      assert.equal(await page.evaluate('scrollY'), 0);
      const title = await page.locator('main h1').boundingBox();
      assert.ok(title && title.y >= 0 && title.y + title.height <= 900, 'the title is on the first screen');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('?q= in the address runs the search, the header box submits to it and carries the query, and the page title names it', async () => {
      assert.ok(phraseCase);
      const { phrase, entry } = phraseCase;
      const { page, errors } = await browser.newPage();
      await page.goto(server.page(`search/?q=${encodeURIComponent(phrase)}`));
      assert.ok((await settled(page, phrase)) >= 1);
      assert.equal(normalize(await resultLinks(page).first().textContent()), normalize(entry.title));
      assert.match(await page.title(), new RegExp(`^${phrase}\\b`));

      await page.goto(server.url);
      const headerBox = page.locator('header').getByRole('searchbox');
      await headerBox.fill(phrase);
      await headerBox.press('Enter');
      await page.waitForURL((url) => url.pathname === `${server.prefix}search/`);
      assert.equal(new URL(page.url()).searchParams.get('q'), phrase);
      assert.ok((await settled(page, phrase)) >= 1);
      assert.equal(await page.locator('header').getByRole('searchbox').inputValue(), phrase);
      // Typing in the page's box keeps the address, the header box and the title in step.
      const box = page.locator('main').getByRole('searchbox');
      await box.fill(`${phrase} ${entry.title.split(' ')[0]}`);
      await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, await box.inputValue());
      assert.equal(await page.locator('header').getByRole('searchbox').inputValue(), await box.inputValue());
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('the query, a filter and the sort order are written to the address, and survive a reload and Back', async () => {
      const query = 'model'; // a word most summaries use, so the results span several categories
      const { page, errors } = await browser.newPage();
      await page.goto(server.page('search/'));
      await search(page, query);
      await page.getByRole('button', { name: /^filters/i }).click();
      const category = page.locator('[data-filter=category] .filter-value:not([hidden])').first();
      const label = (await category.locator('input').getAttribute('value'))!;
      await category.locator('input').check();
      await page.getByRole('combobox', { name: /sort/i }).selectOption('newest');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'newest');
      const address = new URL(page.url());
      assert.equal(address.searchParams.get('q'), query);
      assert.deepEqual(address.searchParams.getAll('category'), [label]);
      // The count of the filtered search, not the one still on show from before the filter was picked.
      await page.waitForFunction(() => / with 1 filter\.$/.test(document.getElementById('search-status')?.textContent ?? ''));
      const count = await settled(page, query);
      const shown = await resultLinks(page).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      assert.ok(shown.length >= 1);

      // Newest first, by the place in the archive's order each summary page declares as its sort key.
      const keys = await declared(
        page,
        shown.map((href) => href.split('?')[0]!),
      );
      const places = shown.map((href) => keys.get(href.split('?')[0]!)?.sort.issue ?? '');
      assert.deepEqual(places, [...places].sort().reverse(), 'results are not newest first');

      const sameState = async (when: string): Promise<void> => {
        assert.equal(await settled(page, query), count, `${when}: another count`);
        assert.equal(await page.locator('main').getByRole('searchbox').inputValue(), query, `${when}: the box lost the query`);
        assert.equal(await page.getByRole('combobox', { name: /sort/i }).inputValue(), 'newest', `${when}: the sort order was lost`);
        assert.ok(await page.locator(`input[name=category][value="${label}"]`).isChecked(), `${when}: the filter was lost`);
        assert.deepEqual(
          await resultLinks(page).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href)),
          shown,
          `${when}: other results`,
        );
      };
      await page.reload();
      await sameState('after a reload');
      await resultLinks(page).first().click();
      await page.waitForURL((url) => url.pathname.startsWith(`${server.prefix}papers/`));
      await page.goBack();
      await page.waitForURL((url) => url.pathname === `${server.prefix}search/`);
      await sameState('after Back');
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}

describe('search on the site served at /: ranking, filters, keyboard, screen readers, phones', () => {
  let server: StaticServer;
  before(async () => {
    server = await startStaticServer((await buildOnce('/', CONTENT_DIR)).dir);
  });
  after(async () => {
    await server?.close();
  });

  test('choosing a category narrows the results to exactly the summaries in that category, with its count', async (t) => {
    const query = 'model';
    const { page, errors } = await browser.newPage();
    await page.goto(server.page('search/'));
    const total = await search(page, query);
    assert.ok(total >= 3, `only ${total} results for "${query}"`);

    // What each unfiltered result is filed under, as its own page declares it to Pagefind.
    const pages = await declared(page, await allResultPages(page, total));
    const categoriesOf = new Map([...pages].map(([href, d]) => [href, d.filters.category ?? []]));

    await page.getByRole('button', { name: /^filters/i }).click();
    const group = page.getByRole('group', { name: /^category$/i });
    await page.waitForFunction(() => document.querySelector('#filters .count')?.textContent !== '');
    const offered = await group
      .locator('.filter-value:not([hidden]) input')
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    assert.ok(offered.length >= 2, `the category filter offers ${JSON.stringify(offered)}`);
    const members = (label: string): string[] => [...categoriesOf].filter(([, cs]) => cs.includes(label)).map(([href]) => href);
    // The smallest offered category with more than one of the results: the narrowing is plain
    // to see, and membership is checked on more than one page.
    const narrowing = offered
      .map((label) => ({ label, expected: members(label) }))
      .filter((o) => o.expected.length > 0 && o.expected.length < total)
      .sort((a, b) => a.expected.length - b.expected.length);
    const choice = narrowing.find((o) => o.expected.length > 1) ?? narrowing[0];
    assert.ok(choice, `no offered category narrows the ${total} results: ${JSON.stringify(offered)}`);
    const checkbox = group.getByRole('checkbox', {
      name: new RegExp(`^${choice.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${choice.expected.length}\\)$`),
    });
    await checkbox.check();
    const narrowed = await settled(page, query, total);
    t.diagnostic(`"${query}": ${total} results; with category "${choice.label}": ${narrowed}`);
    assert.equal(narrowed, choice.expected.length);
    assert.deepEqual((await allResultPages(page, narrowed)).sort(), [...choice.expected].sort());
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the filter index is fetched only when the filters are opened, but for the one filter that tells summaries from listed titles', async () => {
    const { page, errors } = await browser.newPage();
    const filterFiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.pf_filter')) filterFiles.push(request.url());
    });
    await page.goto(server.page('search/?q=model'));
    await settled(page, 'model');
    assert.equal(await page.locator('#filters').isVisible(), false, 'the filters are open before they are asked for');
    // The sample lists titles it does not summarize: the `kind` filter ranks them after the summaries.
    assert.equal(filterFiles.length, 1, `filter data fetched for a search without filters: ${filterFiles.join(', ')}`);
    await page.getByRole('button', { name: /^filters/i }).click();
    await page.waitForFunction(() => document.querySelector('#filters .count')?.textContent !== '');
    assert.ok(filterFiles.length > 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('every exact title brings its summary first', async (t) => {
    const titles = [...new Set(archive.flatMap((issue) => issue.entries.map((e) => e.title.trim())))];
    const { page, errors } = await browser.newPage();
    await page.goto(server.page('search/'));
    const misses: string[] = [];
    for (const title of titles) {
      await search(page, title);
      const first = normalize(await resultLinks(page).first().textContent());
      if (first !== normalize(title)) misses.push(`"${title}": first is "${first}"`);
    }
    t.diagnostic(`${titles.length} titles searched`);
    assert.deepEqual(misses, []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("an author's name finds their paper, though its summary never names them", async (t) => {
    assert.ok(authorCase, 'no author in the archive is missing from their own summary');
    const { name, entry } = authorCase;
    t.diagnostic(`searching for "${name}" (${entry.title})`);
    const { page, errors } = await browser.newPage();
    await page.goto(server.page('search/'));
    assert.ok((await search(page, name)) >= 1, `no result for "${name}"`);
    const titles = (await resultLinks(page).allTextContents()).map(normalize);
    assert.ok(titles.includes(normalize(entry.title)), `"${entry.title}" is not among the results for "${name}": ${titles.join(' | ')}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the keyboard: / goes to the search box from any page, ↓ and ↑ move through the results, Enter opens one', async () => {
    const { page, errors } = await browser.newPage();
    await page.goto(server.url);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'header-q', '/ did not focus the header search box');
    await page.keyboard.type('model');
    await page.keyboard.press('Enter');
    await settled(page, 'model');
    // The search page opens with the cursor in its box, so ↓ goes straight to the results.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', 'the search page did not open with the cursor in its box');
    const focused = (): Promise<string> => page.evaluate(() => document.activeElement?.textContent ?? '');
    const titles = await resultLinks(page).allTextContents();
    assert.ok(titles.length >= 2);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), titles[0]);
    // With the focus on the page itself, ↓ goes to the results too.
    await page.locator('body').click({ position: { x: 1, y: 300 } });
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), titles[0]);
    await page.locator('body').click({ position: { x: 1, y: 300 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', '/ did not focus the search page box');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), titles[0]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), titles[1]);
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), titles[0]);
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q', '↑ from the first result did not go back to the box');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith(`${server.prefix}papers/`));
    assert.equal(normalize(await page.locator('main h1').textContent()), normalize(titles[1]!));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('the result count is a polite live region, and the results are a list of headed items', async () => {
    const { page, errors } = await browser.newPage();
    await page.goto(server.page('search/'));
    const status = page.getByRole('status');
    assert.equal(await status.count(), 1, 'no status region');
    assert.notEqual(await status.getAttribute('aria-live'), 'assertive');
    const count = await search(page, 'model');
    assert.match((await status.textContent()) ?? '', new RegExp(`^${count} results? for “model”`));
    const list = page.getByRole('list', { name: /results? for/ });
    const items = list.getByRole('listitem');
    assert.equal(await items.count(), Math.min(count, 10));
    for (const item of await items.all()) assert.equal(await item.getByRole('heading', { level: 2 }).getByRole('link').count(), 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a word no summary holds is said to be missing, with no results, and beside a real word only the real word is searched', async () => {
    // A made-up word that starts with a common one: Pagefind, not knowing it, would search its
    // longest known prefix (`model`) and list those summaries as results for it.
    const real = 'model';
    const madeUp = `${real}qxz`;
    const words = new Set(allEntries(archive).flatMap(({ issue, entry }) => wordsOf(searchableText(issue, entry))));
    assert.ok(
      [...words].some((w) => w.startsWith(real)),
      `no summary holds "${real}"`,
    );
    assert.ok(![...words].some((w) => w.startsWith(madeUp)), `a summary holds "${madeUp}"`);
    const { page, errors } = await browser.newPage();
    await page.goto(server.page('search/'));
    const box = page.locator('main').getByRole('searchbox');
    await box.fill(madeUp);
    await box.press('Enter');
    const says = (text: string) => page.waitForFunction((text) => document.getElementById('search-status')?.textContent === text, text);
    await says(`No summary contains “${madeUp}”.`);
    assert.equal(await page.locator('#results > li').count(), 0);
    assert.equal(await page.getByRole('button', { name: /show more/i }).isVisible(), false);

    const count = await search(page, real);
    assert.ok(count >= 1, `no result for "${real}"`);
    const alone = await resultLinks(page).allTextContents();
    // A word found by its stem is not missing: `models` finds what `model` finds.
    assert.equal(await search(page, `${real}s`), count);

    await box.fill(`${real} ${madeUp}`);
    await box.press('Enter');
    const expected = `No summary contains “${madeUp}”. ${count} ${count === 1 ? 'result' : 'results'} for “${real}”.`;
    await says(expected);
    assert.deepEqual(await resultLinks(page).allTextContents(), alone);
    // The result links carry the words that were found, for the summary page to mark.
    const href = new URL((await resultLinks(page).first().getAttribute('href'))!, page.url());
    assert.deepEqual(href.searchParams.getAll('highlight'), [real]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('on a 390×844 phone the first result is on the first screen and the filters are behind a button', async () => {
    const phone = await launchBrowser({ viewport: { width: 390, height: 844 } });
    try {
      const { page, errors } = await phone.newPage();
      await page.goto(server.page('search/?q=model'));
      await settled(page, 'model');
      const first = await page.locator('#results > li').first().getByRole('heading').boundingBox();
      assert.ok(first && first.y + first.height <= 844, `the first result's title ends at ${first && first.y + first.height} px`);
      assert.equal(await page.locator('#filters').isVisible(), false);
      const toggle = page.getByRole('button', { name: /^filters/i });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.ok(await page.locator('#filters').isVisible());
      // The year filter is the issue's year, named so: a result may show its paper's year.
      assert.ok(await page.getByRole('group', { name: /^issue year$/i }).isVisible());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'the page scrolls sideways at 390 px');
      assert.deepEqual(errors, []);
    } finally {
      await phone.close();
    }
  });
});

test('a title asked for exactly comes first, though a longer title with the same words says them more often', async () => {
  // Two summaries under one heading: the one titled exactly as the query mentions it once, the
  // other repeats it throughout. By words alone the second wins; the reader asked for the first.
  const work = mkdtempSync(path.join(os.tmpdir(), 'exact-title-'));
  try {
    const content = path.join(work, 'content');
    mkdirSync(path.join(content, 'newsletters'), { recursive: true });
    for (const file of ['categories.yml', 'site.yml', 'newsletter.yml'])
      copyFileSync(path.join(CONTENT_DIR, file), path.join(content, file));
    const again = Array.from({ length: 12 }, () => 'Sparse reward shaping matters, and sparse reward shaping is hard.').join(' ');
    writeFileSync(
      path.join(content, 'newsletters', 'an-001.txt'),
      `${[
        '---\nnumber: 1\ntitle: "One issue"\ndate: 2020-01-06\n---',
        'TECHNICAL AI ALIGNMENT',
        'LEARNING HUMAN INTENT',
        `Notes on sparse reward shaping in practice (Ann Writer) (summarized by Rohin): ${again}`,
        'Sparse reward shaping (Bo Author) (summarized by Rohin): A method for easier exploration, with proofs about its limits.',
      ].join('\n\n')}\n`,
    );
    const out = path.join(work, 'site');
    await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
    const server = await startStaticServer(out);
    try {
      const { page, errors } = await browser.newPage();
      await page.goto(server.page('search/'));
      assert.equal(await search(page, 'sparse reward shaping'), 2);
      assert.deepEqual(await resultLinks(page).allTextContents(), ['Sparse reward shaping', 'Notes on sparse reward shaping in practice']);
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
