import { chromium } from 'playwright-core';
import { startStaticServer } from './support/static-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser.ts';
const [site, ...paths] = process.argv.slice(2);
const server = await startStaticServer(site!);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1280, 390]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await ctx.newPage();
    for (const p of paths) {
      const [url, sel] = p.split('@');
      await page.goto(server.page(url!));
      if (sel) await page.locator(sel).first().scrollIntoViewIfNeeded();
      if (sel) await page.evaluate((s) => document.querySelector(s)?.scrollIntoView(), sel);
      const name = `${url!.replace(/[^a-z0-9]+/gi, '_')}${sel ? '_' + sel.replace(/[^a-z0-9]+/gi, '') : ''}-${width}-${scheme}.png`;
      await page.screenshot({ path: `/tmp/h16/shots/${name}` });
      console.log(name);
    }
    await ctx.close();
  }
}
await browser.close();
await server.close();
