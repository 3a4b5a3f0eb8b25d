/** How people, categories and authors are keyed and spelled (src/site/archive/site-names.ts), from hand-made issues. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPeople } from '../../src/merge/people.ts';
import { authorAliasesOf, namesOf } from '../../src/site/archive/site-names.ts';
import { SiteReuse } from '../../src/site/reuse.ts';
import type { Entry, Issue } from '../../src/records/types.ts';
import { entry } from '../support/records.ts';
import { issue } from '../support/site.ts';

const SITE = 'https://example.org/repo/';

function names(issues: Issue[], people = createPeople([], spelled(issues)), highlightsLabel = 'Highlights') {
  return namesOf(issues, { reuse: new SiteReuse(), siteUrl: SITE, people, highlightsLabel });
}

/** Every summarizer and opinion author as written, as the site hands them to createPeople. */
function spelled(issues: Issue[]): string[] {
  return issues.flatMap((i) => i.entries.flatMap((e: Entry) => [...e.summarizers, ...e.opinions.map((o) => o.by)]));
}

test('a short form of a name is the same person as the full name, and the page shows the full name', () => {
  const n = names([
    issue(1, '2020-01-01', [
      entry('One', { summarizers: ['Ada'] }),
      entry('Two', { summarizers: ['Ada Lovelace'], opinions: [{ by: 'Ada', text: 'Yes.' }] }),
    ]),
  ]);
  assert.equal(n.personKeyOf('Ada'), n.personKeyOf('Ada Lovelace'));
  assert.deepEqual(n.personLink(n.personKeyOf('Ada')), { label: 'Ada Lovelace', href: '/summarizers/ada-lovelace/' });
});

test('a person is shown with their most frequent spelling of the full name', () => {
  const n = names([
    issue(1, '2020-01-01', [
      entry('One', { summarizers: ['ada lovelace'] }),
      entry('Two', { summarizers: ['Ada Lovelace'] }),
      entry('Three', { summarizers: ['Ada Lovelace'] }),
    ]),
  ]);
  assert.equal(n.personLink(n.personKeyOf('ada lovelace')).label, 'Ada Lovelace');
});

test('people.yml names a person as it gives the name, and their aliases lead to the same page', () => {
  const people = createPeople([{ name: 'Grace Hopper', aliases: ['Amazing Grace'], line: 1 }], ['Amazing Grace']);
  const n = names([issue(1, '2020-01-01', [entry('One', { summarizers: ['Amazing Grace'] })])], people);
  assert.deepEqual(n.personLink(n.personKeyOf('Amazing Grace')), { label: 'Grace Hopper', href: '/summarizers/grace-hopper/' });
});

test('an author alias of people.yml leads to the canonical author page, with its surname to sort by', () => {
  const people = createPeople([{ name: 'Alexander Turner', aliases: ['Alex Turner'], line: 1 }], []);
  assert.deepEqual(
    [...authorAliasesOf(people.all)],
    [['alex-turner', { slug: 'alexander-turner', name: 'Alexander Turner', surname: 'Turner' }]],
  );
  const n = names([issue(1, '2020-01-01', [entry('Paper', { authors: 'Alex Turner and Bo Chen' })])], people);
  assert.equal(n.authorSlugOf('alex-turner'), 'alexander-turner');
  assert.equal(n.authorSlugOf('bo-chen'), 'bo-chen');
  assert.deepEqual(n.authorLink('alex-turner'), { label: 'Alexander Turner', href: '/authors/alexander-turner/' });
  assert.equal(n.authorSurname('alexander-turner'), 'Turner');
  assert.equal(n.authorSurname('bo-chen'), 'Chen');
});

test('a name people.yml does not declare has no author alias: the first-name rules are about summarizers only', () => {
  const people = createPeople([], ['Ada', 'Ada Lovelace']);
  assert.equal(authorAliasesOf(people.all).size, 0);
});

test('categories link by label or by slug, and the highlights page is a category only once a highlight exists', () => {
  const plain = [issue(1, '2020-01-01', [entry('One', { category: ['Technical AI alignment', 'Interpretability'] })])];
  const n = names(plain);
  assert.deepEqual(n.categoryLink('Interpretability'), { label: 'Interpretability', href: '/categories/interpretability/' });
  assert.deepEqual(n.categoryLinkBySlug('technical-ai-alignment'), n.categoryLink('Technical AI alignment'));
  assert.equal(n.highlightsSlug, 'highlights');
  // No highlight: the section was never spelled, so only its slug is known.
  assert.equal(n.category.best('highlights'), 'highlights');

  const withHighlight = names(
    [issue(1, '2020-01-01', [entry('Bright', { category: ['Featured'], highlight: true })])],
    undefined,
    'Featured',
  );
  assert.equal(withHighlight.highlightsSlug, 'featured');
  assert.deepEqual(withHighlight.categoryLinkBySlug('featured'), { label: 'Featured', href: '/categories/featured/' });
});
