/** Pins the public parser API (src/parse.ts) and the record contract (docs/ARCHITECTURE.md, The records). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as api from '../../src/parse.ts';
import { readNewsletters } from '../../src/io/read.ts';
import { newParseCache } from '../../src/parse/parse-cache.ts';
import { parse, vocabulary } from '../support/parse-helpers.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const ISSUE_KEYS = [
  'commentsDropped',
  'date',
  'entries',
  'excerpt',
  'file',
  'id',
  'intro',
  'number',
  'permalink',
  'references',
  'source',
  'title',
  'warnings',
];
const ENTRY_KEYS = [
  'authors',
  'category',
  'hatTips',
  'highlight',
  'id',
  'line',
  'opinions',
  'outlet',
  'prerequisites',
  'readMore',
  'references',
  'related',
  'summarizers',
  'summary',
  'title',
  'url',
];

test('src/parse.ts exports exactly parseNewsletter, parseArchive and the rules an options object is read by', () => {
  assert.deepEqual(Object.keys(api).sort(), ['parseArchive', 'parseNewsletter', 'rulesFor']);
});

test('issues and entries carry exactly the contract fields (plus the entry url)', () => {
  const issue = parse('NEWS\n\nA Post (Ann Lee) (summarized by Rohin): Text (AN #3).\n\nMy opinion: Fine.', 'an-005.txt');
  assert.deepEqual(Object.keys(issue).sort(), ISSUE_KEYS);
  assert.deepEqual(Object.keys(issue.entries[0]!).sort(), ENTRY_KEYS);
  assert.deepEqual(issue.entries[0]!.opinions, [{ by: 'Rohin', text: 'Fine.' }]);
});

test('the editor who writes "My opinion" can be set', () => {
  const issue = api.parseNewsletter(
    { file: 'x.txt', text: 'A (Ann Lee) (summarized by Cy): t.\n\nMy opinion: mine.' },
    { vocabulary: vocabulary(), dialect: AN_DIALECT, editor: 'Cy' },
  );
  assert.equal(issue.entries[0]!.opinions[0]!.by, 'Cy');
});

test('every entry of the default archive keeps the line of its header', () => {
  const { files } = readNewsletters([path.join(SAMPLE_ARCHIVE, 'newsletters')]);
  const { issues } = api.parseArchive(files, { vocabulary: vocabulary(), dialect: AN_DIALECT });
  assert.equal(issues.length, files.length);
  for (const issue of issues) {
    const lines = readFileSync(path.join(SAMPLE_ARCHIVE, 'newsletters', issue.file), 'utf8').split('\n');
    assert.ok(issue.entries.length > 0, issue.file);
    for (const entry of issue.entries) {
      const firstWords = entry.title.split(' ').slice(0, 3).join(' ');
      assert.ok(lines[entry.line - 1]!.includes(firstWords), `${issue.file}:${entry.line} holds "${firstWords}"`);
    }
    assert.equal(new Set(issue.entries.map((e) => e.id)).size, issue.entries.length, `${issue.file}: unique anchors`);
  }
});

test('parseArchive keeps both files that claim one number, with distinct ids and a warning', () => {
  const { issues, warnings } = api.parseArchive(
    [
      { file: 'b.txt', text: '---\nnumber: 4\n---\nB (Bo Li) (summarized by R): x.' },
      { file: 'a.txt', text: '---\nnumber: 4\n---\nA (Al Ng) (summarized by R): y.' },
    ],
    { vocabulary: vocabulary(), dialect: AN_DIALECT },
  );
  assert.deepEqual(
    issues.map((i) => [i.file, i.id]),
    [
      ['a.txt', 'an-004'],
      ['b.txt', 'b'],
    ],
  );
  assert.match(warnings[0]!.message, /also claimed by a.txt/);
});

test('parseArchive called again with the same options gives equal records that no caller can change', () => {
  const options = { vocabulary: vocabulary(), dialect: AN_DIALECT };
  const cache = newParseCache();
  const files = [{ file: 'a.txt', text: 'NEWS\n\nA Post (Ann Lee) (summarized by Rohin): Text.' }];
  const first = api.parseArchive(files, options, cache).issues;
  // Entries are shared between calls and frozen; the issue and its warnings list are each call's own.
  assert.throws(() => {
    first[0]!.entries[0]!.title = 'changed by a caller';
  }, TypeError);
  assert.throws(() => first[0]!.entries.push(first[0]!.entries[0]!), TypeError);
  first[0]!.id = 'renamed';
  first[0]!.warnings.push({ file: 'a.txt', line: 1, message: 'added by a caller' });
  const second = api.parseArchive(files, options, cache).issues;
  assert.equal(second[0]!.entries[0], first[0]!.entries[0], 'the cached entry is handed out again');
  assert.equal(second[0]!.entries[0]!.title, 'A Post');
  assert.equal(second[0]!.id, 'a');
  assert.deepEqual(second[0]!.warnings, []);
  const edited = api.parseArchive(
    [{ file: 'a.txt', text: 'NEWS\n\nAnother Post (Ann Lee) (summarized by Rohin): Text.' }],
    options,
    cache,
  ).issues;
  assert.equal(edited[0]!.entries[0]!.title, 'Another Post');
});
