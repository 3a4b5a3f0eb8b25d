/**
 * Stable identity: every URL and anchor of an issue is a function of that issue alone. Adding
 * or removing another issue (one citing it, one sharing a paper title with it, one in another
 * layout) leaves the existing issue's page address, entry anchors, summary-page links,
 * category and summarizer links, section ids and export URLs exactly as they were.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArchive } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';
import { collectSite, type SiteData } from '../../src/site.ts';
import { issueLinker } from '../../src/site/routes.ts';
import { generateCorpus, renderFile, seeded, specFromRandom, entriesOf } from '../../tools/generate/index.ts';
import type { RawFile } from '../../src/records/types.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const vocabulary = parseCategories(readFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), 'utf8'));
const settings = {
  title: 'Archive',
  description: 'All of it.',
  url: 'https://example.org/archive/',
  language: 'en',
  pathPrefix: '/archive/',
};

/** Every address the site gives an issue and its entries, in a comparable form. */
function addressesOf(data: SiteData, file: string): unknown {
  const issue = data.issues.find((i) => i.id === idOfFile(data, file));
  assert.ok(issue, `no issue for ${file}`);
  return {
    id: issue.id,
    href: issue.href,
    permalink: issue.permalink,
    canonical: issue.canonical,
    blocks: issue.blocks.map((b) =>
      b.kind === 'heading'
        ? { heading: b.id, href: b.href }
        : {
            anchor: b.entry.anchor,
            entryHref: b.entry.entryHref,
            entryCanonical: b.entry.entryCanonical,
            paperHref: b.entry.paperHref,
            categories: b.entry.categories.map((c) => c.href),
            summarizers: b.entry.summarizers.map((s) => s.href),
            opinions: b.entry.opinions.map((o) => o.byHref),
          },
    ),
    records: data.records.filter((r) => r.issue_id === issue.id).map((r) => [r.entry_id, r.url, r.summary_page]),
  };
}

const fileToId = new WeakMap<SiteData, Map<string, string>>();
function idOfFile(data: SiteData, file: string): string | undefined {
  return fileToId.get(data)?.get(file);
}
function siteWithIds(files: RawFile[]): SiteData {
  const { issues } = parseArchive(files, { vocabulary, dialect: AN_DIALECT });
  const data = collectSite(issues, { settings, vocabulary: vocabulary.all });
  fileToId.set(data, new Map(issues.map((i) => [i.file, i.id])));
  return data;
}

const corpus = generateCorpus({ issues: 6, seed: 'stable-ids', vocabulary });
const base: RawFile[] = corpus.map((f) => ({ file: f.name, text: f.text }));

