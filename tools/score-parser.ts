/**
 * Scores the parser against the newsletter's own database (not part of `npm test`):
 *   npm run score-parser [-- --quiet] [-- --form html|text|flat|markdown|links] [-- --as line|flat|line-title|flat-title] [-- --generic]
 *
 * The Alignment Newsletter is read with its newsletter file (content/newsletter.yml); `--generic`
 * reads it without one, in the shapes most newsletters share. A third test set is a link
 * newsletter with no ground truth (`other/last-week-in-ai/`, read with no newsletter file and no
 * categories.yml, as a new user would): it is scored against a reference reading made
 * independently of the parser (tools/score/reference-reader.ts), per era.
 *
 * Two test sets, both from ../shared/corpus:
 *  - `real/`: issues as published, each in three forms (`html/` the web page, `text/` the page text
 *    a reader copies, `flat/` every text node joined by a space), scored per form and per era;
 *  - `issues/`: the Markdown export of AN #79–#100, as before (`--as` re-renders it as scraped
 *    plain text in another layout first).
 * Every form is parsed as one archive (`parseArchive`, as the build does), then each issue's entries
 * are compared with the database rows of the same issue: recall, precision, F1, and agreement of
 * summarizers, highlight, category and opinion presence. Every miss is printed. A database row
 * whose title does not occur in the issue's text is not counted (the issue dropped it).
 * Skipped (exit 0) when ../shared/corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCategories, type Vocabulary } from '../src/records/categories.ts';
import { parseArchive, rulesFor } from '../src/parse.ts';
import { stripMarkup } from '../src/parse/markup.ts';
import { parseDatabase, summarizersOf, type DatabaseRow } from '../src/merge/database.ts';
import { matchTitles, titleKey } from '../src/merge/title-match.ts';
import type { Entry, Issue, RawFile } from '../src/records/types.ts';
import { readNewsletterFile } from '../src/records/newsletter-file.ts';
import { linkScoreTable, scoreLinkNewsletter } from './score/link-newsletter.ts';
import type { ReferenceIssue } from './score/reference-reader.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const quiet = process.argv.includes('--quiet');
const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
/** `--as line|flat|line-title|flat-title` re-renders each export as scraped plain text first (UPPERCASE headings), to score those layouts on real data. */
const layout = argValue('--as') ?? 'markdown';
const onlyForm = argValue('--form');
/** `--form links` scores the link newsletter alone. */
const layoutOnly = onlyForm === 'links';

/** The export as a scraper would have it: no markup, headings in capitals, optionally all on one line. */
function asPlain(text: string, flat: boolean, upper: boolean, vocabulary: Vocabulary): string {
  const heading = (line: string): string => {
    const plain = stripMarkup(line);
    // The Title Case layout writes headings as the newsletter's labels: `Technical AI alignment`.
    return upper ? plain.toUpperCase() : (vocabulary.lookup(plain)?.label ?? plain);
  };
  const fm = /^---\n[\s\S]*?\n---\n/.exec(text);
  const head = fm ? fm[0] : '';
  const lines = text.slice(head.length).split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    if (/^(=+|-+)\s*$/.test(next) && line.trim()) {
      out.push(heading(line));
      i++;
    } else if (/^#{1,6}\s/.test(line)) out.push(heading(line));
    else out.push(stripMarkup(line));
  }
  const body = flat ? out.filter((l) => l.trim()).join(' ') : out.join('\n');
  return head + body;
}

function firstNames(names: string[]): string[] {
  return names
    .map((n) => n.trim().split(/\s+/)[0]!.toLowerCase())
    .filter(Boolean)
    .sort();
}

/** The newsletter's years, by issue number: AN #39 came out on 2019-01-01, #79 on 2020-01-01, #132 on 2021-01-06. */
function eraOf(number: number | null): string {
  if (number === null) return 'unknown';
  if (number < 39) return '2018';
  if (number < 79) return '2019';
  if (number < 132) return '2020';
  return '2021–22';
}
const ERAS = ['2018', '2019', '2020', '2021–22'];

const FIELDS = ['summarizers', 'highlight', 'category', 'opinion'] as const;
type Field = (typeof FIELDS)[number];

interface Tally {
  issues: number;
  expected: number;
  found: number;
  parsed: number;
  invented: number;
  agree: Record<Field, { ok: number; of: number }>;
}

function tally(): Tally {
  return {
    issues: 0,
    expected: 0,
    found: 0,
    parsed: 0,
    invented: 0,
    agree: { summarizers: { ok: 0, of: 0 }, highlight: { ok: 0, of: 0 }, category: { ok: 0, of: 0 }, opinion: { ok: 0, of: 0 } },
  };
}

function add(into: Tally, from: Tally): void {
  into.issues += from.issues;
  into.expected += from.expected;
  into.found += from.found;
  into.parsed += from.parsed;
  into.invented += from.invented;
  for (const f of FIELDS) {
    into.agree[f].ok += from.agree[f].ok;
    into.agree[f].of += from.agree[f].of;
  }
}

interface Scored {
  tally: Tally;
  misses: string[];
}

