import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  newestFirst,
  rfc3339,
  subjectFeeds,
  type FeedDescriptor,
  type FeedSubject,
  type FeedSummary,
} from '../../src/site/engines/atom.ts';
import { atomProblems } from '../support/atom.ts';

const base = 'https://garden.example/';
const summary = (slug: string, date: string | null, issueNumber: number | null, subjects: string[]): FeedSummary => ({
  url: `${base}papers/${slug}/`,
  title: `On ${slug.replace(/-/g, ' ')} & more`,
  date,
  issueNumber,
  excerpt: `Notes on ${slug} <with markup>.`,
  subjects,
});

const summaries: FeedSummary[] = [
  summary('compost', '2021-03-01', 10, ['soil', 'ada']),
  summary('mulch', '2021-05-03', 12, ['soil']),
  summary('worms', '2021-05-03', 13, ['soil', 'ada']),
  summary('clay', null, null, ['soil']),
  summary('ph-tests', '2020-11-30', 2, ['soil', 'bo']),
  summary('bees', '2021-04-05', 11, ['ada']),
];

const subjects: FeedSubject[] = [
  { key: 'soil', label: 'Soil', kind: 'category', pageUrl: `${base}categories/soil/`, feedUrl: `${base}categories/soil/feed.xml` },
  { key: 'ada', label: 'Ada Quill', kind: 'person', pageUrl: `${base}people/ada-quill/`, feedUrl: `${base}people/ada-quill/feed.xml` },
  {
    key: 'nobody',
    label: 'Nobody Yet',
    kind: 'person',
    pageUrl: `${base}people/nobody-yet/`,
    feedUrl: `${base}people/nobody-yet/feed.xml`,
  },
];

const options = { siteTitle: 'Garden notes', limit: 3, fallbackDate: '2021-06-07' };

test("a feed lists its subject's newest summaries first, in issue order, at most limit of them", () => {
  const [soil] = subjectFeeds(summaries, subjects, options);
  assert.deepEqual(
    soil!.entries.map((e) => e.url),
    [`${base}papers/worms/`, `${base}papers/mulch/`, `${base}papers/compost/`],
  );
  assert.equal(soil!.total, 5);
  assert.equal(soil!.updated, '2021-05-03T00:00:00Z');
  assert.equal(soil!.entries[0]!.updated, '2021-05-03T00:00:00Z');
});

test("a feed has the subject's page as id and alternate, its own address as self, and a title naming the site", () => {
  const [soil, ada] = subjectFeeds(summaries, subjects, options);
  assert.equal(soil!.id, `${base}categories/soil/`);
  assert.equal(soil!.alternateUrl, `${base}categories/soil/`);
  assert.equal(soil!.selfUrl, `${base}categories/soil/feed.xml`);
  assert.equal(soil!.title, 'Soil — Garden notes');
  assert.equal(
    soil!.subtitle,
    'New summaries in Soil; 1 summary of an issue without a known date is not in this feed (a feed entry needs a date)',
  );
  assert.equal(ada!.subtitle, 'New summaries and opinions by Ada Quill');
  assert.deepEqual(
    ada!.entries.map((e) => e.url),
    [`${base}papers/worms/`, `${base}papers/bees/`, `${base}papers/compost/`],
  );
});

test('a summary whose issue has no known date is in no feed, never with another date; the feed counts it and says so', () => {
  const [soil] = subjectFeeds([...summaries, summary('straw', null, 14, ['soil'])], subjects, { ...options, limit: 10 });
  assert.deepEqual(
    soil!.entries.map((e) => e.url.slice(base.length)),
    ['papers/worms/', 'papers/mulch/', 'papers/compost/', 'papers/ph-tests/'],
  );
  const dateOf = new Map(summaries.map((s) => [s.url, s.date]));
  for (const e of soil!.entries) assert.equal(e.updated, `${dateOf.get(e.url)}T00:00:00Z`, 'each entry carries its own issue date');
  assert.equal(soil!.updated, '2021-05-03T00:00:00Z', 'the latest date among the entries');
  assert.deepEqual([soil!.total, soil!.undated], [6, 2]);
  assert.match(soil!.subtitle, /2 summaries of issues without a known date are not in this feed/);
});

test('a feed whose summaries are all undated has no entry and is dated by the fallback', () => {
  const [soil] = subjectFeeds([summary('straw', null, 14, ['soil'])], subjects, options);
  assert.deepEqual(soil!.entries, []);
  assert.equal(soil!.updated, '2021-06-07T00:00:00Z');
});

test('a subject with no summaries gets an empty feed dated by the fallback', () => {
  const feeds = subjectFeeds(summaries, subjects, { ...options, limit: 10 });
  const nobody = feeds[2]!;
  assert.deepEqual(nobody.entries, []);
  assert.equal(nobody.updated, '2021-06-07T00:00:00Z');
  assert.equal(nobody.total, 0);
});

test('the same summary given twice is one entry, and the input order does not matter', () => {
  const twice = [...summaries, { ...summaries[1]! }];
  assert.deepEqual(subjectFeeds(twice, subjects, options), subjectFeeds(summaries, subjects, options));
  assert.deepEqual(subjectFeeds([...summaries].reverse(), subjects, options), subjectFeeds(summaries, subjects, options));
  assert.equal([...summaries].sort(newestFirst)[0]!.url, `${base}papers/worms/`);
});

test('a date that is not YYYY-MM-DD is refused, naming it', () => {
  assert.equal(rfc3339('2020-02-29'), '2020-02-29T00:00:00Z');
  assert.throws(() => rfc3339('29 Feb 2020'), /"29 Feb 2020" is not a YYYY-MM-DD date/);
  assert.throws(() => subjectFeeds([], subjects, { ...options, fallbackDate: '' }), /"" is not a YYYY-MM-DD date/);
});

/** The descriptor printed the way a feed template prints it, escaping every value. */
function atom(feed: FeedDescriptor): string {
  const x = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const entries = feed.entries.map(
    (e) =>
      `<entry><title>${x(e.title)}</title><link href="${x(e.url)}" rel="alternate" type="text/html"/><id>${x(e.id)}</id><updated>${e.updated}</updated><summary>${x(e.excerpt)}</summary></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${x(feed.title)}</title><subtitle>${x(feed.subtitle)}</subtitle><link href="${x(feed.selfUrl)}" rel="self" type="application/atom+xml"/><link href="${x(feed.alternateUrl)}" rel="alternate" type="text/html"/><updated>${feed.updated}</updated><id>${x(feed.id)}</id><author><name>Garden notes</name></author>${entries.join('')}</feed>`;
}

test('every descriptor, printed as Atom, validates', () => {
  for (const feed of subjectFeeds(summaries, subjects, { ...options, limit: 10 })) assert.deepEqual(atomProblems(atom(feed)), [], feed.key);
});
