/**
 * No page of a large archive weighs more than 300 KB of HTML: long lists are split into pages,
 * and every summary of a list is still on one of its pages, reachable without JavaScript.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildSite } from '../../src/build/build.ts';
import { BuildSession } from '../../src/build/session.ts';
import { LIST_PAGE_SIZE } from '../../src/site/long-lists.ts';
import { writeCorpus } from '../../tools/gen-corpus.ts';
import { LAYOUTS } from '../../tools/generate/index.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

const MAX_PAGE_BYTES = 300_000;
let root: string;
let out: string;

before(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'newsletter-sizes-'));
  const content = path.join(root, 'content');
  mkdirSync(content, { recursive: true });
  writeCorpus({ out: path.join(content, 'newsletters'), issues: 320, seed: 'sizes', layouts: [...LAYOUTS], madeUp: false });
  for (const file of ['categories.yml', 'site.yml', 'people.yml', 'newsletter.yml'])
    cpSync(path.join(SAMPLE_ARCHIVE, file), path.join(content, file));
  out = path.join(root, 'site');
  await buildSite(new BuildSession({ contentDir: content, outputDir: out, quiet: true }));
});
after(() => rmSync(root, { recursive: true, force: true }));

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : pages(full);
    return name.endsWith('.html') ? [full] : [];
  });
}
const rows = (html: string): number => html.match(/<li class="row">/g)?.length ?? 0;
/** A list's first page and the pages after it. */
const listPages = (dir: string): string[] => {
  const more = path.join(dir, 'page');
  const rest = statSync(more, { throwIfNoEntry: false }) ? readdirSync(more).map((n) => path.join(more, n, 'index.html')) : [];
  return [path.join(dir, 'index.html'), ...rest];
};
const count = (label: string): number => Number(label.replace(/,/g, ''));

test('every page of a large generated archive is under 300 KB of HTML', () => {
  const all = pages(out);
  assert.ok(all.length > 1_000, `${all.length} pages`);
  const heavy = all.map((file) => ({ file: path.relative(out, file), bytes: statSync(file).size })).filter((p) => p.bytes > MAX_PAGE_BYTES);
  assert.deepEqual(heavy, []);
});

test("the editor's summaries are split into pages, each holding at most a page's rows, together all of them", () => {
  const summarizers = readdirSync(path.join(out, 'summarizers')).filter((d) => d !== 'index.html');
  const [longest] = summarizers.map((d) => ({ d, n: listPages(path.join(out, 'summarizers', d)).length })).sort((a, b) => b.n - a.n);
  const dir = path.join(out, 'summarizers', longest!.d);
  const first = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const meta = /<p class="page-meta">([\d,]+) summar(?:y|ies)(?: · ([\d,]+) opinions?)?/.exec(first);
  assert.ok(meta, 'the counts on the first page');
  const total = count(meta[1]!) + (meta[2] ? count(meta[2]) : 0);
  const files = listPages(dir);
  assert.ok(files.length > 2, `${files.length} pages for ${total} rows`);
  let seen = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    assert.ok(rows(html) <= LIST_PAGE_SIZE, file);
    // Each page links every other: the first page, and at least the last.
    assert.match(html, new RegExp(`href="/summarizers/${longest!.d}/"|aria-current="page">1<`));
    assert.match(html, new RegExp(`href="/summarizers/${longest!.d}/page/${files.length}/"|aria-current="page">${files.length}<`));
    seen += rows(html);
  }
  assert.equal(seen, total, 'every summary and opinion is on one of the pages');
});

test("a big category's pages hold every summary once, and the sitemap lists each page", () => {
  const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
  const categories = readdirSync(path.join(out, 'categories')).filter(
    (d) => d !== 'index.html' && statSync(path.join(out, 'categories', d, 'page'), { throwIfNoEntry: false }),
  );
  assert.ok(categories.length > 0, 'a category long enough to be split');
  for (const slug of categories) {
    const files = listPages(path.join(out, 'categories', slug));
    const first = readFileSync(files[0]!, 'utf8');
    const total = count(/<p class="page-meta">([\d,]+) summar/.exec(first)![1]!);
    const titles = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/<li class="row">\s*<a class="row-title" href="([^"]+)"/g)].map((m) => m[1]),
    );
    assert.equal(titles.length, total, slug);
    for (let n = 2; n <= files.length; n++)
      assert.ok(sitemap.includes(`/categories/${slug}/page/${n}/</loc>`), `${slug} page ${n} in the sitemap`);
  }
});
