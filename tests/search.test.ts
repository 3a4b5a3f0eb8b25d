/**
 * Search in a real browser: the built site served as GitHub Pages would serve it (at the root
 * and under a path prefix), Pagefind's real index, headless Chromium.
 *
 * The phrase searched for is not hard-coded: it is computed from the parsed archive as a run of
 * words from one entry's summary whose words, taken together, occur in no other entry's
 * searchable text. So the test keeps meaning something when the archive changes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseCategories } from '../src/categories.ts';
import { parseArchive } from '../src/parse.ts';
import { readNewsletters, readOptionalText } from '../src/read.ts';
import type { Entry, Issue } from '../src/types.ts';
import { buildOnce } from './support/build-once.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';

const CONTENT_DIR = path.resolve(import.meta.dirname, '..', 'content');

/** The default archive through the real parser, as the site build reads it. */
function parseDefaultArchive(): Issue[] {
  const vocabulary = parseCategories(readOptionalText(path.join(CONTENT_DIR, 'categories.yml')) ?? '');
  const { files } = readNewsletters([path.join(CONTENT_DIR, 'newsletters')]);
  return parseArchive(files, { vocabulary }).issues;
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

/** Everything a summary page makes searchable about an entry (title, summary, opinions, extras, people, sections). */
function searchableText(issue: Issue, entry: Entry): string {
  return [
    issue.title ?? '',
    entry.title,
    entry.authors ?? '',
    entry.summarizers.join(' '),
    entry.category.join(' '),
    entry.summary,
    ...entry.opinions.flatMap((o) => [o.by, o.text]),
    ...entry.readMore,
    ...entry.prerequisites,
  ]
    .map(plainText)
    .join(' ');
}

interface DistinctivePhrase {
  phrase: string;
  issue: Issue;
  entry: Entry;
}

/**
 * Finds a run of `size` words, all letters and at least 4 long, inside one sentence of one
 * entry's summary, such that no other entry's searchable text holds all of its words (by
 * `matchKey`). The first such run in archive order wins, so the choice is deterministic.
 */
function findDistinctivePhrase(issues: Issue[], size = 4): DistinctivePhrase | null {
  const all = issues.flatMap((issue) => issue.entries.map((entry) => ({ issue, entry })));
  const indexed = all.map(({ issue, entry }) => wordsOf(searchableText(issue, entry)));
  const holdsAll = (words: string[], keys: string[]): boolean => keys.every((k) => words.some((w) => w.startsWith(k)));
  for (const [i, { issue, entry }] of all.entries()) {
    // Runs never cross punctuation, so the phrase appears verbatim in the rendered page.
    for (const stretch of plainText(entry.summary).split(/[^\p{L}\p{N}\s]+/u)) {
      const words = stretch.trim().split(/\s+/);
      for (let start = 0; start + size <= words.length; start++) {
        const run = words.slice(start, start + size);
        if (!run.every((w) => /^\p{L}{4,}$/u.test(w))) continue;
        const keys = run.map((w) => matchKey(w.toLowerCase()));
        const others = indexed.filter((words, j) => j !== i && holdsAll(words, keys));
        if (others.length === 0) return { phrase: run.join(' '), issue, entry };
      }
    }
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Collapses whitespace and folds case and curly quotes, for comparing page text with parsed text. */
function normalize(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Waits for Pagefind's UI to finish a search for `query` ("N results for query", not
 * "Searching for query...") and returns N. With `below`, waits for a count under it: after a
 * filter is applied, the previous line stays up until the filtered search is done.
 */
async function settledCount(page: Page, query: string, below = Infinity): Promise<number> {
  const handle = await page.waitForFunction(
    ({ query, below }) => {
      const text = document.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '';
      const match = /^(\d+) results? for (.*)$/.exec(text);
      return match && match[2] === query && Number(match[1]) < below ? Number(match[1]) : null;
    },
    { query, below },
  );
  return (await handle.jsonValue()) as number;
}

/** Types a query into the search page's box (Pagefind's UI searches as you type) and waits for the result count. */
async function search(page: Page, query: string): Promise<number> {
  await page.locator('main').getByRole('textbox', { name: /search/i }).first().fill(query);
  return settledCount(page, query);
}

/** Clicks "Load more results" until all `expected` results are listed; returns the result links' URLs. */
async function allResultHrefs(page: Page, expected: number): Promise<string[]> {
  const results = page.locator('.pagefind-ui__result-link');
  const more = page.locator('.pagefind-ui__button', { hasText: /more/i });
  while ((await results.count()) < expected && (await more.count()) > 0) await more.first().click();
  await page.waitForFunction((n) => document.querySelectorAll('.pagefind-ui__result-link').length === n, expected);
  return results.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
}

/**
 * The filter values each page declares for Pagefind, by page and filter name. The pages are
 * fetched and parsed by the browser (DOMParser), in one round trip rather than one navigation
 * each. Handles the forms Pagefind reads: `name` (element text), `name:value`, `name[attr]`,
 * comma-separated.
 */
async function declaredFilters(page: Page, urls: string[]): Promise<Map<string, Record<string, string[]>>> {
  const found = await page.evaluate(async (urls) => {
    return Promise.all(
      urls.map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
        const filters: Record<string, string[]> = {};
        for (const el of doc.querySelectorAll('[data-pagefind-filter]')) {
          for (const spec of (el.getAttribute('data-pagefind-filter') ?? '').split(',')) {
            const m = /^\s*([^:[\]]+?)\s*(?::\s*(.*?)|\[(.+)\])?\s*$/.exec(spec);
            if (!m || !m[1]) continue;
            const value = m[2] ?? (m[3] ? el.getAttribute(m[3]) : el.textContent) ?? '';
            (filters[m[1]] ??= []).push(value.replace(/\s+/g, ' ').trim());
          }
        }
        return [url, filters] as const;
      }),
    );
  }, urls);
  return new Map(found);
}

const phraseCase = findDistinctivePhrase(parseDefaultArchive());

let browser: TestBrowser;
before(async () => {
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

    test('a phrase from one summary only finds that summary first, and the result opens it', async (t) => {
      assert.ok(phraseCase, 'the archive has no summary with a distinctive four-word phrase');
      const { phrase, entry, issue } = phraseCase;
      t.diagnostic(`searching for "${phrase}" (${issue.id}: ${entry.title})`);
      const { page, errors } = await browser.newPage();
      await page.goto(server.page('search/'));
      assert.ok((await search(page, phrase)) >= 1, `no result for "${phrase}"`);
      const first = page.locator('.pagefind-ui__result-link').first();
      const href = await first.getAttribute('href');
      assert.ok(href?.startsWith(`${server.prefix}papers/`), `first result for "${phrase}" links to ${href}, not a summary page under ${server.prefix}`);
      assert.equal(normalize((await first.textContent()) ?? ''), normalize(entry.title));
      await first.click();
      await page.waitForURL((url) => url.pathname === href);
      assert.equal(normalize((await page.locator('main h1').textContent()) ?? ''), normalize(entry.title));
      const summary = normalize(await page.locator('main .summary').first().innerText());
      assert.ok(summary.includes(normalize(phrase)), `the opened page's summary does not contain "${phrase}"`);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('?q= in the address runs the search, and the header box submits to it', async () => {
      assert.ok(phraseCase);
      const { phrase, entry } = phraseCase;
      const { page, errors } = await browser.newPage();
      await page.goto(server.page(`search/?q=${encodeURIComponent(phrase)}`));
      assert.ok((await settledCount(page, phrase)) >= 1);
      assert.equal(normalize((await page.locator('.pagefind-ui__result-link').first().textContent()) ?? ''), normalize(entry.title));

      await page.goto(server.url);
      const headerBox = page.locator('header').getByRole('searchbox');
      await headerBox.fill(phrase);
      await headerBox.press('Enter');
      await page.waitForURL((url) => url.pathname === `${server.prefix}search/`);
      assert.equal(new URL(page.url()).searchParams.get('q'), phrase);
      assert.ok((await settledCount(page, phrase)) >= 1);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('choosing a category from the filters narrows the results to exactly the summaries in that category', async (t) => {
      const query = 'model'; // a word most summaries use, so the results span several categories
      const { page, errors } = await browser.newPage();
      await page.goto(server.page('search/'));
      const total = await search(page, query);
      assert.ok(total >= 3, `only ${total} results for "${query}"`);

      // What each unfiltered result is filed under, as its own page declares it to Pagefind.
      const declared = await declaredFilters(page, await allResultHrefs(page, total));
      const categoriesOf = new Map([...declared].map(([href, filters]) => [href, filters['category'] ?? []]));

      const group = page.locator('.pagefind-ui__filter-block', { has: page.locator('summary', { hasText: /^category$/i }) });
      await group.locator('summary').click();
      const offered = (await group.locator('.pagefind-ui__filter-label').allTextContents()).map((label) =>
        label.replace(/\s*\(\d+\)\s*$/, '').trim(),
      );
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

      await group.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(choice.label)} \\(\\d+\\)$`) }).check();
      const narrowed = await settledCount(page, query, total);
      t.diagnostic(`"${query}": ${total} results; with category "${choice.label}": ${narrowed}`);
      assert.equal(narrowed, choice.expected.length);
      const hrefs = await allResultHrefs(page, narrowed);
      assert.deepEqual([...hrefs].sort(), [...choice.expected].sort());
      for (const href of hrefs) assert.ok(categoriesOf.get(href)?.includes(choice.label), `${href} is not in ${choice.label}`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  });
}
