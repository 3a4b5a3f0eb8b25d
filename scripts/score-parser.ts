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
import { parse as parseCsv } from 'csv-parse/sync';
import { parseCategories, type Vocabulary } from '../src/categories.ts';
import { parseNewsletter } from '../src/parse.ts';
import { stripMarkup } from '../src/parse/markup.ts';
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

interface Row {
  Category: string;
  'Highlight?': string;
  Title: string;
  Summarizer: string;
  'My opinion': string;
  Email: string;
}

/** Titles compared without case, markup, punctuation or spacing differences. */
export function normTitle(text: string): string {
  return stripMarkup(text)
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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
  const rows = parseCsv(readFileSync(path.join(corpus, 'an-database.csv'), 'utf8'), { columns: true }) as Row[];
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
    const haystack = ` ${normTitle(text)} `;
    const issueRows = rows.filter((r) => r.Email.trim() === `AN #${issue.number}`);
    const absent = issueRows.filter((r) => !haystack.includes(` ${normTitle(r.Title)} `));
    const expected = issueRows.filter((r) => !absent.includes(r));
    present += expected.length;
    parsed += issue.entries.length;
    const unmatched = new Set<Entry>(issue.entries);
    for (const row of expected) {
      const key = normTitle(row.Title);
      const entry =
        issue.entries.find((e) => unmatched.has(e) && normTitle(e.title) === key) ??
        issue.entries.find((e) => unmatched.has(e) && (normTitle(e.title).includes(key) || key.includes(normTitle(e.title))));
      if (!entry) {
        misses.push(`${file}: NOT FOUND  "${row.Title}" (${row.Category})`);
        continue;
      }
      unmatched.delete(entry);
      found++;
      const check = (name: keyof typeof agree, ok: boolean, detail: string): void => {
        agree[name].of++;
        if (ok) agree[name].ok++;
        else misses.push(`${file}:${entry.line}: ${name} differs for "${row.Title}": ${detail}`);
      };
      const rowNames = row.Summarizer.trim() ? row.Summarizer.split(/\s*(?:\/|,|\band\b)\s*/) : [];
      check('summarizers', firstNames(rowNames).join() === firstNames(entry.summarizers).join(), `database "${row.Summarizer}", parsed ${JSON.stringify(entry.summarizers)}`);
      const rowHighlight = row['Highlight?'].trim().toLowerCase() === 'highlight';
      check('highlight', rowHighlight === entry.highlight, `database ${rowHighlight}, parsed ${entry.highlight}`);
      if (!rowHighlight) {
        const canonical = vocabulary.lookup(row.Category)?.label ?? row.Category;
        const innermost = entry.category[entry.category.length - 1] ?? '';
        check('category', canonical.toLowerCase() === innermost.toLowerCase(), `database "${canonical}", parsed ${JSON.stringify(entry.category)}`);
      }
      const rowOpinion = row['My opinion'].trim() !== '';
      check('opinion', rowOpinion === entry.opinions.length > 0, `database ${rowOpinion ? 'has' : 'has no'} opinion, parsed ${entry.opinions.length}`);
    }
    for (const entry of unmatched) {
      invented++;
      misses.push(`${file}:${entry.line}: NOT IN DATABASE  "${entry.title}" (${entry.category.join(' > ')})`);
    }
    for (const row of absent) if (!quiet) misses.push(`${file}: (database row not in the text, ignored) "${row.Title}"`);
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
