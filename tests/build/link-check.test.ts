import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSite, findBrokenLinks, scanPage } from '../../src/io/link-check.ts';
import { buildOnce } from '../support/build-once.ts';

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
