/** summaries.json and summaries.csv records (src/site/pages/exports.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectSite } from '../../src/site.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseDatabase } from '../../src/merge/database.ts';
import { mergeDatabase } from '../../src/merge.ts';
import { CSV_COLUMNS, CSV_HEADER, csvRow } from '../../src/site/pages/exports.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';
import { AN_RULES } from '../support/dialect.ts';

test('one export record per entry, carrying the raw Markdown and the public URLs', () => {
  const site = collectSite([issue(1, '2019-01-01', [entry('A', { summarizers: ['Rohin'] }), entry('B')])], options);
  assert.equal(site.records.length, 2);
  assert.equal(site.records[0]!.url, 'https://example.org/repo/issues/an-001/#a');
  assert.equal(site.records[0]!.summary_page, 'https://example.org/repo/papers/a/');
  assert.equal(site.records[0]!.summary, 'Summary of A.');
  assert.deepEqual(site.counts, { issues: 1, entries: 2, papers: 2, categories: 0, summarizers: 1, authors: 0, warnings: 0 });
});

test('a record carries its paper: every author as a list, whether the list is cut short, the paper URL, venue and year; the CSV joins the authors and guards formulas', () => {
  const database = parseDatabase(
    [
      'Category,Highlight?,Title,Authors,Venue,Year,H/T,Email,Summarizer,Summary,My opinion,Prerequisites,Read more,URL',
      ',,Juggling Robots,"Mira Kovac, Jonas Berg",arXiv,2019.0,,AN #1,,,,,,https://arxiv.org/abs/1901.00001',
      ',,Unsafe Link,=Evil Corp,,,,AN #1,,,,,,javascript:alert(1)',
    ].join('\n'),
    'database.csv',
    'AN',
  );
  const { issues } = mergeDatabase(
    [
      issue(1, '2019-01-01', [
        entry('Juggling Robots', { authors: 'Mira Kovac et al' }),
        entry('Unsafe Link'),
        entry('No Row', { authors: 'Ada Lovelace et al' }),
      ]),
    ],
    database,
  );
  const site = collectSite(issues, options);
  const record = (title: string) => site.records.find((r) => r.title === title)!;
  assert.deepEqual(
    [
      record('Juggling Robots').authors,
      record('Juggling Robots').authors_et_al,
      record('Juggling Robots').paper_url,
      record('Juggling Robots').venue,
      record('Juggling Robots').year,
    ],
    [['Mira Kovac', 'Jonas Berg'], false, 'https://arxiv.org/abs/1901.00001', 'arXiv', 2019],
  );
  assert.deepEqual([record('No Row').authors, record('No Row').authors_et_al, record('No Row').paper_url], [['Ada Lovelace'], true, null]);
  // A URL that is not http(s) never becomes a link, in the exports either.
  assert.equal(record('Unsafe Link').paper_url, null);
  const rows = parseCsv(`${CSV_HEADER}${site.records.map(csvRow).join('')}`, { columns: true }) as Record<string, string>[];
  assert.equal(rows[0]!.authors, 'Mira Kovac; Jonas Berg');
  assert.equal(rows[0]!.year, '2019');
  assert.equal(rows[1]!.authors, "'=Evil Corp");
  assert.ok(CSV_COLUMNS.includes('paper_url') && CSV_COLUMNS.includes('summary_page') && CSV_COLUMNS.includes('url'));
});

test("summaries.csv has every column of the newsletter's spreadsheet, named and written as the spreadsheet writes them", () => {
  const database = parseDatabase(
    [
      'Category,Highlight?,Title,Authors,Venue,Year,H/T,Email,Summarizer,Summary,My opinion,Prerequisites,Read more,URL',
      'Interpretability,Highlight,Juggling Robots,"Mira Kovac, Jonas Berg",arXiv,2019.0,,AN #1,,,,,,https://arxiv.org/abs/1901.00001',
    ].join('\n'),
    'database.csv',
    'AN',
  );
  const { issues } = mergeDatabase(
    [
      issue(1, '2019-01-01', [
        entry('Juggling Robots', {
          authors: 'Mira Kovac et al',
          summarizers: ['Flo', 'Rohin'],
          hatTips: ['Ada'],
          highlight: true,
          category: ['Highlights'],
          opinions: [
            { by: 'Flo', text: 'Neat.' },
            { by: 'Rohin', text: 'Agreed.' },
          ],
          readMore: ['[Paper](https://x.org/p)'],
          prerequisites: ['[Earlier](https://x.org/e)'],
        }),
      ]),
    ],
    database,
  );
  const site = collectSite(issues, { ...options, citations: AN_RULES });
  const [row] = parseCsv(`${CSV_HEADER}${site.records.map(csvRow).join('')}`, { columns: true }) as Record<string, string>[];
  const spreadsheet = [
    'Category',
    'Highlight?',
    'Title',
    'Authors',
    'Venue',
    'Year',
    'H/T',
    'Email',
    'Summarizer',
    'Summary',
    'My opinion',
    'Prerequisites',
    'Read more',
    'URL',
  ];
  for (const column of spreadsheet) assert.ok(column in row!, column);
  assert.deepEqual(
    spreadsheet.map((c) => row![c]),
    [
      'Interpretability',
      'Highlight',
      'Juggling Robots',
      'Mira Kovac, Jonas Berg',
      'arXiv',
      '2019',
      'Ada',
      'AN #1',
      'Flo/Rohin',
      'Summary of Juggling Robots.',
      "Neat.\n\n**Rohin's opinion:** Agreed.",
      '[Earlier](https://x.org/e)',
      '[Paper](https://x.org/p)',
      'https://arxiv.org/abs/1901.00001',
    ],
  );
  // What the export had before stays: its own columns come first.
  assert.equal(row!.issue_id, 'an-001');
  assert.equal(row!.hat_tips, 'Ada');
  assert.equal(site.records[0]!.topic.at(-1), 'Interpretability');
});
