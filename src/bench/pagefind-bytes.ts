/**
 * Bytes of Pagefind files a browser downloads for one search: the built site served locally,
 * the search page loaded in headless Chromium with one query (`search/?q=...`), and every `/pagefind/`
 * response (script, WebAssembly, index chunks, result fragments) summed once results show.
 */
import { launchBrowser } from '../../tests/support/browser.ts';
import { startStaticServer } from '../../tests/support/static-server.ts';

export interface QueryBytes {
  query: string;
  /** Sum of response body sizes under /pagefind/ (the server sends them uncompressed; the index files are gzip already). */
  bytes: number;
  requests: number;
  results: number;
  /** Bytes by kind: js, css, wasm, index (pf_meta, pf_index, pf_filter), fragment. */
  byKind: Record<string, number>;
}

function kindOf(url: string): string {
  if (url.endsWith('.js')) return 'js';
  if (url.endsWith('.css')) return 'css';
  if (url.includes('wasm')) return 'wasm';
  if (url.endsWith('.pf_fragment')) return 'fragment';
  return 'index';
}

export async function measureQueryBytes(siteDir: string, query = 'reward'): Promise<QueryBytes> {
  const server = await startStaticServer(siteDir);
  const browser = await launchBrowser();
  try {
    const { page } = await browser.newPage();
    const sizes: Promise<{ url: string; size: number }>[] = [];
    page.on('response', (response) => {
      const url = response.url();
      if (!url.includes('/pagefind/')) return;
      sizes.push(response.body().then((b) => ({ url, size: b.length }), () => ({ url, size: 0 })));
    });
    // The search page runs the query in `?q=` (as a link from elsewhere would), once its UI is up.
    await page.goto(server.page(`search/?q=${encodeURIComponent(query)}`), { waitUntil: 'load' });
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const results = await page.locator('.pagefind-ui__result').count();
    const all = await Promise.all(sizes);
    const byKind: Record<string, number> = {};
    for (const { url, size } of all) byKind[kindOf(url)] = (byKind[kindOf(url)] ?? 0) + size;
    return { query, bytes: all.reduce((n, r) => n + r.size, 0), requests: all.length, results, byKind };
  } finally {
    await browser.close();
    await server.close();
  }
}
