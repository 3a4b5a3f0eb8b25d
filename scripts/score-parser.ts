/**
 * Scores the parser against the newsletter's own database (not part of `npm test`):
 *   npm run score-parser [-- --quiet] [-- --as line|flat|line-title|flat-title]
 * Parses every issue in ../shared/corpus/issues and compares the entries found with the database
 * rows of the same issue: recall, precision, and agreement of summarizers, highlight, category and
 * opinion presence. Prints every miss. Skipped (exit 0) when ../shared/corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCategories, type Vocabulary } from '../src/categories.ts';
import { parseNewsletter } from '../src/parse.ts';
import { stripMarkup } from '../src/parse/markup.ts';
import { parseDatabase, summarizersOf } from '../src/site/database.ts';
import { matchTitles, titleKey } from '../src/site/title-match.ts';
import type { Entry } from '../src/types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus');
const quiet = process.argv.includes('--quiet');
/** `--as line|flat|line-title|flat-title` re-renders each export as scraped plain text first (UPPERCASE headings), to score those layouts on real data. */
const asIndex = process.argv.indexOf('--as');
const layout = asIndex > 0 ? process.argv[asIndex + 1] : 'markdown';

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
  return names.map((n) => n.trim().split(/\s+/)[0]!.toLowerCase()).filter(Boolean).sort();
}

function main(): void {
  if (!existsSync(path.join(corpus, 'an-database.csv'))) {
    console.log('score-parser: ../shared/corpus not found; skipped');
    return;
  }
  const vocabulary = parseCategories(readFileSync(path.join(root, 'content', 'categories.yml'), 'utf8'));
  const { rows } = parseDatabase(readFileSync(path.join(corpus, 'an-database.csv'), 'utf8'), 'an-database.csv');
  const files = readdirSync(path.join(corpus, 'issues')).filter((f) => /\.(md|txt)$/.test(f)).sort();

  let present = 0, found = 0, parsed = 0, invented = 0;
  const agree: Record<'summarizers' | 'highlight' | 'category' | 'opinion', { ok: number; of: number }> = {
    summarizers: { ok: 0, of: 0 },
    highlight: { ok: 0, of: 0 },
    category: { ok: 0, of: 0 },
    opinion: { ok: 0, of: 0 },
  };
  const misses: string[] = [];

  for (const file of files) {
    const exported = readFileSync(path.join(corpus, 'issues', file), 'utf8');
    const text = layout === 'markdown' ? exported : asPlain(exported, layout!.startsWith('flat'), !layout!.endsWith('-title'), vocabulary);
    const issue = parseNewsletter({ file, text }, { vocabulary });
    const haystack = ` ${titleKey(text)} `;
    const issueRows = rows.filter((r) => r.issue === issue.number);
    const absent = issueRows.filter((r) => !haystack.includes(` ${titleKey(r.title)} `));
    const expected = issueRows.filter((r) => !absent.includes(r));
    present += expected.length;
    parsed += issue.entries.length;
    const unmatched = new Set<Entry>(issue.entries);
    const matchedEntry = new Map(matchTitles(issue.entries.map((e) => e.title), expected.map((r) => r.title)).map((m) => [expected[m.row]!, issue.entries[m.entry]!]));
    for (const row of expected) {
      const entry = matchedEntry.get(row);
      if (!entry) {
        misses.push(`${file}: NOT FOUND  "${row.title}" (${row.category})`);
        continue;
      }
      unmatched.delete(entry);
      found++;
      const check = (name: keyof typeof agree, ok: boolean, detail: string): void => {
        agree[name].of++;
        if (ok) agree[name].ok++;
        else misses.push(`${file}:${entry.line}: ${name} differs for "${row.title}": ${detail}`);
      };
      check('summarizers', firstNames(summarizersOf(row.summarizer)).join() === firstNames(entry.summarizers).join(), `database "${row.summarizer}", parsed ${JSON.stringify(entry.summarizers)}`);
      const rowHighlight = row.highlight;
      check('highlight', rowHighlight === entry.highlight, `database ${rowHighlight}, parsed ${entry.highlight}`);
      if (!rowHighlight) {
        const canonical = vocabulary.lookup(row.category)?.label ?? row.category;
        const innermost = entry.category[entry.category.length - 1] ?? '';
        check('category', canonical.toLowerCase() === innermost.toLowerCase(), `database "${canonical}", parsed ${JSON.stringify(entry.category)}`);
      }
      const rowOpinion = row.opinion !== '';
      check('opinion', rowOpinion === entry.opinions.length > 0, `database ${rowOpinion ? 'has' : 'has no'} opinion, parsed ${entry.opinions.length}`);
    }
    for (const entry of unmatched) {
      invented++;
      misses.push(`${file}:${entry.line}: NOT IN DATABASE  "${entry.title}" (${entry.category.join(' > ')})`);
    }
    for (const row of absent) if (!quiet) misses.push(`${file}: (database row not in the text, ignored) "${row.title}"`);
  }

  const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
  for (const m of misses) console.log(m);
  console.log('');
  console.log(`issues: ${files.length}`);
  console.log(`recall: ${found}/${present} database entries found (${pct(found, present)})`);
  console.log(`precision: ${parsed - invented}/${parsed} parsed entries are in the database (${pct(parsed - invented, parsed)}); ${invented} not in it`);
  for (const [name, { ok, of }] of Object.entries(agree)) console.log(`${name}: ${ok}/${of} agree (${pct(ok, of)})`);
}

main();
