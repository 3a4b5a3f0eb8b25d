/** The internal link check of a built site (tools/support/link-check.ts) and its command, `npm run links`. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { checkSite, findBrokenLinks, scanPage } from '../../tools/support/link-check.ts';
import { buildOnce } from '../support/build-once.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

const page = (body: string): string => `<!doctype html><html><body>${body}</body></html>`;

test('the checker reports a missing page, a missing anchor and a link that forgets the prefix', () => {
  const pages = new Map([
    [
      'index.html',
      page(
        '<a href="issues/a/">ok</a><a href="issues/a/#there">ok anchor</a><a href="issues/b/">missing</a><a href="issues/a/#nowhere">bad anchor</a><a href="/issues/a/">no prefix</a><a href="https://example.org/x">external</a>',
      ),
    ],
    ['issues/a/index.html', page('<article id="there">x</article><a href="../../assets/site.css">css</a><a href="#there">self</a>')],
  ]);
  const report = findBrokenLinks(pages, ['assets/site.css'], '/repo/');
  assert.deepEqual(
    report.broken.map((b) => [b.page, b.href, b.reason]),
    [
      ['index.html', 'issues/b/', 'no such page'],
      ['index.html', 'issues/a/#nowhere', 'no such anchor'],
      ['index.html', '/issues/a/', 'outside the site prefix'],
    ],
  );
  assert.equal(report.links, 7);
});

test('ids and links are read from attributes with entities decoded, not from script bodies', () => {
  const scanned = scanPage(`<a href="/a?x=1&amp;y=2" id='q&amp;a'>x</a><script>var s = '<a href="/nope">';</script>`);
  assert.deepEqual(scanned.links, ['/a?x=1&y=2']);
  assert.deepEqual([...scanned.ids], ['q&a']);
});

test('a page is read as a browser reads it: unquoted and upper-case attributes, a > inside a value, no links in comments', () => {
  const scanned = scanPage(
    [
      '<A HREF=/upper/>x</A>',
      '<a title="a > b" href="/after-gt/">x</a>',
      '<!-- <a href="/commented/">old</a> -->',
      '<img src=/pic.png alt=x>',
      '<style>a[href="/in-css/"] { color: red }</style>',
      '<p id=plain>x</p>',
    ].join(''),
  );
  assert.deepEqual(scanned.links, ['/upper/', '/after-gt/', '/pic.png']);
  assert.deepEqual([...scanned.ids], ['plain']);
});

test('attribute values are decoded by the HTML rules for attributes: named, numeric and legacy references', () => {
  const scanned = scanPage('<a href="/q?a=1&amp;b=&#50;&#x33;&copy=4" id="caf&eacute;&#x2d;&lt;x&gt;">x</a>');
  // `&copy=` in an attribute is text (a legacy reference followed by `=` is not decoded there).
  assert.deepEqual(scanned.links, ['/q?a=1&b=23&copy=4']);
  assert.deepEqual([...scanned.ids], ['café-<x>']);
});

test('npm run links prints each broken link with its page and reason, then the count, and exits 1; 0 when none is broken', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'links-'));
  try {
    mkdirSync(path.join(dir, 'issues', 'a'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), page('<a href="/repo/issues/a/">a</a><a href="/repo/issues/b/">b</a>'));
    writeFileSync(path.join(dir, 'issues', 'a', 'index.html'), page('<a href="/repo/#top">home</a>'));
    const run = (): ReturnType<typeof spawnSync> =>
      spawnSync('npm', ['run', '--silent', 'links', '--', dir], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, PATH_PREFIX: '/repo/', OUTPUT_DIR: '' },
      });
    const broken = run();
    assert.equal(
      broken.stdout,
      [
        'index.html: /repo/issues/b/ (no such page)',
        'issues/a/index.html: /repo/#top (no such anchor)',
        '2 pages, 3 internal links under /repo/: 2 broken',
        '',
      ].join('\n'),
    );
    assert.equal(broken.status, 1);
    writeFileSync(path.join(dir, 'index.html'), page('<p id="top"><a href="/repo/issues/a/">a</a></p>'));
    const fixed = run();
    assert.equal(fixed.stdout, '2 pages, 2 internal links under /repo/: 0 broken\n');
    assert.equal(fixed.status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const prefix of ['/', '/newsletter-archive/']) {
  test(`the built default archive has no broken internal links or anchors under ${prefix}`, async () => {
    const site = await buildOnce(prefix);
    const report = checkSite(site.dir, prefix);
    assert.ok(report.pages > 20, `only ${report.pages} pages checked`);
    assert.ok(report.links > report.pages * 5, `only ${report.links} links checked`);
    assert.deepEqual(report.broken, []);
  });
}

test('the same site checked under the wrong prefix is caught, so the check is not vacuous', async () => {
  const site = await buildOnce('/newsletter-archive/');
  const report = checkSite(site.dir, '/');
  assert.ok(report.broken.length > 0);
  assert.ok(report.broken.every((b) => b.reason === 'no such page'));
});
