/** The people pages: one person, one key, one page (src/site/pages/summarizers.ts, src/site/text/names.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { nameAsShown } from '../../src/records/names.ts';
import { createPeople } from '../../src/merge/people.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

test('people come from summarizers and opinion authors, merged case-insensitively', () => {
  const site = collectSite(
    [
      issue(1, '2019-01-01', [
        entry('A', { summarizers: ['Rohin'], opinions: [{ by: 'rohin', text: 'I like it.' }] }),
        entry('B', { summarizers: ['Flo', 'Rohin'], opinions: [{ by: 'Zach', text: 'Hmm.' }] }),
      ]),
    ],
    options,
  );
  assert.deepEqual(
    site.summarizers.map((p) => [p.name, p.summarized.length, p.opined.length]),
    [
      ['Flo', 1, 0],
      ['Rohin', 2, 1],
      ['Zach', 0, 1],
    ],
  );
  assert.equal(site.summarizers.find((p) => p.name === 'Rohin')!.href, '/summarizers/rohin/');
});

test('spellings of one name (trailing punctuation, case, accents, a leading +) are one person with one page', () => {
  const names = ['Rohin', 'Rohin.', 'rohin', 'Róhin', '+Rohin', ' Rohin; ', 'ROHIN'];
  const site = collectSite(
    [
      issue(
        1,
        '2019-01-01',
        names.map((name, i) => entry(`Paper ${i}`, { summarizers: [name], opinions: [{ by: `${name}`, text: 'Fine.' }] })),
      ),
    ],
    options,
  );
  assert.deepEqual(
    site.summarizers.map((p) => [p.slug, p.name, p.summarized.length, p.opined.length]),
    [['rohin', 'Rohin', names.length, names.length]],
  );
  const view = site.issues[0]!.blocks.flatMap((b) => (b.kind === 'entry' ? [b.entry] : []));
  assert.deepEqual(
    new Set(view.flatMap((e) => [...e.summarizers.map((s) => s.href), ...e.opinions.map((o) => o.byHref)])),
    new Set(['/summarizers/rohin/']),
  );
  assert.equal(nameAsShown('+Rohin.'), 'Rohin');
  const people = createPeople([], []);
  assert.equal(people.resolve('Róhin').slug, people.resolve('rohin').slug);
});

test('one person, one page: people.yml aliases and a first name written alone join the full name; the canonical name is shown', () => {
  const archive = [
    issue(1, '2019-01-01', [
      entry('A', { summarizers: ['Asya'], opinions: [{ by: 'Asya', text: 'Yes.' }] }),
      entry('B', { summarizers: ['Asya Bergal'] }),
      entry('C', { summarizers: ['Dan H'] }),
      entry('D', { summarizers: ['Zach'], opinions: [{ by: 'Rohin', text: 'No.' }] }),
    ]),
  ];
  const people = createPeople(
    [{ name: 'Dan Hendrycks', aliases: ['Dan H'], line: 1 }],
    archive[0]!.entries.flatMap((e) => [...e.summarizers, ...e.opinions.map((o) => o.by)]),
  );
  const site = collectSite(archive, { ...options, people });
  assert.deepEqual(
    site.summarizers.map((p) => [p.slug, p.name, p.countsLabel]),
    [
      ['asya-bergal', 'Asya Bergal', '2 summaries · 1 opinion'],
      ['dan-hendrycks', 'Dan Hendrycks', '1 summary'],
      ['rohin', 'Rohin', '1 opinion'],
      // No full name starts with Zach: a person of their own, never guessed.
      ['zach', 'Zach', '1 summary'],
    ],
  );
  assert.deepEqual(site.searchFilters.summarizers, ['Asya Bergal', 'Dan Hendrycks', 'Zach']);
  assert.deepEqual(site.searchFilters.opinionAuthors, ['Asya Bergal', 'Rohin']);
});
