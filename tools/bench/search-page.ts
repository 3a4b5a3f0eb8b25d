/**
 * What searching costs a reader: the built site served with gzip as GitHub Pages serves it, the
 * search page opened in headless Chromium with an empty cache, a two-word query typed key by key,
 * and then
 * - every byte the server sent (bodies, gzip where it compressed; headers left out, as they depend
 *   on the host) from opening the page until the first results are shown and the network is idle,
 *   by kind of file, counted at the server so that the worker's requests are counted too;
 * - the time from the last keystroke to the first result of that query in the DOM (the page's
 *   debounce included), read in the page with performance.now().
 * Each query runs in a fresh browser profile, so every one pays the first-visit cost.
 */
import { launchBrowser } from '../support/browser.ts';
import { startStaticServer } from '../support/static-server.ts';

/**
 * Two-word queries of the kind a reader of the archive types: topics, not titles. A query that
 * finds nothing (a made-up corpus) is reported with no latency.
 */
export const QUERIES = [
  'reward learning',
  'inner alignment',
  'language models',
  'value learning',
  'adversarial examples',
  'human feedback',
];

/** Milliseconds between keystrokes: a quick typist (about 80 words a minute). */
export const KEY_DELAY_MS = 150;

export interface QueryCost {
  query: string;
  /** Bytes sent for page load plus this query (bodies as sent, gzip where the server compressed). */
  bytes: number;
  requests: number;
  /** Bytes by kind: page (HTML), css, js (the site's scripts), pagefind-js (pagefind.js and its worker), wasm, meta, index, filter, fragment, other. */
  byKind: Record<string, number>;
  /** Last keystroke to the first result of this query in the DOM (ms); null when it found nothing. */
  firstResultMs: number | null;
  results: number;
}

export interface SearchCost {
  keyDelayMs: number;
  queries: QueryCost[];
  /** The largest page-plus-query transfer over the queries. */
  maxBytes: number;
  medianBytes: number;
  /** Median over the queries that found something. */
  medianFirstResultMs: number | null;
}

export function kindOf(requestPath: string): string {
  const path = requestPath.split('?')[0]!;
  const file = path.slice(path.lastIndexOf('/') + 1);
  if (path.includes('/pagefind/')) {
    if (file.endsWith('.js')) return 'pagefind-js';
    if (file.startsWith('wasm.')) return 'wasm';
    if (file.endsWith('.pf_meta')) return 'meta';
    if (file.endsWith('.pf_index')) return 'index';
    if (file.endsWith('.pf_filter')) return 'filter';
    if (file.endsWith('.pf_fragment')) return 'fragment';
    return 'other';
  }
  if (file.endsWith('.css')) return 'css';
  if (file.endsWith('.js')) return 'js';
  if (file === '' || file.endsWith('.html')) return 'page';
  return 'other';
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function measureQuery(
  origin: string,
  sent: { path: string; bytes: number }[],
  query: string,
  keyDelayMs: number,
): Promise<QueryCost> {
  const browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  try {
    const { page, errors } = await browser.newPage();
    sent.length = 0;
    await page.goto(`${origin}search/`, { waitUntil: 'load' });
    // The page's own clock: the time of each keystroke that changed the box, and of the first
    // result of the final query (the status line names the query its results are for).
    await page.evaluate((query) => {
      const state = window as unknown as { lastKey: number; firstResult: number | null };
      state.lastKey = 0;
      state.firstResult = null;
      const box = document.getElementById('q')!;
      box.addEventListener('input', () => {
        state.lastKey = performance.now();
      });
      new MutationObserver(() => {
        const status = document.getElementById('search-status')?.textContent ?? '';
        const box = document.getElementById('q') as HTMLInputElement;
        if (
          state.firstResult === null &&
          box.value === query &&
          status.includes(`“${query}”`) &&
          document.querySelector('#results .result')
        ) {
          state.firstResult = performance.now();
        }
      }).observe(document.getElementById('results')!, { childList: true });
    }, query);
    await page.locator('#q').click();
    await page.keyboard.type(query, { delay: keyDelayMs });
    await page.waitForFunction((query) => (document.getElementById('search-status')?.textContent ?? '').includes(`“${query}”`), query, {
      timeout: 15_000,
    });
    // The first page is complete once the reader stops typing: wait for it, then for the network to go quiet.
    await page.waitForFunction(
      () => document.querySelectorAll('#results .result').length >= 10 || (document.getElementById('more') as HTMLElement).hidden,
    );
    await page.waitForLoadState('networkidle');
    const timing = await page.evaluate(() => {
      const state = window as unknown as { lastKey: number; firstResult: number | null };
      return { lastKey: state.lastKey, firstResult: state.firstResult };
    });
    const results = await page.locator('#results .result').count();
    if (errors.length > 0) throw new Error(`errors on the search page: ${errors.join('; ')}`);
    const byKind: Record<string, number> = {};
    for (const { path, bytes } of sent) byKind[kindOf(path)] = (byKind[kindOf(path)] ?? 0) + bytes;
    return {
      query,
      bytes: sent.reduce((n, r) => n + r.bytes, 0),
      requests: sent.length,
      byKind,
      firstResultMs: results > 0 && timing.firstResult !== null ? timing.firstResult - timing.lastKey : null,
      results,
    };
  } finally {
    await browser.close();
  }
}

/** Measures every query in `queries` on the site in `siteDir`, served with gzip at the root. */
export async function measureSearchCost(siteDir: string, queries = QUERIES, keyDelayMs = KEY_DELAY_MS): Promise<SearchCost> {
  const sent: { path: string; bytes: number }[] = [];
  const server = await startStaticServer(siteDir, { gzip: true, onResponse: (response) => sent.push(response) });
  try {
    const measured: QueryCost[] = [];
    for (const query of queries) measured.push(await measureQuery(server.url, sent, query, keyDelayMs));
    const bytes = measured.map((q) => q.bytes);
    return {
      keyDelayMs,
      queries: measured,
      maxBytes: Math.max(...bytes),
      medianBytes: median(bytes) ?? 0,
      medianFirstResultMs: median(measured.flatMap((q) => (q.firstResultMs === null ? [] : [q.firstResultMs]))),
    };
  } finally {
    await server.close();
  }
}
