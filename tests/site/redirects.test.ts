/** Old addresses of people pages, each sending the reader to the page now there (src/site/pages/redirects.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPeople, parsePeople } from '../../src/merge/people.ts';
import { collectSite } from '../../src/site.ts';
import { peopleNamed } from '../../src/site/text/names.ts';
import { checkUniquePages, plannedPaths, sourcesOf } from '../../src/site/page-sources.ts';
import { personRedirects } from '../../src/site/pages/redirects.ts';
import { addressOf, routes } from '../../src/site/routes.ts';
import type { Issue } from '../../src/records/types.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

/** The site of `issues`, with people.yml's `yml` (none: the first-name rule alone). */
function siteOf(issues: Issue[], yml = '') {
  const people = createPeople(parsePeople(yml, 'people.yml').people, peopleNamed(issues));
  return collectSite(issues, { ...options, people });
}

/** `[old path, new href, shown name]` of each redirect. */
const pairs = (site: ReturnType<typeof siteOf>): string[][] => site.redirects.map((r) => [r.path, r.to.href, r.to.label]);

test('an alias in people.yml leaves a redirect at its own address, to the page of the person it names', () => {
  const issues = [issue(1, '2019-01-01', [entry('A', { summarizers: ['Ada'] }), entry('B', { summarizers: ['A. Lovelace'] })])];
  const site = siteOf(issues, '- name: Ada Lovelace\n  aliases: [Ada, A. Lovelace]\n');
  assert.deepEqual(
    site.summarizers.map((p) => p.path),
    ['summarizers/ada-lovelace/'],
  );
  assert.deepEqual(pairs(site), [
    ['summarizers/a-lovelace/', '/summarizers/ada-lovelace/', 'Ada Lovelace'],
    ['summarizers/ada/', '/summarizers/ada-lovelace/', 'Ada Lovelace'],
  ]);
  const [redirect] = site.redirects;
  assert.equal(redirect!.permalink, '/summarizers/a-lovelace/');
  assert.equal(redirect!.canonical, 'https://example.org/repo/summarizers/a-lovelace/');
  assert.equal(redirect!.to.canonical, 'https://example.org/repo/summarizers/ada-lovelace/');
});

test('an alias the issues never write still keeps its address: a link to it may have been shared', () => {
  const issues = [issue(1, '2019-01-01', [entry('A', { summarizers: ['Ada Lovelace'] })])];
  assert.deepEqual(pairs(siteOf(issues, '- name: Ada Lovelace\n  aliases: [Ada]\n')), [
    ['summarizers/ada/', '/summarizers/ada-lovelace/', 'Ada Lovelace'],
  ]);
});

test('a first name joined to the one full name by the first-name rule redirects to the full name', () => {
  const issues = [
    issue(1, '2019-01-01', [entry('A', { summarizers: ['Ada'] })]),
    issue(2, '2019-01-08', [entry('B', { summarizers: ['Ada Lovelace'], opinions: [{ by: 'Alan Turing', text: 'Fine.' }] })]),
  ];
  assert.deepEqual(pairs(siteOf(issues)), [['summarizers/ada/', '/summarizers/ada-lovelace/', 'Ada Lovelace']]);
});

test('spellings whose slug is the page slug (case, accents, punctuation) need no redirect', () => {
  const names = ['Ada', 'ada.', 'Áda', '+Ada'];
  const issues = [
    issue(
      1,
      '2019-01-01',
      names.map((name, i) => entry(`Paper ${i}`, { summarizers: [name] })),
    ),
  ];
  const site = siteOf(issues, '- name: Ada\n  aliases: [ADA]\n');
  assert.deepEqual(
    site.summarizers.map((p) => p.path),
    ['summarizers/ada/'],
  );
  assert.deepEqual(site.redirects, []);
});

test('a person people.yml declares who has no page gets no redirect: it would lead nowhere', () => {
  const issues = [issue(1, '2019-01-01', [entry('A', { summarizers: ['Alan Turing'] })])];
  assert.deepEqual(siteOf(issues, '- name: Ada Lovelace\n  aliases: [Ada]\n').redirects, []);
});

test('a redirect is never written over a page: a real page, a taken path and a spelling two pages share win', () => {
  const siteUrl = 'https://example.org/';
  const page = (slug: string, name: string) => ({ ...addressOf(routes.person(slug), siteUrl), slug, name });
  const pages = [
    page('ada-lovelace', 'Ada Lovelace'),
    page('ada', 'Ada'),
    page('grace-hopper', 'Grace Hopper'),
    page('grace-murray', 'Grace Murray'),
  ];
  const people = [
    // `Ada` is a page of its own: Ada Lovelace's alias does not take it over.
    { slug: 'ada-lovelace', names: ['Ada Lovelace', 'Ada', 'Countess of Lovelace', 'A. Lovelace'] },
    // `Grace` names two people with pages: which one a shared link meant is unknown.
    { slug: 'grace-hopper', names: ['Grace Hopper', 'Grace'] },
    { slug: 'grace-murray', names: ['Grace Murray', 'Grace'] },
  ];
  const taken = new Set(['summarizers/a-lovelace/']);
  assert.deepEqual(
    personRedirects({ people, pages, taken, siteUrl }).map((r) => [r.path, r.to.href]),
    [['summarizers/countess-of-lovelace/', '/summarizers/ada-lovelace/']],
  );
});

test('the redirects come in path order whatever the order of people and their spellings', () => {
  const siteUrl = 'https://example.org/';
  const page = (slug: string, name: string) => ({ ...addressOf(routes.person(slug), siteUrl), slug, name });
  const pages = [page('ada-lovelace', 'Ada Lovelace'), page('alan-turing', 'Alan Turing')];
  const people = [
    { slug: 'alan-turing', names: ['Alan Turing', 'Turing', 'A. M. Turing'] },
    { slug: 'ada-lovelace', names: ['Ada Lovelace', 'Lovelace', 'Ada'] },
  ];
  const forward = personRedirects({ people, pages, taken: new Set(), siteUrl });
  const backward = personRedirects({
    people: people.map((p) => ({ ...p, names: [...p.names].reverse() })).reverse(),
    pages: [...pages].reverse(),
    taken: new Set(),
    siteUrl,
  });
  assert.deepEqual(backward, forward);
  assert.deepEqual(
    forward.map((r) => r.path),
    ['summarizers/a-m-turing/', 'summarizers/ada/', 'summarizers/lovelace/', 'summarizers/turing/'],
  );
});

test('redirects are planned pages at addresses of their own, and a page problem there names the person', () => {
  const issues = [issue(1, '2019-01-01', [entry('A', { summarizers: ['Ada'] }), entry('B', { summarizers: ['Ada Lovelace'] })])];
  const site = siteOf(issues);
  const paths = plannedPaths(site);
  assert.ok(paths.includes('summarizers/ada/'));
  assert.equal(new Set(paths).size, paths.length);
  assert.doesNotThrow(() => checkUniquePages(site, issues));
  assert.deepEqual(sourcesOf('summarizers/ada/', site, issues), [
    'an old address of Ada Lovelace (a spelling in people.yml or the issues)',
  ]);
});
