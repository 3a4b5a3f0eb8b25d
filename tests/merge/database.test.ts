import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseError, httpUrl, issueNumberOf, parseDatabase } from '../../src/merge/database.ts';

const HEADER = 'Category,Highlight?,Title,Authors,Venue,Year,H/T,Email,Summarizer,Summary,My opinion,Prerequisites,Read more,URL';

function csv(...rows: string[]): string {
  return `${[HEADER, ...rows].join('\n')}\n`;
}

test('a row becomes a typed record with its issue number, year, highlight flag and URL', () => {
  const db = parseDatabase(
    csv(
      'Interpretability,Highlight,Reading Tea Leaves in Neural Nets,"Mira Kovac, Tomas Lindqvist",arXiv,2019.0,,AN #42,Mira,It reads.,I like it.,,,https://example.org/tea',
    ),
    'database.csv',
    'AN',
  );
  assert.deepEqual(db.warnings, []);
  assert.equal(db.rows.length, 1);
  const row = db.rows[0]!;
  assert.equal(row.line, 2);
  assert.equal(row.issue, 42);
  assert.equal(row.title, 'Reading Tea Leaves in Neural Nets');
  assert.equal(row.authors, 'Mira Kovac, Tomas Lindqvist');
  assert.equal(row.venue, 'arXiv');
  assert.equal(row.year, 2019);
  assert.equal(row.category, 'Interpretability');
  assert.equal(row.highlight, true);
  assert.equal(row.summarizer, 'Mira');
  assert.equal(row.summary, 'It reads.');
  assert.equal(row.opinion, 'I like it.');
  assert.equal(row.url, 'https://example.org/tea');
  assert.ok(Object.isFrozen(row));
});

test('a row with no URL whose Title is made of links (two posts under one header) takes the first link as its URL', () => {
  const db = parseDatabase(
    csv(
      'News,,"[Part One](https://example.org/one) and [Part Two](https://example.org/two)",Jane Doe,,,,AN #7,Rohin,Both.,,,,',
      'News,,"[Given URL wins](https://example.org/in-title)",Jane Doe,,,,AN #7,Rohin,One.,,,,https://example.org/cell',
      'News,,"[Not a web link](ftp://example.org/x)",Jane Doe,,,,AN #7,Rohin,None.,,,,',
    ),
    'database.csv',
    'AN',
  );
  assert.deepEqual(db.warnings, []);
  assert.deepEqual(
    db.rows.map((r) => r.url),
    ['https://example.org/one', 'https://example.org/cell', null],
  );
});

test('a row spanning several lines keeps the line it starts on, and the rows after it keep theirs', () => {
  const db = parseDatabase(
    csv(
      'News,,First Title,Ada Okafor,,,,AN #1,,"A summary\nover two\nlines.",,,,',
      '',
      'News,,Second Title,Ada Okafor,,,,AN #1,,Short.,,,,',
    ),
    'db.csv',
    'AN',
  );
  assert.deepEqual(
    db.rows.map((r) => [r.title, r.line]),
    [
      ['First Title', 2],
      ['Second Title', 6],
    ],
  );
  assert.equal(db.rows[0]!.summary, 'A summary\nover two\nlines.');
});

test('rows of other series or with no issue have no number, and are kept', () => {
  const db = parseDatabase(csv('News,,A Side Post,,,,,Recon #5,,,,,,', 'News,,An Orphan,,,,,,,,,,,'), 'db.csv', 'AN');
  assert.deepEqual(
    db.rows.map((r) => r.issue),
    [null, null],
  );
  assert.equal(issueNumberOf('AN#7', 'AN'), 7);
  assert.equal(issueNumberOf(' an # 12 ', 'AN'), 12);
  assert.equal(issueNumberOf('AN #12b', 'AN'), null);
});

test('a bad row is left out with a warning naming the file and line, and the rows around it are kept', () => {
  const db = parseDatabase(
    csv(
      'News,,Good One,,,,,AN #3,,,,,,',
      'News,,Too Few Cells,,AN #3',
      'News,,,Nobody,,,,AN #3,,,,,,',
      'News,,"Split, Wrongly",X,,,,AN #3,,,,,,,extra,',
      'News,,Good Two,,,,,AN #3,,,,,,',
    ),
    'content/database.csv',
    'AN',
  );
  assert.deepEqual(
    db.rows.map((r) => r.title),
    ['Good One', 'Good Two'],
  );
  assert.deepEqual(
    db.warnings.map((w) => [w.file, w.line]),
    [
      ['content/database.csv', 3],
      ['content/database.csv', 4],
      ['content/database.csv', 5],
    ],
  );
  assert.match(db.warnings[0]!.message, /5 cells, the header has 14/);
  assert.match(db.warnings[1]!.message, /no Title/);
});

test('a stray quote stays in its cell; an unclosed one makes the lines after it read one row per line, with a warning naming them', () => {
  const db = parseDatabase(
    csv(
      'News,,Before,,,,,AN #3,,,,,,',
      'News,,"Quoted"Twice,,,,,AN #3,,,,,,',
      'News,,Middle,,,,,AN #3,,,,,,',
      'News,,"Never closed,,,,,AN #3,,,,,,',
      'News,,Kept,,,,,AN #3,,,,,,',
    ),
    'db.csv',
    'AN',
  );
  assert.deepEqual(
    db.rows.map((r) => [r.line, r.title]),
    [
      [2, 'Before'],
      [3, '"Quoted"Twice'],
      [4, 'Middle'],
      [5, '"Never closed'],
      [6, 'Kept'],
    ],
  );
  assert.equal(db.warnings.length, 1);
  assert.equal(db.warnings[0]!.line, 5);
  assert.match(db.warnings[0]!.message, /^lines 5-6 are not valid CSV \(Quote Not Closed.*\): read one row per line$/);
});

