/** The Cite blocks and .bib files of a collected site (src/site/pages/bib.ts): keys unique in every file, and stable. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from '@retorquere/bibtex-parser';
import { collectSite } from '../../src/site.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

const keysOf = (text: string): string[] => {
  const library = parse(text, { sentenceCase: false, english: false });
  assert.deepEqual(library.errors, []);
  return library.entries.map((e) => e.key);
};

// Two papers by one author, one year, one first word; one paper summarized twice with different links.
const base = [
  issue(1, '2019-01-07', [
    entry('Robust program equilibrium', { authors: 'Cass Oster', url: 'https://one.example/robust' }),
    entry('Robust agents in the wild', { authors: 'Cass Oster' }),
  ]),
  issue(2, '2019-02-04', [
    entry('Robust program equilibrium', { authors: 'Cass Oster', url: 'https://two.example/robust' }),
    entry('Robust program equilibrium', {
      id: 'robust-program-equilibrium-2',
      authors: 'Cass Oster',
      summary: 'Said again, in the same issue.',
    }),
  ]),
];

test('every .bib file has each key once: one paper entry per summary page, one entry per summary', () => {
  const site = collectSite(base, options);
  for (const file of site.bibFiles) {
    const keys = keysOf(file.text);
    assert.equal(new Set(keys).size, keys.length, `${file.path}: ${keys.join(', ')}`);
  }
  const archive = site.bibFiles[0]!;
  // Two papers (pages) and four summaries.
  assert.equal(keysOf(archive.text).length, 6);
});

test("the key a summary page's Cite block shows is the key its paper has in every .bib file", () => {
  const site = collectSite(base, options);
  const page = site.papers.find((p) => p.title === 'Robust program equilibrium')!;
  const key = /^@\w+\{([^,]+),/.exec(page.cite!.paper!)![1]!;
  for (const file of site.bibFiles) if (file.text.includes('Robust program')) assert.ok(file.text.includes(`{${key},`), file.path);
});

test('adding an issue, even one with a paper sharing a readable key, changes no existing key', () => {
  const before = new Set(keysOf(collectSite(base, options).bibFiles[0]!.text));
  const more = [
    ...base,
    issue(3, '2019-03-04', [entry('Robust reward learning', { authors: 'Cass Oster', url: 'https://three.example/r' })]),
  ];
  const after = new Set(keysOf(collectSite(more, options).bibFiles[0]!.text));
  for (const key of before) assert.ok(after.has(key), `${key} kept`);
  assert.equal(after.size, before.size + 2);
});
