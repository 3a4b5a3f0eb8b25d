import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArchive } from '../../src/parse.ts';
import type { Entry, Issue } from '../../src/records/types.ts';
import { parseDatabase } from '../../src/merge/database.ts';
import { MergeMemo, mergeDatabase } from '../../src/merge.ts';
import { sameUrl } from '../../src/merge/paper.ts';
import { createPeople } from '../../src/merge/people.ts';
import { formatReconciliation } from '../../src/merge/reconciliation.ts';
import { vocabulary } from '../support/parse-helpers.ts';
import { deepFreeze, entry } from '../support/records.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const HEADER = 'Category,Highlight?,Title,Authors,Venue,Year,H/T,Email,Summarizer,Summary,My opinion,Prerequisites,Read more,URL';

/** A database from rows written as objects (unset cells empty). */
function database(
  rows: Partial<Record<'category' | 'highlight' | 'title' | 'authors' | 'venue' | 'year' | 'email' | 'summarizer' | 'url', string>>[],
) {
  const cell = (v: string | undefined): string => `"${(v ?? '').replace(/"/g, '""')}"`;
  const lines = rows.map((r) =>
    [r.category, r.highlight, r.title, r.authors, r.venue, r.year, '', r.email, r.summarizer, '', '', '', '', r.url].map(cell).join(','),
  );
  return parseDatabase(`${[HEADER, ...lines].join('\n')}\n`, 'database.csv', 'AN');
}

function issue(number: number | null, entries: Entry[], file = `an-${String(number ?? 0).padStart(3, '0')}.txt`): Issue {
  return deepFreeze({
    id: file.replace(/\.txt$/, ''),
    number,
    title: null,
    date: null,
    source: null,
    file,
    intro: '',
    entries,
    commentsDropped: 0,
    warnings: [],
    excerpt: null,
    permalink: null,
    references: [],
  });
}

test('a matched summary gets its paper URL, venue, year, full author list and a highlight its topic; its own fields stay as the text has them', () => {
  const text = entry('Juggling Robots', {
    authors: 'Mira Kovac et al',
    category: ['Highlights'],
    highlight: true,
    summarizers: ['Tomas'],
    line: 7,
  });
  const db = database([
    {
      title: 'Juggling Robots',
      authors: 'Mira Kovac, Tomas Lindqvist, Priya Raman',
      venue: 'arXiv',
      year: '2019.0',
      email: 'AN #4',
      category: 'Interpretability',
      highlight: 'Highlight',
      summarizer: 'Tomas',
      url: 'https://example.org/juggling',
    },
  ]);
  const { issues, report } = mergeDatabase([issue(4, [text])], db, { vocabulary: vocabulary() });
  const merged = issues[0]!.entries[0]!;
  assert.equal(merged.paper.url, 'https://example.org/juggling');
  assert.equal(merged.paper.urlFrom, 'database');
  assert.equal(merged.paper.venue, 'arXiv');
  assert.equal(merged.paper.year, 2019);
  assert.deepEqual(
    merged.paper.authors.map((a) => a.name),
    ['Mira Kovac', 'Tomas Lindqvist', 'Priya Raman'],
  );
  assert.equal(merged.paper.etAl, false);
  assert.equal(merged.paper.authorsFrom, 'both');
  assert.deepEqual(merged.paper.topic, ['Technical AI alignment', 'Interpretability']);
  assert.equal(merged.paper.highlight, true);
  assert.deepEqual(merged.paper.row, { line: 2, match: 'exact' });
  // The parser's fields are untouched: the text says Highlights, authors as written, no URL.
  const { paper: _paper, ...fields } = merged;
  assert.deepEqual(fields, text);
  assert.deepEqual(report.conflicts, []);
  assert.deepEqual(
    [report.counts.matched, report.counts.rowsLinked, report.counts.unmatchedRows, report.counts.unmatchedEntries],
    [1, 1, 0, 0],
  );
});

test('the text wins where both have a value, and a different URL is reported as a conflict', () => {
  const text = entry('Juggling Robots', {
    url: 'https://example.org/text-link',
    category: ['Technical AI alignment', 'Robustness'],
    line: 12,
  });
  const db = database([{ title: 'Juggling Robots', email: 'AN #4', category: 'Interpretability', url: 'https://example.org/other' }]);
  const { issues, report } = mergeDatabase([issue(4, [text])], db, { vocabulary: vocabulary() });
  const paper = issues[0]!.entries[0]!.paper;
  assert.equal(paper.url, 'https://example.org/text-link');
  assert.equal(paper.urlFrom, 'text');
  assert.deepEqual(paper.topic, ['Technical AI alignment', 'Robustness']);
  assert.deepEqual(
    report.conflicts.map((c) => [c.file, c.line, c.field, c.text, c.database, c.row]),
    [
      ['an-004.txt', 12, 'category', 'Technical AI alignment > Robustness', 'Technical AI alignment > Interpretability', 2],
      ['an-004.txt', 12, 'url', 'https://example.org/text-link', 'https://example.org/other', 2],
    ],
  );
});