test('a quote that closes on a later line loses no row: the rows it ran over are read one per line, and the warning names the line', () => {
  const db = parseDatabase(
    csv(
      'News,,Before,,,,,AN #3,,,,,,',
      'News,,"Opened here,,,,,AN #3,,,,,,',
      'News,,Closed" there,,,,,AN #3,,,,,,',
      'News,,After,,,,,AN #3,,,,,,',
    ),
    'db.csv',
  );
  assert.deepEqual(
    db.rows.map((r) => [r.line, r.title]),
    [
      [2, 'Before'],
      [3, '"Opened here'],
      [4, 'Closed" there'],
      [5, 'After'],
    ],
  );
  assert.deepEqual(
    db.warnings.map((w) => [w.file, w.line]),
    [['db.csv', 3]],
  );
  assert.match(db.warnings[0]!.message, /runs on to line 4, which is a row of its own: lines 3-4 are read one row per line/);
});

test('a stray quote in a summary cell that closes in the next row keeps both rows, the first with its cells as written', () => {
  const db = parseDatabase(
    csv('News,,First,,,,,AN #3,,"Opens a quote,,,,', 'News,,Second,,,,,AN #3,,closes it" here,,,,', 'News,,Third,,,,,AN #3,,,,,,'),
    'db.csv',
  );
  assert.deepEqual(
    db.rows.map((r) => [r.line, r.title, r.summary]),
    [
      [2, 'First', '"Opens a quote'],
      [3, 'Second', 'closes it" here'],
      [4, 'Third', ''],
    ],
  );
  assert.equal(db.warnings.length, 1);
  assert.equal(db.warnings[0]!.line, 2);
});

test('a summary over several lines, with commas and quotes of its own, stays one cell of one row', () => {
  const summary = 'First paragraph, with, many, commas, in, it, a, b, c, d, e, f, g, h.\n\nSecond "quoted" paragraph, 2019, x.';
  const db = parseDatabase(csv(`News,,Long One,,,,,AN #3,,"${summary.replace(/"/g, '""')}",,,,`, 'News,,Next,,,,,AN #3,,,,,,'), 'db.csv');
  assert.deepEqual(
    db.rows.map((r) => [r.line, r.title, r.summary]),
    [
      [2, 'Long One', summary],
      [5, 'Next', ''],
    ],
  );
  assert.deepEqual(db.warnings, []);
});

test('a bad year, highlight flag or URL is ignored with a warning and the row is kept', () => {
  const db = parseDatabase(csv('News,maybe,Odd Values,,,soon,,AN #9,,,,,,javascript:alert(1)'), 'db.csv', 'AN');
  assert.equal(db.rows.length, 1);
  const row = db.rows[0]!;
  assert.equal(row.year, null);
  assert.equal(row.highlight, false);
  assert.equal(row.url, null);
  assert.deepEqual(
    db.warnings.map((w) => w.line),
    [2, 2, 2],
  );
  assert.match(db.warnings.map((w) => w.message).join('\n'), /Year "soon"[\s\S]*Highlight\? "maybe"[\s\S]*URL "javascript:alert\(1\)"/);
});

test('a header without the columns the merge reads is an error naming the file and the columns', () => {
  assert.throws(
    () => parseDatabase('Title,Authors\nSomething,Someone\n', 'content/database.csv', 'AN'),
    (error: unknown) =>
      error instanceof DatabaseError &&
      /^content\/database\.csv: missing columns "Category", "Highlight\?", "Venue", "Year", "Email", "Summarizer", "URL"/.test(
        error.message,
      ),
  );
  assert.throws(() => parseDatabase('', 'empty.csv', 'AN'), /empty\.csv: no header row/);
});

test('header names are matched without regard to case, spacing or order, a BOM is ignored, and the text columns are optional', () => {
  const text =
    '\uFEFFurl, title ,email,category,highlight,authors,venue,year,summarizer\nhttps://example.org/x,Some Title,AN #4,News,,Priya Raman,,2021,\n';
  const db = parseDatabase(text, 'db.csv', 'AN');
  assert.deepEqual(db.warnings, []);
  assert.equal(db.rows[0]!.title, 'Some Title');
  assert.equal(db.rows[0]!.url, 'https://example.org/x');
  assert.equal(db.rows[0]!.year, 2021);
  assert.equal(db.rows[0]!.summary, '');
});

test('only absolute http and https addresses count as URLs', () => {
  assert.equal(httpUrl('https://example.org/a?b=c'), 'https://example.org/a?b=c');
  assert.equal(httpUrl(' http://example.org '), 'http://example.org');
  assert.equal(httpUrl('example.org/paper'), null);
  assert.equal(httpUrl('javascript:alert(1)'), null);
  assert.equal(httpUrl('https://exa mple.org'), null);
  assert.equal(httpUrl(null), null);
});
