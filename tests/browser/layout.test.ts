/**
 * The page frame in Chromium at the widths readers use: the header's brand, navigation and search
 * form on one row on wide screens and wrapping without sideways scrolling on narrow ones, in a
 * keyboard order that follows what is seen; the footer at the bottom of the window on a short page.
 * The archive is the tests' sample one (tests/fixtures/sample-archive/).
 */
import { after, before } from 'node:test';
import { BROWSER_MISSING, browserTest as test } from '../support/browser-test.ts';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildOnce } from '../support/build-once.ts';
import { launchBrowser, type TestBrowser } from '../../tools/support/browser.ts';
import { startStaticServer, type StaticServer } from '../../tools/support/static-server.ts';

let browser: TestBrowser;
let server: StaticServer;

before(async () => {
  if (BROWSER_MISSING !== null) return;
  const site = await buildOnce('/');
  server = await startStaticServer(site.dir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).boundingBox();
  assert.ok(found, `${selector} is not shown`);
  return { left: found.x, right: found.x + found.width, top: found.y, bottom: found.y + found.height };
}

/** The border boxes of the header's three parts, the content box of the row holding them, and the page's widths. */
async function headerBoxes(page: Page): Promise<{ brand: Box; nav: Box; form: Box; row: Box; scroll: number; client: number }> {
  const outer = await box(page, '.header-row');
  // Functions declared inside evaluate() would reach the page wrapped in the test compiler's helpers, so only expressions here.
  const { padLeft, padRight, scroll, client } = await page.evaluate(() => ({
    padLeft: Number.parseFloat(getComputedStyle(document.querySelector('.header-row') as Element).paddingLeft),
    padRight: Number.parseFloat(getComputedStyle(document.querySelector('.header-row') as Element).paddingRight),
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  return {
    brand: await box(page, '.site-header .brand'),
    nav: await box(page, '.site-nav'),
    form: await box(page, '.header-search'),
    row: { ...outer, left: outer.left + padLeft, right: outer.right - padRight },
    scroll,
    client,
  };
}

const overlapsVertically = (a: Box, b: Box): boolean => a.top < b.bottom && b.top < a.bottom;
const overlaps = (a: Box, b: Box): boolean => overlapsVertically(a, b) && a.left < b.right && b.left < a.right;

for (const width of [1280, 1024]) {
  test(`at ${width} px the brand, the navigation and the search form share one row, brand left and form right`, async () => {
    const { page } = await browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.page(''));
    const { brand, nav, form, row } = await headerBoxes(page);
    assert.ok(overlapsVertically(brand, nav) && overlapsVertically(nav, form) && overlapsVertically(brand, form), 'not one row');
    assert.ok(brand.right <= nav.left && nav.right <= form.left, 'not in the order brand, nav, form');
    assert.ok(Math.abs(brand.left - row.left) < 1, `the brand starts at ${brand.left}, the row at ${row.left}`);
    assert.ok(Math.abs(form.right - row.right) < 1, `the form ends at ${form.right}, the row at ${row.right}`);
    // The placeholder is whole: the box is at least as wide as its text.
    const clipped = await page.locator('#header-q').evaluate((input) => {
      const box = input as HTMLInputElement;
      const style = getComputedStyle(box);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return 'no canvas';
      context.font = style.font;
      const room = box.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      const text = context.measureText(box.placeholder).width;
      return text <= room ? null : `${text} px of placeholder in ${room} px`;
    });
    assert.equal(clipped, null);
    await page.close();
  });
}

for (const width of [768, 390, 320]) {
  test(`at ${width} px the header wraps onto rows without overlap and nothing scrolls sideways`, async () => {
    const { page } = await browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(server.page(''));
    const { brand, nav, form, row, scroll, client } = await headerBoxes(page);
    assert.ok(scroll <= client, `${scroll} px wide in ${client} px`);
    for (const [name, part] of Object.entries({ brand, nav, form })) {
      assert.ok(
        part.left >= row.left - 0.5 && part.right <= row.right + 0.5,
        `${name} spans ${part.left}-${part.right}, the row ${row.left}-${row.right}`,
      );
    }
    assert.ok(!overlaps(brand, nav) && !overlaps(nav, form) && !overlaps(brand, form), 'header parts overlap');
    // The form is last in reading order as in the source: below the brand, on a row of its own.
    assert.ok(form.top >= brand.bottom, 'the form is not below the brand');
    await page.close();
  });
}

test('Tab goes through the skip link, the brand, the navigation and the search form in the order they are seen', async () => {
  const { page } = await browser.newPage();
  await page.goto(server.page(''));
  const order: string[] = [];
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('Tab');
    order.push(
      await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element) return '';
        return element instanceof HTMLInputElement
          ? `input:${element.name}`
          : `${element.tagName.toLowerCase()}:${element.textContent?.trim()}`;
      }),
    );
  }
  assert.deepEqual(order, [
    'a:Skip to content',
    'a:Alignment Newsletter Archive',
    'a:Issues',
    'a:Categories',
    'a:Summarizers',
    'a:Authors',
    'a:Search',
    'input:q',
    'button:Search',
  ]);
  await page.close();
});

