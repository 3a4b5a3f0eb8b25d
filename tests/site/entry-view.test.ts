/** One entry's view (`entryView`, src/site/archive/entry.ts), built directly from hand-made parts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type EntryViewInput, entryView } from '../../src/site/archive/entry.ts';
import { factsOf } from '../../src/site/archive/entry-facts.ts';
import { issueRef } from '../../src/site/archive/issue-ref.ts';
import { SiteReuse } from '../../src/site/reuse.ts';
import { createMarkdown } from '../../src/site/text/markdown.ts';
import type { Entry } from '../../src/records/types.ts';
import { entry } from '../support/records.ts';
import { issue } from '../support/site.ts';

const SITE = 'https://example.org/repo/';

function viewOf(e: Entry, more: Partial<EntryViewInput> = {}) {
  const parent = issue(7, '2021-05-06', [e]);
  return entryView({
    ref: issueRef({ issue: parent, year: 2021, index: 0, siteUrl: SITE, numberPrefix: 'AN #' }),
    entry: e,
    source: parent.source,
    facts: factsOf(e, new SiteReuse()),
    siteUrl: SITE,
    markdown: createMarkdown(() => null),
    summaryPage: null,
    summarizerKeys: e.summarizers.map((s) => s.toLowerCase()),
    opinionKeys: e.opinions.map((o) => o.by.toLowerCase()),
    personLink: (key) => ({ label: key.toUpperCase(), href: `/summarizers/${key}/` }),
    categoryLink: (slug) => ({ label: `[${slug}]`, href: `/categories/${slug}/` }),
    authorLink: (slug) => ({ label: `<${slug}>`, href: `/authors/${slug}/` }),
    ...more,
  });
}

test('an entry without a summary page links to its own place on the issue page; with one, to the page', () => {
  const e = entry('Quiet Rivers');
  const alone = viewOf(e);
  assert.equal(alone.entryHref, '/issues/an-007/#quiet-rivers');
  assert.equal(alone.entryCanonical, 'https://example.org/repo/issues/an-007/#quiet-rivers');
  assert.equal(alone.summaryHref, null);
  assert.equal(alone.paperHref, alone.entryHref);
  const paged = viewOf(e, { summaryPage: 'quiet-rivers' });
  assert.equal(paged.summaryHref, '/papers/quiet-rivers/');
  assert.equal(paged.paperHref, '/papers/quiet-rivers/');
});

test('people, categories and authors are shown through the links it is given, in order, each opinion labelled by its author', () => {
  const view = viewOf(
    entry('Quiet Rivers', {
      authors: 'Ada Lovelace and Bo Chen',
      summarizers: ['ada'],
      opinions: [{ by: 'bo', text: 'Calm *water*.' }],
      category: ['Technical AI alignment', 'Interpretability'],
    }),
  );
  assert.deepEqual(view.summarizers, [{ label: 'ADA', href: '/summarizers/ada/' }]);
  assert.deepEqual(
    view.opinions.map((o) => [o.by, o.byHref, o.label, o.html]),
    [['BO', '/summarizers/bo/', 'BO’s opinion', '<p>Calm <em>water</em>.</p>']],
  );
  assert.deepEqual(
    view.categories.map((c) => c.href),
    ['/categories/technical-ai-alignment/', '/categories/interpretability/'],
  );
  assert.equal(view.categoryLabel, '[technical-ai-alignment] › [interpretability]');
  assert.deepEqual(view.paper.authors, [
    { label: '<ada-lovelace>', href: '/authors/ada-lovelace/' },
    { label: '<bo-chen>', href: '/authors/bo-chen/' },
  ]);
  assert.equal(view.paper.authorsLabel, '<ada-lovelace>, <bo-chen>');
  assert.equal(view.authors, 'Ada Lovelace and Bo Chen');
});

test('the summary is rendered and sanitized; a title link that is no web address is dropped, and a title alone is no summary', () => {
  const view = viewOf(entry('Sharp Stones', { url: 'javascript:alert(1)', summary: 'Stones <script>alert(1)</script> are **sharp**.' }));
  assert.equal(view.titleUrl, null);
  assert.equal(view.paper.href, null);
  assert.ok(!view.summaryHtml.includes('<script'), view.summaryHtml);
  assert.ok(view.summaryHtml.includes('<strong>sharp</strong>'), view.summaryHtml);
  assert.equal(view.isSummary, true);
  assert.equal(viewOf(entry('Bare Title', { summary: '' })).isSummary, false);
});

test('a web address the title links to is the paper link; a relative one the parser left is not linked, whatever the source', () => {
  assert.equal(viewOf(entry('Far Links', { url: 'https://papers.example.org/far' })).titleUrl, 'https://papers.example.org/far');
  const near = entry('Near Links', { url: '/posts/near' });
  assert.equal(viewOf(near).titleUrl, null);
  assert.equal(viewOf(near, { source: 'https://forum.example.net/posts/issue-7' }).titleUrl, null);
});

test("it carries its issue's reference and year, and the entry's highlight flag and hat tips", () => {
  const view = viewOf(entry('Bright Ideas', { highlight: true, hatTips: ['Cy'] }));
  assert.equal(view.issue.numberLabel, 'AN #7');
  assert.equal(view.year, '2021');
  assert.equal(view.highlight, true);
  assert.deepEqual(view.hatTips, ['Cy']);
  assert.equal(view.anchor, 'bright-ideas');
});
