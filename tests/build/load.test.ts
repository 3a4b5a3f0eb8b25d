/**
 * The content dir's reference files, database.csv and people.yml, read by the build
 * (src/io/load.ts) and merged between the parser and the site data: what reaches the pages
 * and the exports, what is a warning, and what is kept between rebuilds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildSite } from '../../src/io/build-site.ts';
import { ContentError } from '../../src/io/content-dir.ts';
import { loadArchive, warningSummary } from '../../src/io/load.ts';
import { BuildSession } from '../../src/io/session.ts';
import { writeSampleConventions } from '../support/dialect.ts';

const HEADER = 'Category,Highlight?,Title,Authors,Venue,Year,H/T,Email,Summarizer,Summary,My opinion,Prerequisites,Read more,URL';

/** A database row from its cells by name (unset cells empty). */
function row(
  cells: Partial<Record<'category' | 'highlight' | 'title' | 'authors' | 'venue' | 'year' | 'email' | 'summarizer' | 'url', string>>,
) {
  const cell = (v: string | undefined): string => `"${(v ?? '').replace(/"/g, '""')}"`;
  const c = cells;
  return [c.category, c.highlight, c.title, c.authors, c.venue, c.year, '', c.email, c.summarizer, '', '', '', '', c.url]
    .map(cell)
    .join(',');
}

const ISSUE_4 = [
  '---',
  'number: 4',
  'date: 2019-03-04',
  '---',
  'HIGHLIGHTS',
  '',
  'Juggling Robots (Mira Kovac et al) (summarized by Tomas): Robots juggle.',
  '',
  'TECHNICAL AI ALIGNMENT',
  '',
  'INTERPRETABILITY',
  '',
  '[Knitting for Agents](https://example.org/knitting) (Priya Raman) (summarized by Tomas B): Agents knit.',
  '',
  'Origami Planners (Lena Ortiz) (summarized by Tomas): Planners fold.',
  '',
  'Tea Ceremony Benchmarks (Omar Haddad) (summarized by Tomas): Tea is served.',
  '',
].join('\n');

const DATABASE = [
  HEADER,
  // Matched by an equal title: fills the URL, venue, year and the full author list; a highlight's topic.
  row({
    category: 'Interpretability',
    highlight: 'Highlight',
    title: 'Juggling Robots',
    authors: 'Mira Kovac, Jonas Berg, Ana Silva',
    venue: 'arXiv',
    year: '2019.0',
    email: 'AN #4',
    summarizer: 'Tomas',
    url: 'https://arxiv.org/abs/1901.00001',
  }),
  // The text has its own link: the text wins, and the disagreement is reported.
  row({
    category: 'Interpretability',
    title: 'Knitting for Agents',
    authors: 'Priya Raman',
    venue: 'NeurIPS',
    year: '2018',
    email: 'AN #4',
    url: 'https://example.org/elsewhere',
  }),
  // A title a few letters off: matched as close, and listed in the report.
  row({
    category: 'Interpretability',
    title: 'Origami Planner',
    authors: 'Lena Ortiz',
    email: 'AN #4',
    url: 'https://example.org/origami',
  }),
  // A row no summary of the issue has: reported as unmatched ("Tea Ceremony Benchmarks" matches no row).
  row({ category: 'Interpretability', title: 'Something Else Entirely', email: 'AN #4', url: 'https://example.org/else' }),
].join('\n');

const PEOPLE = ['- name: Tomas Berg', '  aliases: [Tomas B]', ''].join('\n');

/**
 * A content dir with `files` (and a site.yml with an address, so no warning is about it, and the
 * sample archive's categories.yml), in a temp dir that also holds `site/` for output.
 */
function withContent(files: Record<string, string>, run: (dir: string) => void | Promise<void>): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'load-test-'));
  const dir = path.join(root, 'content');
  mkdirSync(path.join(dir, 'newsletters'), { recursive: true });
  writeFileSync(path.join(dir, 'site.yml'), 'url: https://example.org/\n');
  writeSampleConventions(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return Promise.resolve(run(dir)).finally(() => rmSync(root, { recursive: true, force: true }));
}

