/**
 * The README's screenshots: the search page of a built site, with a query's results, at 1280 px
 * and at 390 px. Usage: `tsx tools/screenshots.ts <built site> <out dir> [query]` (writes
 * `screenshot-1280.png` and `screenshot-390.png`).
 */
import path from 'node:path';
import { launchBrowser } from './support/browser.ts';
import { startStaticServer } from './support/static-server.ts';

const [site, out, query = 'reward learning'] = process.argv.slice(2);
if (site === undefined || out === undefined) {
  process.stderr.write('usage: tsx tools/screenshots.ts <built site> <out dir> [query]\n');
  process.exit(2);
}
const server = await startStaticServer(site);
try {
  for (const [width, height] of [
    [1280, 860],
    [390, 844],
  ] as const) {
    const browser = await launchBrowser({ viewport: { width, height } });
    try {
      const { page } = await browser.newPage();
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(server.page(`search/?q=${encodeURIComponent(query)}`));
      await page.waitForFunction(() => document.getElementById('results')?.getAttribute('aria-busy') === 'false');
      await page.screenshot({ path: path.join(out, `screenshot-${width}.png`) });
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