/** Compares one parsed issue with its database rows. `haystack` is the issue's text, to tell rows the issue dropped. */
function scoreIssue(
  issue: Issue,
  haystackText: string,
  rows: readonly DatabaseRow[],
  vocabulary: Vocabulary,
  lastRecorded: number,
): Scored {
  const t = tally();
  const misses: string[] = [];
  const file = issue.file;
  const haystack = ` ${titleKey(haystackText)} `;
  const issueRows = rows.filter((r) => r.issue === issue.number);
  const absent = issueRows.filter((r) => !haystack.includes(` ${titleKey(r.title)} `));
  const expected = issueRows.filter((r) => !absent.includes(r));
  t.issues = 1;
  t.expected = expected.length;
  // The database's coverage ends before the archive does (one row of AN #171, none of #173): past its
  // last fully recorded issue it cannot say whether a parsed entry is real. Such an issue's entries
  // count for recall and the fields, not for precision.
  const covered = issue.number !== null && issue.number <= lastRecorded;
  t.parsed = covered ? issue.entries.length : 0;
  if (!covered)
    misses.push(
      `${file}: precision not scored: past AN #${lastRecorded}, the database's last issue with more than one row (it has ${issueRows.length} rows for ${issue.entries.length} parsed entries)`,
    );
  const unmatched = new Set<Entry>(issue.entries);
  // One entry a row: a second entry with the same title (a repeat) is not in the database.
  const matches = matchTitles(
    issue.entries.map((e) => e.title),
    expected.map((r) => r.title),
  ).filter((m) => m.kind !== 'repeat');
  const matchedEntry = new Map(matches.map((m) => [expected[m.row]!, issue.entries[m.entry]!]));
  for (const row of expected) {
    const entry = matchedEntry.get(row);
    if (!entry) {
      misses.push(`${file}: NOT FOUND  "${row.title}" (${row.category})`);
      continue;
    }
    unmatched.delete(entry);
    t.found++;
    const check = (name: Field, ok: boolean, detail: string): void => {
      t.agree[name].of++;
      if (ok) t.agree[name].ok++;
      else misses.push(`${file}:${entry.line}: ${name} differs for "${row.title}": ${detail}`);
    };
    if (titleKey(entry.title) !== titleKey(row.title))
      misses.push(`${file}:${entry.line}: (title matched in part) database "${row.title}", parsed "${entry.title}"`);
    check(
      'summarizers',
      firstNames(summarizersOf(row.summarizer)).join() === firstNames(entry.summarizers).join(),
      `database "${row.summarizer}", parsed ${JSON.stringify(entry.summarizers)}`,
    );
    check('highlight', row.highlight === entry.highlight, `database ${row.highlight}, parsed ${entry.highlight}`);
    // A highlight's database category is its topic: scored when the issue names one (a "Summarized in the highlights!" stub).
    const scoreCategory = !row.highlight || (entry.highlight && entry.category[0] !== 'Highlights');
    if (scoreCategory) {
      const canonical = vocabulary.lookup(row.category)?.label ?? row.category;
      const innermost = entry.category[entry.category.length - 1] ?? '';
      check(
        'category',
        canonical.toLowerCase() === innermost.toLowerCase(),
        `database "${canonical}", parsed ${JSON.stringify(entry.category)}`,
      );
    }
    const rowOpinion = row.opinion !== '';
    check(
      'opinion',
      rowOpinion === entry.opinions.length > 0,
      `database ${rowOpinion ? 'has' : 'has no'} opinion, parsed ${entry.opinions.length}`,
    );
  }
  for (const entry of covered ? unmatched : []) {
    t.invented++;
    misses.push(`${file}:${entry.line}: NOT IN DATABASE  "${entry.title}" (${entry.category.join(' > ')})`);
  }
  if (!quiet) for (const row of absent) misses.push(`${file}: (database row not in the text, ignored) "${row.title}"`);
  return { tally: t, misses };
}

const ratio = (a: number, b: number): string => (b === 0 ? 'n/a' : (a / b).toFixed(3));

function f1(t: Tally): number {
  const recall = t.expected === 0 ? 1 : t.found / t.expected;
  const precision = t.parsed === 0 ? 1 : (t.parsed - t.invented) / t.parsed;
  return recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
}

function row(name: string, t: Tally): string {
  const cells = [
    name,
    String(t.issues),
    `${t.found}/${t.expected}`,
    `${t.parsed - t.invented}/${t.parsed}`,
    f1(t).toFixed(3),
    ...FIELDS.map((f) => `${ratio(t.agree[f].ok, t.agree[f].of)} (${t.agree[f].of - t.agree[f].ok})`),
  ];
  return `| ${cells.join(' | ')} |`;
}

const HEADER =
  '| set | issues | recall | precision | entries F1 | summarizers (misses) | highlight | category | opinion |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';