test('database rows reach the summary pages and the exports: a match fills the paper, the text wins a conflict, a close title matches, a summary with no row keeps its text', () =>
  withContent({ 'newsletters/an-004.txt': ISSUE_4, 'database.csv': DATABASE, 'people.yml': PEOPLE }, async (dir) => {
    const out = path.join(dir, '..', 'site');
    const report = await buildSite(new BuildSession({ contentDir: dir, outputDir: out, quiet: true }));
    assert.deepEqual(
      report.reconciliation && {
        matched: report.reconciliation.matched,
        unmatchedRows: report.reconciliation.unmatchedRows,
        unmatchedEntries: report.reconciliation.unmatchedEntries,
        conflicts: report.reconciliation.conflicts,
      },
      // Conflicts: the Knitting URL; the close title of Origami.
      { matched: 3, unmatchedRows: 1, unmatchedEntries: 1, conflicts: 2 },
    );

    const page = (slug: string): string => readFileSync(path.join(out, 'papers', slug, 'index.html'), 'utf8');
    const juggling = page('juggling-robots');
    assert.match(juggling, /<a [^>]*href="https:\/\/arxiv\.org\/abs\/1901\.00001"[^>]*>Read the paper<\/a>/);
    for (const name of ['Mira Kovac', 'Jonas Berg', 'Ana Silva']) assert.ok(juggling.includes(`>${name}</a>`), name);
    assert.match(juggling, /arXiv · 2019/);
    assert.match(page('knitting-for-agents'), /href="https:\/\/example\.org\/knitting"[^>]*>Read the paper</);
    assert.match(page('tea-ceremony-benchmarks'), /No link to the paper is known/);

    const json = JSON.parse(readFileSync(path.join(out, 'summaries.json'), 'utf8')) as {
      summaries: { title: string; authors: string[]; paper_url: string | null; venue: string | null; year: number | null; url: string }[];
    };
    const record = (title: string) => json.summaries.find((s) => s.title === title)!;
    assert.deepEqual(record('Juggling Robots').authors, ['Mira Kovac', 'Jonas Berg', 'Ana Silva']);
    assert.equal(record('Juggling Robots').paper_url, 'https://arxiv.org/abs/1901.00001');
    assert.equal(record('Juggling Robots').venue, 'arXiv');
    assert.equal(record('Juggling Robots').year, 2019);
    assert.equal(record('Knitting for Agents').paper_url, 'https://example.org/knitting');
    assert.equal(record('Origami Planners').paper_url, 'https://example.org/origami');
    assert.equal(record('Tea Ceremony Benchmarks').paper_url, null);
    assert.match(record('Tea Ceremony Benchmarks').url, /\/issues\/an-004\/#tea-ceremony-benchmarks$/);
    const csv = parseCsv(readFileSync(path.join(out, 'summaries.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const jugglingRow = csv.find((r) => r.title === 'Juggling Robots')!;
    assert.equal(jugglingRow.authors, 'Mira Kovac; Jonas Berg; Ana Silva');
    assert.equal(jugglingRow.paper_url, 'https://arxiv.org/abs/1901.00001');
    assert.equal(jugglingRow.year, '2019');
  }));

test('people.yml makes one person of two spellings: one summarizer page, under the canonical name', () =>
  withContent({ 'newsletters/an-004.txt': ISSUE_4, 'people.yml': PEOPLE }, (dir) => {
    const { site } = loadArchive(new BuildSession({ contentDir: dir, quiet: true }));
    assert.deepEqual(
      site.summarizers.map((p) => [p.slug, p.name, p.summarized.length]),
      [['tomas-berg', 'Tomas Berg', 4]],
    );
  }));

test('without database.csv the site builds from the text alone, and a summary links only to what its text links', () =>
  withContent({ 'newsletters/an-004.txt': ISSUE_4 }, (dir) => {
    const loaded = loadArchive(new BuildSession({ contentDir: dir, quiet: true }));
    assert.equal(loaded.report.reconciliation, null);
    const hrefs = loaded.site.papers.map((p) => [p.title, p.paper.href]);
    assert.deepEqual(
      hrefs.find(([title]) => title === 'Knitting for Agents'),
      ['Knitting for Agents', 'https://example.org/knitting'],
    );
    assert.deepEqual(
      hrefs.find(([title]) => title === 'Juggling Robots'),
      ['Juggling Robots', null],
    );
  }));

test('a bad database row is a warning naming database.csv and its line; the other rows are used', () =>
  withContent(
    {
      'newsletters/an-004.txt': ISSUE_4,
      'database.csv': `${DATABASE}\n${row({ title: '', email: 'AN #4' })}\n${row({ title: 'Origami Planners', year: 'soon', email: 'AN #9' })}\n`,
    },
    (dir) => {
      const loaded = loadArchive(new BuildSession({ contentDir: dir, quiet: true }));
      const messages = loaded.warnings.filter((w) => w.file.endsWith('database.csv')).map((w) => `${w.line}: ${w.message}`);
      assert.deepEqual(messages, [
        '6: the row has no Title: it cannot be matched to a summary and is left out',
        '7: Year "soon" is not a year: ignored',
      ]);
      assert.equal(loaded.report.warnings, 2);
      assert.equal(loaded.site.papers.find((p) => p.title === 'Juggling Robots')?.paper.venue, 'arXiv');
    },
  ));

test('a database.csv without the columns the merge reads stops the build with a message naming the file', () =>
  withContent({ 'newsletters/an-004.txt': ISSUE_4, 'database.csv': 'Title,Link\nJuggling Robots,https://example.org\n' }, (dir) => {
    assert.throws(
      () => loadArchive(new BuildSession({ contentDir: dir, quiet: true })),
      (error: unknown) =>
        error instanceof ContentError &&
        /database\.csv: missing columns .*"Category".*remove .*database\.csv to build from the text alone/.test(error.message),
    );
  }));

test('a rebuild parses database.csv again only when its text changed, and keeps the merged summaries of unchanged issues', () =>
  withContent(
    { 'newsletters/an-004.txt': ISSUE_4, 'newsletters/an-005.txt': ISSUE_4.replace('number: 4', 'number: 5'), 'database.csv': DATABASE },
    (dir) => {
      const session = new BuildSession({ contentDir: dir, quiet: true });
      const first = loadArchive(session);
      const database = session.caches.database?.value;
      writeFileSync(
        path.join(dir, 'newsletters/an-005.txt'),
        ISSUE_4.replace('number: 4', 'number: 5').replace('Robots juggle.', 'Robots juggle well.'),
      );
      const second = loadArchive(session);
      assert.equal(session.caches.database?.value, database, 'database.csv was parsed again');
      const entriesOf = (loaded: typeof first, id: string) => loaded.issues.find((i) => i.id === id)!.entries;
      assert.deepEqual(
        entriesOf(second, 'an-004').map((e, i) => e === entriesOf(first, 'an-004')[i]),
        [true, true, true, true],
      );
      assert.notEqual(entriesOf(second, 'an-005')[0], entriesOf(first, 'an-005')[0]);
      writeFileSync(path.join(dir, 'database.csv'), DATABASE.replace('2019.0', '2020'));
      loadArchive(session);
      assert.notEqual(session.caches.database?.value, database);
      assert.equal(session.loaded?.site.papers.find((p) => p.title === 'Juggling Robots')?.paper.year, '2020');
    },
  ));

test('two labels of categories.yml with one page address are a warning naming both and their lines; the build goes on', () =>
  withContent(
    {
      'newsletters/an-004.txt': ISSUE_4,
      'categories.yml': '- label: Highlights\n  highlight: true\n- label: C++\n- label: Tools\n  children:\n    - label: C--\n',
    },
    (dir) => {
      const loaded = loadArchive(new BuildSession({ contentDir: dir, quiet: true }));
      const clashes = loaded.warnings.filter((w) => w.file.endsWith('categories.yml'));
      assert.deepEqual(
        clashes.map((w) => [w.line, w.message]),
        [[6, '"C--" and "C++" (line 3) have one page address, /categories/c/: their summaries would share one page; rename one of them']],
      );
      assert.deepEqual(loaded.report.dataFileWarnings, clashes);
      assert.equal(loaded.report.warnings, loaded.warnings.length);
    },
  ));

test('a categories.yml whose aliases repeat per level stops the load at once with the file and line of the first alias', () => {
  let yml = '- &c0\n  label: Level 0\n';
  for (let level = 1; level < 30; level++)
    yml += `- &c${level}\n  label: L${level}\n  children: [${Array(9)
      .fill(`*c${level - 1}`)
      .join(', ')}]\n`;
  return withContent({ 'newsletters/an-004.txt': ISSUE_4, 'categories.yml': yml }, (dir) => {
    assert.throws(
      () => loadArchive(new BuildSession({ contentDir: dir, quiet: true })),
      (error: unknown) =>
        error instanceof ContentError && /categories\.yml:5: the alias \*c0 repeats a list or category/.test(error.message),
    );
  });
});

test('people.yml and database.csv warnings are counted with the rest and kept in full for the build to list', () =>
  withContent(
    {
      'newsletters/an-004.txt': ISSUE_4,
      'people.yml': '- name: Tomas Berg\n  aliases: [Tomas B]\n- name: Tomas B\n- nickname: Ann\n',
    },
    (dir) => {
      const { report } = loadArchive(new BuildSession({ contentDir: dir, quiet: true }));
      assert.deepEqual(
        report.dataFileWarnings.map((w) => [path.basename(w.file), w.line]),
        [
          ['people.yml', 3],
          ['people.yml', 4],
          ['people.yml', 4],
        ],
      );
      assert.equal(report.warnings, 3);
    },
  ));

test('the warning summary lists each data-file warning with its file and line, then counts every warning by file', () => {
  const data = [
    { file: 'content/people.yml', line: 3, message: '"Tomas B" already names "Tomas Berg" (line 1): ignored here' },
    { file: 'content/database.csv', line: 0, message: 'whole file' },
  ];
  const newsletter = { file: 'an-004.txt', line: 7, message: 'odd' };
  assert.equal(
    warningSummary([newsletter, ...data], data),
    [
      'content/people.yml:3: warning: "Tomas B" already names "Tomas Berg" (line 1): ignored here',
      'content/database.csv: warning: whole file',
      "site: 3 warnings (an-004.txt: 1, content/people.yml: 1, content/database.csv: 1); `npm run parse` lists the newsletters', the data files' are above",
      '',
    ].join('\n'),
  );
  const many = Array.from({ length: 25 }, (_, i) => ({ file: 'content/people.yml', line: i + 1, message: 'x' }));
  const lines = warningSummary(many, many).trimEnd().split('\n');
  assert.equal(lines.length, 22);
  assert.equal(lines[20], '... and 5 more data-file warnings: `npm run reconcile` lists them all');
});
