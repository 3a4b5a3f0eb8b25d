/** Related summaries on the summary pages (src/site/engines/related-pages.ts), through collectSite. */
import path from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { parseArchive } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';
import type { Issue } from '../../src/records/types.ts';
import { collectSite } from '../../src/site.ts';
import { ALL_FEATURES } from '../../src/site/features.ts';
import { RelatedMemo } from '../../src/site/engines/related-pages.ts';
import { SiteReuse } from '../../src/site/reuse.ts';
import { deepFreeze } from '../support/records.ts';
import { BEES, MESA, MESA_AGAIN, relatedArchiveFiles } from '../support/related-archive.ts';
import { options } from '../support/site.ts';
import { AN_DIALECT } from '../support/dialect.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

function archive(): Issue[] {
  const files = Object.entries(relatedArchiveFiles()).map(([file, text]) => ({ file, text }));
  const vocabulary = parseCategories(readFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), 'utf8'));
  return parseArchive(files, { vocabulary, dialect: AN_DIALECT, editor: 'Rohin' }).issues;
}

const relatedOf = (site: ReturnType<typeof collectSite>, title: string) => {
  const paper = site.papers.find((p) => p.title === title);
  assert.ok(paper, `no summary page for ${title}`);
  return paper.related;
};

test('a summary and its near-duplicate list each other first, with their issue and the reason', () => {
  const site = collectSite(archive(), options);
  const mesa = relatedOf(site, MESA);
  const again = relatedOf(site, MESA_AGAIN);
  assert.equal(mesa[0]?.title, MESA_AGAIN);
  assert.equal(mesa[0]?.caption, 'AN #3 · 21 January 2019');
  assert.match(mesa[0]!.reason, /^Similar text/);
  assert.equal(mesa[0]?.href, site.papers.find((p) => p.title === MESA_AGAIN)!.href);
  assert.equal(again[0]?.title, MESA);
});

test('an unrelated summary is on no list, and has none of its own', () => {
  const site = collectSite(archive(), options);
  assert.deepEqual(relatedOf(site, BEES), []);
  for (const paper of site.papers) assert.ok(!paper.related.some((r) => r.title === BEES), `${paper.title} lists ${BEES}`);
  assert.ok(site.papers.every((p) => p.related.length <= 5));
});

test('the lists are the same in every build, whatever order the files come in', () => {
  const issues = archive();
  const once = collectSite(issues, options).papers.map((p) => [p.slug, p.related]);
  const reversed = collectSite([...issues].reverse(), options).papers.map((p) => [p.slug, p.related]);
  assert.deepEqual(reversed, once);
});

test('a rebuild after an edit gives the lists a full build gives, and reuses the last result when no summary changed', () => {
  const issues = deepFreeze(archive());
  const memo = new RelatedMemo();
  const reuse = new SiteReuse();
  const first = collectSite(issues, { ...options, related: memo, reuse });
  const again = collectSite(issues, { ...options, related: memo, reuse });
  assert.equal(again.papers.find((p) => p.title === MESA)!.related, first.papers.find((p) => p.title === MESA)!.related);
  // The near-duplicate is edited to be about bees: the memo's result is worked out again, as a fresh build's is.
  const edited = issues.map((issue) =>
    issue.number !== 3
      ? issue
      : deepFreeze({
          ...issue,
          entries: issue.entries.map((e) => ({ ...e, summary: `${e.summary} Honeybee colonies and almond orchards.` })),
        }),
  );
  const rebuilt = collectSite(edited, { ...options, related: memo, reuse });
  const fresh = collectSite(edited, options);
  assert.deepEqual(
    rebuilt.papers.map((p) => p.related),
    fresh.papers.map((p) => p.related),
  );
});

test('related: false leaves every list empty', () => {
  const site = collectSite(archive(), { ...options, features: { ...ALL_FEATURES, related: false } });
  assert.ok(site.papers.every((p) => p.related.length === 0));
});