test('URLs that differ only in scheme, www, a trailing slash, a fragment or the form of an arXiv link are the same', () => {
  assert.equal(sameUrl('http://www.example.org/a/', 'https://example.org/a#part'), true);
  assert.equal(sameUrl('https://arxiv.org/pdf/2001.01234v2.pdf', 'https://arxiv.org/abs/2001.01234'), true);
  assert.equal(sameUrl('https://example.org/a?x=1', 'https://example.org/a?x=2'), false);
  assert.equal(sameUrl('https://example.org/a', 'https://example.com/a'), false);
});

test('a text link that is not http(s) is no paper link, and the database URL takes its place', () => {
  const text = entry('Juggling Robots', { url: 'javascript:alert(1)' });
  const db = database([{ title: 'Juggling Robots', email: 'AN #4', url: 'https://example.org/juggling' }]);
  const paper = mergeDatabase([issue(4, [text])], db).issues[0]!.entries[0]!.paper;
  assert.equal(paper.url, 'https://example.org/juggling');
  assert.equal(paper.urlFrom, 'database');
});

test('unmatched rows of archive issues and unmatched entries are listed with their file, line and reason; rows of other issues are only counted', () => {
  const db = database([
    { title: 'Juggling Robots', email: 'AN #4', url: 'https://example.org/1' },
    { title: 'Cooking With Lasers', email: 'AN #4' },
    { title: 'Elsewhere Entirely', email: 'AN #99' },
    { title: 'A Side Series Post', email: 'Recon #2' },
  ]);
  const archive = [
    issue(4, [entry('Juggling Robots', { line: 3 }), entry('Knitting for Agents', { line: 9 })]),
    issue(5, [entry('Nothing Recorded', { line: 4 })]),
    issue(null, [entry('A Numberless Note', { line: 2 })], 'stray.txt'),
  ];
  const { report } = mergeDatabase(archive, db);
  assert.deepEqual(report.unmatchedRows, [
    { file: 'database.csv', line: 3, issue: 4, title: 'Cooking With Lasers', issueFile: 'an-004.txt' },
  ]);
  assert.deepEqual(
    report.unmatchedEntries.map((e) => [e.file, e.line, e.title, e.reason]),
    [
      ['an-004.txt', 9, 'Knitting for Agents', 'no-title'],
      ['an-005.txt', 4, 'Nothing Recorded', 'no-rows'],
      ['stray.txt', 2, 'A Numberless Note', 'no-number'],
    ],
  );
  assert.deepEqual(
    {
      rows: report.counts.rows,
      ofArchive: report.counts.rowsOfArchiveIssues,
      other: report.counts.rowsOfOtherIssues,
      none: report.counts.rowsWithoutIssue,
      entries: report.counts.entries,
      matched: report.counts.matched,
      linked: report.counts.rowsLinked,
    },
    { rows: 4, ofArchive: 2, other: 1, none: 1, entries: 4, matched: 1, linked: 1 },
  );
});

test('titles matched by a close or contained title are reported for a look, and two near titles never share a row', () => {
  const archive = [
    issue(4, [
      entry('Juggling Robots (Mira Kovac)', { line: 3 }),
      entry('Learning to Juggle with Three Robots', { line: 5 }),
      entry('Learning to Juggle with Two Robots', { line: 7 }),
    ]),
  ];
  const db = database([
    { title: 'Juggling Robots', email: 'AN #4' },
    { title: 'Learning to juggle with two robots', email: 'AN #4' },
  ]);
  const { issues, report } = mergeDatabase(archive, db);
  assert.deepEqual(
    issues[0]!.entries.map((e) => e.paper.row),
    [{ line: 2, match: 'contained' }, null, { line: 3, match: 'exact' }],
  );
  assert.deepEqual(
    report.conflicts.map((c) => [c.field, c.text, c.database]),
    [['title', 'Juggling Robots (Mira Kovac)', 'Juggling Robots']],
  );
});