test('the skip link shows when focused and takes the next Tab into the main content', async () => {
  const { page } = await browser.newPage();
  await page.goto(server.page(''));
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  const box = await skip.boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0, `the focused skip link is off screen: ${JSON.stringify(box)}`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('main') !== null), true, 'Tab after the skip link left main');
  await page.close();
});

for (const [width, height] of [
  [1280, 900],
  [390, 844],
] as const) {
  test(`at ${width}x${height} the footer ends the window on a short page and ends the page on a long one`, async () => {
    const { page } = await browser.newPage();
    await page.setViewportSize({ width, height });
    for (const [relative, short] of [
      ['no-such-page/', true],
      ['', false],
    ] as const) {
      await page.goto(server.page(relative));
      const footer = await box(page, '.site-footer');
      const scrollHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(
        Math.abs(footer.bottom - scrollHeight) < 1,
        `/${relative}: the footer ends at ${footer.bottom}, the page at ${scrollHeight}`,
      );
      if (short)
        assert.ok(Math.abs(footer.bottom - height) < 1, `/${relative}: the footer ends at ${footer.bottom} in a ${height} px window`);
      else assert.ok(scrollHeight > height, `/${relative} is not a long page`);
    }
    await page.close();
  });
}

/** Where each name of the authors index's longest letter group stands, in the page's order. */
async function longestGroup(page: Page): Promise<{ x: number; y: number }[]> {
  await page.goto(server.page('authors/'));
  const lists = page.locator('section ul.people');
  let longest: { x: number; y: number }[] = [];
  for (let i = 0; i < (await lists.count()); i++) {
    const items = lists.nth(i).locator('li');
    if ((await items.count()) <= longest.length) continue;
    longest = [];
    for (const item of await items.all()) {
      const found = await item.boundingBox();
      assert.ok(found, 'a name is not shown');
      longest.push({ x: Math.round(found.x), y: Math.round(found.y) });
    }
  }
  assert.ok(longest.length >= 8, `the sample archive's longest letter group has only ${longest.length} names`);
  return longest;
}

test('at 1280 px each letter of the authors index is set in columns read down then across', async () => {
  const { page } = await browser.newPage();
  const names = await longestGroup(page);
  const columns = [...new Set(names.map((n) => n.x))];
  assert.ok(columns.length >= 2, `${names.length} names in one column`);
  for (let i = 1; i < names.length; i++) {
    const [before, here] = [names[i - 1], names[i]];
    assert.ok(before && here);
    // Next name: below in the same column, or at the top of the next column to the right.
    assert.ok(
      here.x === before.x ? here.y > before.y : here.x > before.x && here.y < before.y,
      `name ${i + 1} of the group is out of order`,
    );
  }
  await page.close();
});

test('at 390 px the authors index is one column', async () => {
  const { page } = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const names = await longestGroup(page);
  assert.deepEqual([...new Set(names.map((n) => n.x))].length, 1);
  await page.close();
});