function main(): void {
  if (!existsSync(path.join(corpus, 'an-database.csv'))) {
    console.log('score-parser: ../shared/corpus not found; skipped');
    return;
  }
  const vocabulary = parseCategories(readFileSync(path.join(root, 'content', 'categories.yml'), 'utf8'));
  const newsletterFile = path.join(root, 'content', 'newsletter.yml');
  const generic = process.argv.includes('--generic') || !existsSync(newsletterFile);
  const dialect = generic ? undefined : readNewsletterFile(readFileSync(newsletterFile, 'utf8'), 'content/newsletter.yml').dialect;
  const options = { vocabulary, dialect };
  if (generic) console.log('(the Alignment Newsletter read without its newsletter file)');
  const { rows } = parseDatabase(readFileSync(path.join(corpus, 'an-database.csv'), 'utf8'), 'an-database.csv', rulesFor(options).series);
  const rowsPerIssue = new Map<number, number>();
  for (const r of rows) if (r.issue !== null) rowsPerIssue.set(r.issue, (rowsPerIssue.get(r.issue) ?? 0) + 1);
  const lastRecorded = Math.max(...[...rowsPerIssue].filter(([, count]) => count > 1).map(([n]) => n));
  const table: string[] = [];

  // The real archive, in each form; the page text (`text/`) is the haystack for every form, so all three skip the same rows.
  const real = path.join(corpus, 'real');
  if (existsSync(real)) {
    const forms = ['html', 'text', 'flat'].filter((f) => (!onlyForm && !layoutOnly) || onlyForm === f);
    for (const form of forms) {
      const dir = path.join(real, form);
      const files: RawFile[] = readdirSync(dir)
        .filter((f) => /\.(html|txt)$/.test(f))
        .sort()
        .map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') }));
      const { issues } = parseArchive(files, options);
      const byEra = new Map<string, Tally>();
      const total = tally();
      const misses: string[] = [];
      for (const issue of issues) {
        const textFile = path.join(real, 'text', issue.file.replace(/\.html$/, '.txt'));
        const scored = scoreIssue(issue, readFileSync(textFile, 'utf8'), rows, vocabulary, lastRecorded);
        misses.push(...scored.misses);
        const era = eraOf(issue.number);
        if (!byEra.has(era)) byEra.set(era, tally());
        add(byEra.get(era)!, scored.tally);
        add(total, scored.tally);
      }
      console.log(`\n## real/${form}\n`);
      for (const m of misses) console.log(m);
      table.push(row(`**${form}**`, total));
      for (const era of ERAS) if (byEra.has(era)) table.push(row(`${form} ${era}`, byEra.get(era)!));
    }
  }

  // The Markdown export of AN #79–#100, as before.
  if ((!onlyForm && !layoutOnly) || onlyForm === 'markdown') {
    const dir = path.join(corpus, 'issues');
    const files: RawFile[] = readdirSync(dir)
      .filter((f) => /\.(md|txt)$/.test(f))
      .sort()
      .map((f) => {
        const exported = readFileSync(path.join(dir, f), 'utf8');
        const text =
          layout === 'markdown' ? exported : asPlain(exported, layout.startsWith('flat'), !layout.endsWith('-title'), vocabulary);
        return { file: f, text };
      });
    const { issues } = parseArchive(files, options);
    const total = tally();
    console.log(`\n## issues (Markdown export${layout === 'markdown' ? '' : ` as ${layout}`})\n`);
    for (const issue of issues) {
      const scored = scoreIssue(issue, files.find((f) => f.file === issue.file)!.text, rows, vocabulary, lastRecorded);
      for (const m of scored.misses) console.log(m);
      add(total, scored.tally);
    }
    table.push(row(`markdown export${layout === 'markdown' ? '' : ` as ${layout}`} (AN #79–#100)`, total));
  }

  // A link newsletter, read as a new user would: no newsletter file, no categories.yml.
  const links = path.join(corpus, 'other', 'last-week-in-ai');
  let linkTable: string[] = [];
  if ((!onlyForm || onlyForm === 'links') && existsSync(links)) {
    console.log('\n## other/last-week-in-ai (against the reference reading)\n');
    const scores = scoreLinkNewsletter(links, { vocabulary: parseCategories('') }, linkEra, (line) => console.log(line));
    linkTable = linkScoreTable('last-week-in-ai', scores);
  }

  if (table.length > 0) {
    console.log(`\n${HEADER}\n${table.join('\n')}`);
    console.log(
      '\nrecall: database entries found; precision: parsed entries that are in the database; the other columns: share that agree (misses in brackets).',
    );
    console.log('category is scored for non-highlights, and for highlights whose topic the issue names.');
  }
  if (linkTable.length > 0) {
    console.log(`\n${linkTable.join('\n')}`);
    console.log(
      '\nrecall: reference items the parser finds; precision: parsed items the reference has; the other columns: share that agree, of the items both find (misses in brackets).',
    );
  }
}

/** The link newsletter's eras (../shared/corpus/other/README.md): its first name, then its years. */
function linkEra(ref: ReferenceIssue): string {
  const year = Number(ref.file.slice(0, 4));
  if (/skynet/i.test(ref.title ?? '')) return '1: 2018–19 (first name)';
  return year <= 2021 ? '2: 2019–21' : '3: 2022–26';
}

main();