test('authors the row does not list, summarizers that differ, and a highlight flag that differs are conflicts; the text is kept', () => {
  const archive = [
    issue(4, [
      entry('Juggling Robots', { authors: 'Yuki Nakashima', summarizers: ['Tomas'], category: ['Highlights'], highlight: true, line: 3 }),
    ]),
  ];
  const db = database([
    { title: 'Juggling Robots', authors: 'Bruno Ferreira', summarizer: 'Priya', email: 'AN #4', category: 'Robustness' },
  ]);
  const { issues, report } = mergeDatabase(archive, db, { vocabulary: vocabulary() });
  const paper = issues[0]!.entries[0]!.paper;
  assert.deepEqual(
    paper.authors.map((a) => a.name),
    ['Yuki Nakashima'],
  );
  assert.equal(paper.authorsFrom, 'text');
  assert.equal(paper.highlight, true);
  assert.deepEqual(
    report.conflicts.map((c) => [c.field, c.text, c.database]),
    [
      ['authors', 'Yuki Nakashima', 'Bruno Ferreira'],
      ['highlight', 'highlight', 'not a highlight'],
      ['summarizers', 'Tomas', 'Priya'],
    ],
  );
});

test('summarizers are compared as people: a first name and its full name, or an alias, agree', () => {
  const archive = [
    issue(4, [entry('Juggling Robots', { summarizers: ['Tomas'] }), entry('Cooking With Lasers', { summarizers: ['Mimi', 'Tomas'] })]),
  ];
  const db = database([
    { title: 'Juggling Robots', summarizer: 'Tomas Lindqvist', email: 'AN #4' },
    { title: 'Cooking With Lasers', summarizer: 'Tomas/Mira Kovac', email: 'AN #4' },
  ]);
  const people = createPeople([{ name: 'Mira Kovac', aliases: ['Mimi'], line: 1 }], ['Tomas', 'Mimi', 'Tomas Lindqvist', 'Mira Kovac']);
  assert.deepEqual(mergeDatabase(archive, db, { people }).report.conflicts, []);
  // Without people, names are compared by first name: Mimi is not Mira.
  assert.deepEqual(
    mergeDatabase(archive, db).report.conflicts.map((c) => c.field),
    ['summarizers'],
  );
});

test('an entry under no heading takes its topic and highlight from the row; a topic the vocabulary lacks is kept as written', () => {
  const archive = [issue(4, [entry('Juggling Robots'), entry('Cooking With Lasers')])];
  const db = database([
    { title: 'Juggling Robots', email: 'AN #4', category: 'Robustness', highlight: 'Highlight' },
    { title: 'Cooking With Lasers', email: 'AN #4', category: 'Kitchen science' },
  ]);
  const { issues, report } = mergeDatabase(archive, db, { vocabulary: vocabulary() });
  assert.deepEqual(
    issues[0]!.entries.map((e) => [e.paper.topic, e.paper.highlight]),
    [
      [['Technical AI alignment', 'Robustness'], true],
      [['Kitchen science'], false],
    ],
  );
  assert.deepEqual(report.conflicts, [], 'the text says nothing about headings here, so nothing disagrees');
});

test('a highlight whose "Summarized in the highlights!" stub gave it a topic keeps that topic, with or without a row', () => {
  const stubbed = entry('Juggling Robots', { category: ['Technical AI alignment', 'Interpretability'], highlight: true });
  const plain = entry('Cooking With Lasers', { category: ['Highlights'], highlight: true });
  const archive = [issue(4, [stubbed, plain])];
  for (const db of [null, database([{ title: 'Juggling Robots', email: 'AN #4', category: 'Interpretability', highlight: 'Highlight' }])]) {
    const { issues } = mergeDatabase(archive, db, { vocabulary: vocabulary() });
    assert.deepEqual(
      issues[0]!.entries.map((e) => [e.paper.topic, e.paper.highlight]),
      [
        [['Technical AI alignment', 'Interpretability'], true],
        [[], true],
      ],
    );
  }
});

test('without a database every entry keeps what its text says and the report is empty', () => {
  const text = entry('Juggling Robots', {
    authors: 'Mira Kovac and Tomas Lindqvist',
    url: 'https://example.org/j',
    category: ['Technical AI alignment', 'Robustness'],
  });
  const { issues, report } = mergeDatabase([issue(4, [text])], null);
  const paper = issues[0]!.entries[0]!.paper;
  assert.deepEqual(
    [paper.url, paper.urlFrom, paper.venue, paper.year, paper.authors.map((a) => a.name), paper.authorsFrom, paper.topic, paper.row],
    [
      'https://example.org/j',
      'text',
      null,
      null,
      ['Mira Kovac', 'Tomas Lindqvist'],
      'text',
      ['Technical AI alignment', 'Robustness'],
      null,
    ],
  );
  assert.equal(report.file, null);
  assert.deepEqual([report.unmatchedRows, report.unmatchedEntries, report.conflicts], [[], [], []]);
  assert.deepEqual(formatReconciliation(report), ['reconcile: no database: nothing to reconcile (every summary keeps what its text says)']);
});

