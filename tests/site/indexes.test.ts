/** The pages that are no family's (src/site/pages/indexes.ts): their addresses, the issue list by year, the search filters, the feed's date. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { indexWording, issueYears, newestDate, settingsView, staticPages } from '../../src/site/pages/indexes.ts';
import type { IssueRef } from '../../src/site/archive/issue-ref.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

/** An issue reference with only what the year grouping reads. */
const ref = (
  id: string,
  year: string | null,
  bounds: { notBefore: number | null; notAfter: number | null } = { notBefore: null, notAfter: null },
) => ({ id, year, yearBounds: bounds }) as IssueRef;

test('issues are grouped by year, in the order given; a run of issues of unknown year is headed by what is known of it', () => {
  const years = issueYears([
    ref('d', '2021'),
    ref('c', null, { notBefore: 2019, notAfter: 2020 }),
    ref('b', '2019'),
    ref('a', '2019'),
    ref('z', null, { notBefore: 2018, notAfter: null }),
  ]);
  assert.deepEqual(
    years.map((y) => [y.label, y.issues.map((i) => i.id)]),
    [
      ['2021', ['d']],
      ['2019–2020, year unknown', ['c']],
      ['2019', ['b', 'a']],
      ['2018 or later, year unknown', ['z']],
    ],
  );
});

test('when no issue has a known year, the list is one group without a heading; no issues, no groups', () => {
  assert.deepEqual(
    issueYears([ref('a', null), ref('b', null)]).map((y) => [y.label, y.issues.length]),
    [['', 2]],
  );
  assert.deepEqual(issueYears([]), []);
});

test('the feed is dated by the newest issue date, or the epoch when no issue has one', () => {
  assert.equal(newestDate([{ date: '2019-01-07' }, { date: null }, { date: '2020-05-04' }]), '2020-05-04');
  assert.equal(newestDate([{ date: null }]), '1970-01-01');
});

test('the home, index, search and 404 pages have their addresses under the site address, and the home page is titled as the site', () => {
  const pages = staticPages(options.settings, { issues: 3, summaries: 12 });
  assert.equal(pages.home.href, '/');
  assert.equal(pages.home.canonical, 'https://example.org/repo/');
  assert.equal(pages.search.href, '/search/');
  assert.equal(pages.notFound.permalink, '/404.html');
  assert.match(pages.home.pageTitle, /Archive/);
  for (const page of Object.values(pages)) assert.notEqual(page.pageTitle, '');
});

test('the search filters offer the years, categories and people the summaries have, and count the summaries of unknown year', () => {
  const site = collectSite(
    [
      issue(1, '2019-01-07', [entry('Dated One', { category: ['Technical AI alignment', 'Interpretability'], summarizers: ['Ann Lee'] })]),
      issue(2, null, [entry('Undated One', { opinions: [{ by: 'Bo Chan', text: 'Hm.' }] })]),
    ],
    options,
  );
  const filters = site.searchFilters;
  assert.deepEqual(filters.years, ['2019']);
  assert.equal(filters.withoutYear, 1);
  assert.match(filters.withoutYearNote, /^1 summary is from an issue whose year is not known\.$/);
  assert.deepEqual(filters.summarizers, ['Ann Lee']);
  assert.deepEqual(filters.opinionAuthors, ['Bo Chan']);
  assert.deepEqual(
    filters.categories.map((c) => [c.label, c.sub]),
    [
      ['Technical AI alignment', false],
      ['Interpretability', true],
    ],
  );
});

test('the index pages word the archive from its counts: the footer phrase, the issue order, the home figures, the empty notice', () => {
  const links = settingsView(options.settings);
  const counts = { issues: 1, summaries: 1_200, categories: 3, summarizers: 1, authors: 0, dated: true };
  const wording = indexWording(links, counts);
  assert.equal(wording.archiveLabel, '1 issue, 1,200 summaries');
  assert.deepEqual(wording.order, { heading: 'Archive by year', lede: '1 issue, 1,200 summaries, newest first.' });
  assert.deepEqual(wording.stats[1], { href: links.searchHref, count: '1,200', noun: 'summaries' });
  assert.deepEqual(wording.stats[4], { href: links.authorsHref, count: '0', noun: 'authors' });
  assert.equal(wording.emptyNotice, null);
  const undated = indexWording(links, { ...counts, summaries: 0, dated: false });
  assert.equal(undated.order.heading, 'Every issue, by number');
  assert.match(undated.order.lede, /by number: the issues carry no dates\.$/);
  assert.match(undated.emptyNotice ?? '', /has issues but no summaries yet/);
  assert.match(indexWording(links, { ...counts, issues: 0, summaries: 0 }).emptyNotice ?? '', /is empty: it has no issues yet/);
});