/** Another issue that cites every base issue and repeats the title of one of their entries. */
function intruder(number: number, file: string): RawFile {
  const spec = specFromRandom(seeded(number), { number, entries: 4 });
  const first = entriesOf(corpus[0]!.spec)[0]!;
  const entries = entriesOf(spec);
  entries[0]!.title = first.title;
  entries[1]!.summary = [`This cites ${corpus.map((f) => `(AN #${f.spec.number})`).join(' and ')}.`];
  return { file, text: renderFile(spec, 'line-title', true) };
}

test('slugs are deterministic: parsing the same archive twice gives the same ids and addresses', () => {
  const a = siteWithIds(base);
  const b = siteWithIds([...base].reverse());
  for (const f of corpus) assert.deepEqual(addressesOf(b, f.name), addressesOf(a, f.name), f.name);
});

test('adding an issue that cites the others and repeats a title changes none of their URLs or anchors', () => {
  const before = siteWithIds(base);
  for (const extra of [intruder(500, 'an-0500.txt'), intruder(0, 'aaa-first.txt'), intruder(3, 'zz-last.md')]) {
    const afterAdding = siteWithIds([...base, extra]);
    for (const f of corpus)
      assert.deepEqual(addressesOf(afterAdding, f.name), addressesOf(before, f.name), `${f.name} after adding ${extra.file}`);
  }
});

test("removing an issue changes none of the other issues' URLs or anchors", () => {
  const all = siteWithIds(base);
  for (let i = 0; i < base.length; i++) {
    const without = siteWithIds(base.filter((_, k) => k !== i));
    for (const f of corpus.filter((_, k) => k !== i))
      assert.deepEqual(addressesOf(without, f.name), addressesOf(all, f.name), `${f.name} without ${base[i]!.file}`);
  }
});

test('an issue keeps its id when another file claiming the same number is added, wherever that file sorts', () => {
  const target = corpus[0]!;
  const before = siteWithIds(base);
  // `an-0001-copy-again.txt`, `an-0001-again.txt` and `0-first.txt` sort before `an-0001.txt`; `zz-copy.txt` after it.
  const extras = ['-copy', ''].map((suffix) => target.name.replace(/\.(txt|md)$/, `${suffix}-again.$1`));
  for (const file of [...extras, '0-first.txt', 'zz-copy.txt']) {
    const extra = { file, text: target.text };
    const after = siteWithIds([...base, extra]);
    assert.deepEqual(addressesOf(after, target.name), addressesOf(before, target.name), `after adding ${extra.file}`);
  }
});

test('two entries with the same title in one issue get distinct anchors, in reading order', () => {
  const text = [
    'HIGHLIGHTS',
    '',
    'Same Title (Ann Lee) (summarized by Rohin): First summary.',
    '',
    'NEWS',
    '',
    'Same Title (Bob Roe) (summarized by Flo): Second summary.',
    '',
    'Same title! (Cy Doe) (summarized by Zach): Third summary, same slug.',
    '',
  ].join('\n');
  const data = siteWithIds([{ file: 'an-077.txt', text }]);
  const anchors = data.records.map((r) => r.entry_id);
  assert.deepEqual(anchors, ['same-title', 'same-title-2', 'same-title-3']);
  const issue = data.issues[0]!;
  const ids = issue.blocks.map((b) => (b.kind === 'heading' ? b.id : b.entry.anchor));
  assert.equal(new Set(ids).size, ids.length, `ids on the page are unique: ${ids.join(', ')}`);
  // The same text parsed again gives the same anchors.
  assert.deepEqual(
    siteWithIds([{ file: 'an-077.txt', text }]).records.map((r) => r.entry_id),
    anchors,
  );
});

test('a heading whose slug equals an entry anchor gets its own id on the page', () => {
  const text = ['NEWS', '', 'News (Ann Lee) (summarized by Rohin): An entry titled like its section.', ''].join('\n');
  const issue = siteWithIds([{ file: 'an-078.txt', text }]).issues[0]!;
  const ids = issue.blocks.map((b) => (b.kind === 'heading' ? b.id : b.entry.anchor));
  assert.equal(new Set(ids).size, ids.length, ids.join(', '));
});

const numbered = (n: number, title: string, date = '2020-05-06'): string =>
  `---\nnumber: ${n}\ndate: ${date}\n---\nHIGHLIGHTS\n\n${title} (Jane Doe) (summarized by Rohin): A summary.\n`;

test('the file named an-098.txt keeps an-098 when AN98.md (or any other file) also claims 98, and (AN #98) points at it', () => {
  const canonical = { file: 'an-098.txt', text: numbered(98, 'The Original', '2020-05-06') };
  const alone = parseArchive([canonical], { vocabulary, dialect: AN_DIALECT }).issues[0]!;
  assert.equal(alone.id, 'an-098');
  for (const extra of ['AN98.md', 'an-98-copy.txt', 'a/b.txt', '0.txt']) {
    const { issues } = parseArchive([canonical, { file: extra, text: numbered(98, 'A Copy', '2020-06-01') }], {
      vocabulary,
      dialect: AN_DIALECT,
    });
    const original = issues.find((i) => i.file === 'an-098.txt')!;
    assert.equal(original.id, 'an-098', `after adding ${extra}`);
    assert.equal(issueLinker(issues)(98), '/issues/an-098/', `(AN #98) after adding ${extra}`);
    const citing = collectSite(
      [
        ...issues,
        ...parseArchive([{ file: 'an-099.txt', text: numbered(99, 'Cites It').replace('A summary.', 'It builds on (AN #98).') }], {
          vocabulary,
          dialect: AN_DIALECT,
        }).issues,
      ],
      { settings, vocabulary: vocabulary.all },
    );
    assert.deepEqual(
      citing.issues.find((i) => i.id === 'an-098')!.referencedBy.map((r) => r.id),
      ['an-099'],
      `cited-by after adding ${extra}`,
    );
  }
  // A name that carries the number outranks a file whose text alone claims it, whatever the path order.
  const { issues } = parseArchive(
    [
      { file: '0-notes.txt', text: numbered(98, 'Notes') },
      { file: 'AN98.md', text: numbered(98, 'Named') },
    ],
    { vocabulary, dialect: AN_DIALECT },
  );
  assert.deepEqual(
    issues.map((i) => [i.file, i.id]),
    [
      ['0-notes.txt', '0-notes'],
      ['AN98.md', 'an-098'],
    ],
  );
});

test('issues whose file names have no Latin letters get ids from their number or a hash of their name, whatever else is there', () => {
  const plain = 'A Paper (Jane Doe) (summarized by Rohin): A summary.\n';
  const ids = (files: RawFile[]): Map<string, string> =>
    new Map(parseArchive(files, { vocabulary, dialect: AN_DIALECT }).issues.map((i) => [i.file, i.id]));
  const first = ids([
    { file: '第一期.txt', text: plain },
    { file: 'выпуск.txt', text: plain },
  ]);
  const more = ids([
    { file: '第一期.txt', text: plain },
    { file: '第二期.txt', text: plain },
    { file: 'выпуск.txt', text: plain },
    { file: '九.md', text: numbered(9, 'Nine') },
  ]);
  assert.equal(more.get('第一期.txt'), first.get('第一期.txt'));
  assert.equal(more.get('выпуск.txt'), first.get('выпуск.txt'));
  assert.equal(more.get('九.md'), 'an-009');
  assert.equal(new Set(more.values()).size, 4);
  for (const id of more.values()) assert.match(id, /^(issue-[a-z0-9]{6}|an-\d{3})$/);
});