test('with the same memo, the same entry and row give the very same merged object; a changed row gives a new one', () => {
  const entries = [entry('Juggling Robots'), entry('Cooking With Lasers')];
  const archive = [issue(4, entries)];
  const db = database([
    { title: 'Juggling Robots', email: 'AN #4', url: 'https://example.org/1' },
    { title: 'Cooking With Lasers', email: 'AN #4', url: 'https://example.org/2' },
  ]);
  const memo = new MergeMemo();
  const first = mergeDatabase(archive, db, { memo }).issues[0]!.entries;
  const again = mergeDatabase([issue(4, archive[0]!.entries)], db, { memo }).issues[0]!.entries;
  assert.equal(again[0], first[0]);
  assert.equal(again[1], first[1]);
  assert.ok(Object.isFrozen(first[0]) && Object.isFrozen(first[0]!.paper));

  const edited = database([
    { title: 'Juggling Robots', email: 'AN #4', url: 'https://example.org/1' },
    { title: 'Cooking With Lasers', email: 'AN #4', url: 'https://example.org/changed' },
  ]);
  const after = mergeDatabase(archive, edited, { memo }).issues[0]!.entries;
  assert.notEqual(after[1], first[1]);
  assert.equal(after[1]!.paper.url, 'https://example.org/changed');
  assert.deepEqual(after[0], first[0], 'an unchanged row gives an equal entry');

  const unmemoised = mergeDatabase(archive, db).issues[0]!.entries;
  assert.notEqual(unmemoised[0], first[0]);
  assert.deepEqual(unmemoised[0], first[0]);
});

test('merging parsed, frozen records leaves them as they were', () => {
  const text = [
    '---',
    'number: 4',
    '---',
    'HIGHLIGHTS',
    '',
    'Juggling Robots (Mira Kovac et al) (summarized by Tomas): Robots juggle.',
    '',
  ].join('\n');
  const { issues } = parseArchive([{ file: 'an-004.txt', text }], { vocabulary: vocabulary(), dialect: AN_DIALECT });
  const before = JSON.stringify(issues);
  const db = database([
    {
      title: 'Juggling Robots',
      authors: 'Mira Kovac, Priya Raman',
      email: 'AN #4',
      category: 'Robustness',
      highlight: 'Highlight',
      summarizer: 'Tomas',
      url: 'https://example.org/j',
    },
  ]);
  const { issues: merged, report } = mergeDatabase(issues, db, { vocabulary: vocabulary() });
  assert.equal(JSON.stringify(issues), before);
  assert.equal(merged[0]!.entries[0]!.paper.url, 'https://example.org/j');
  assert.deepEqual(merged[0]!.entries[0]!.paper.topic, ['Technical AI alignment', 'Robustness']);
  assert.deepEqual(report.conflicts, []);
});

test('the printed report gives counts first, then every item on a line starting with its file and line', () => {
  const db = database([
    { title: 'Juggling Robots', email: 'AN #4', url: 'https://example.org/1', summarizer: 'Priya' },
    { title: 'Cooking With Lasers', email: 'AN #4' },
  ]);
  const archive = [issue(4, [entry('Juggling Robots', { summarizers: ['Tomas'], line: 3 }), entry('Knitting for Agents', { line: 9 })])];
  const lines = formatReconciliation(mergeDatabase(archive, db).report, (file) => `newsletters/${file}`);
  assert.match(lines[0]!, /^database: database\.csv: 2 rows; 2 of issues in the archive, 0 of other issues, 0 without an AN number$/);
  assert.match(lines.join('\n'), /summaries with a row that link to their paper: 1 of 2 rows of archive issues \(50\.0%\)/);
  assert.ok(lines.includes('database.csv:3: issue #4 "Cooking With Lasers": no entry of newsletters/an-004.txt has a matching title'));
  assert.ok(lines.includes('newsletters/an-004.txt:9: "Knitting for Agents": no row of this issue has a matching title'));
  assert.ok(lines.includes('newsletters/an-004.txt:3: summarizers of "Juggling Robots": text "Tomas", database "Priya" (database.csv:2)'));
});
