/**
 * The newsletter's own database (an-database.csv: one row per published summary) as IssueSpecs,
 * so a benchmark or test corpus carries real titles, authors, summaries and opinions.
 * Reads nothing itself: it gets the CSV text. Rows are grouped by `Email` (`AN #62`); rows
 * without an issue number (`Recon #5`, empty) are skipped.
 */
import type { Vocabulary } from '../../src/records/categories.ts';
import { parseDatabase, summarizersOf, type DatabaseRow } from '../../src/merge/database.ts';
import { firstLinkUrl, stripMarkup } from '../../src/parse/markup.ts';
import type { EntrySpec, IssueSpec, OpinionSpec, SectionSpec } from './spec.ts';
import { referencesIn } from './spec.ts';
import { issueDate } from './random.ts';

export interface DatabaseOptions {
  /** Resolves a row's `Category` (innermost heading) to its canonical heading path; without it the path is `[Category]`. */
  vocabulary?: Vocabulary;
  /** Who writes `My opinion:` paragraphs. Default "Rohin". */
  editor?: string;
}

/**
 * The `My opinion` cell is the summarizer's opinion; when someone else added one, it follows as
 * `**Rohin's opinion:** ...` in the same cell. Split those into separate opinions.
 */
function opinionsOf(cell: string, summarizer: string | undefined, editor: string): OpinionSpec[] {
  if (cell === '') return [];
  const parts = cell.split(/\n\s*\n\s*\*\*([^*\n]{1,40}?)['\u2019]s opinion:\*\*\s*/);
  const out: OpinionSpec[] = [];
  const first = parts[0]?.trim() ?? '';
  if (first !== '')
    out.push(summarizer === undefined ? { by: editor, text: first, label: 'my' } : { by: summarizer, text: first, label: 'possessive' });
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const text = (parts[i + 1] ?? '').trim();
    if (text !== '') out.push({ by: (parts[i] ?? editor).trim(), text, label: 'possessive' });
  }
  return out;
}

/**
 * A title cell written as links (`[A](u1) and [B](u2)`: two posts under one header) as the
 * generator writes a title: the text of the links (`A and B`), as the parser reads such a header.
 * Its address is the row's: the database reader takes a link-made title's first link as the URL.
 * A bracket that is no link stays.
 */
function plainTitle(cell: string): string {
  return firstLinkUrl(cell) === null ? cell : stripMarkup(cell);
}

function entryOf(row: DatabaseRow, path: string[], editor: string, number: number): EntrySpec {
  const title = plainTitle(row.title);
  const summary = row.summary === '' ? [] : [row.summary];
  const named = summarizersOf(row.summarizer);
  const opinions = opinionsOf(row.opinion, named[0], editor);
  const prerequisites = row.prerequisites === '' ? [] : [row.prerequisites];
  const readMore = row.readMore === '' ? [] : [row.readMore];
  const highlight = row.highlight;
  return {
    title,
    authors: row.authors === '' ? null : row.authors,
    // A header standing alone ("see also") never says who summarized it.
    summarizers: summary.length === 0 ? [] : named,
    // The first issues (before AN #40) named no summarizer: all were the editor's.
    tagged: summary.length > 0 && named.length > 0 && number >= 40,
    topic: null,
    hatTips: row.hatTip === '' ? [] : [row.hatTip],
    category: highlight ? ['Highlights'] : path,
    highlight,
    summary,
    opinions,
    readMore,
    prerequisites,
    misspellPrerequisites: false,
    references: referencesIn([...summary, ...opinions.map((o) => o.text), ...prerequisites, ...readMore]),
    url: row.url ?? `https://example.org/search?q=${encodeURIComponent(title)}`,
  };
}

/** Real issues, one per distinct `AN #N`, in number order; entries grouped highlights first, then in vocabulary order. */
export function specsFromDatabase(csvText: string, options: DatabaseOptions = {}): IssueSpec[] {
  const editor = options.editor ?? 'Rohin';
  const vocabulary = options.vocabulary;
  const order = new Map<string, number>();
  vocabulary?.all.forEach((c, i) => {
    order.set(c.label, i);
  });
  const byIssue = new Map<number, DatabaseRow[]>();
  // Rows of other series (`Recon #5`) have no issue number; bad rows are the reader's warnings, not needed here.
  for (const row of parseDatabase(csvText, 'database.csv', 'AN').rows) {
    if (row.issue === null) continue;
    const rows = byIssue.get(row.issue) ?? [];
    rows.push(row);
    byIssue.set(row.issue, rows);
  }
  const pathOf = (label: string): string[] => {
    const found = vocabulary?.lookup(label);
    return found ? (found.parent === null ? [found.label] : [found.parent, found.label]) : [label];
  };
  const rank = (path: string[]): number => order.get(path[path.length - 1] ?? '') ?? Number.MAX_SAFE_INTEGER;
  return [...byIssue.keys()]
    .sort((a, b) => a - b)
    .map((number) => {
      const rows = byIssue.get(number) ?? [];
      const entries = rows.map((row) => ({ row, path: pathOf(row.category) }));
      const highlights = entries.filter((e) => e.row.highlight);
      const rest = entries
        .filter((e) => !e.row.highlight)
        .map((e, i) => ({ ...e, i }))
        .sort((a, b) => rank(a.path) - rank(b.path) || a.i - b.i);
      const sections: SectionSpec[] = [];
      if (highlights.length > 0) {
        sections.push({
          category: ['Highlights'],
          highlight: true,
          entries: highlights.map((e) => entryOf(e.row, e.path, editor, number)),
        });
      }
      for (const e of rest) {
        const last = sections[sections.length - 1];
        const entry = entryOf(e.row, e.path, editor, number);
        if (last && !last.highlight && last.category.join('\u0000') === e.path.join('\u0000')) last.entries.push(entry);
        else sections.push({ category: e.path, highlight: false, entries: [entry] });
      }
      const first = sections[0]?.entries[0];
      return {
        number,
        title: first ? first.title : `Alignment Newsletter #${number}`,
        date: issueDate(number),
        intro: null,
        sections,
        comments: [],
        editor,
      };
    });
}

/**
 * `count` issues from the real ones: the first `count` when there are enough, else all of them
 * followed by repeats under new issue numbers (after the highest real one), so an archive of any
 * size has real text.
 */
export function repeatToCount(specs: IssueSpec[], count: number): IssueSpec[] {
  if (specs.length === 0) return [];
  if (count <= specs.length) return specs.slice(0, count);
  const highest = Math.max(...specs.map((s) => s.number));
  const out = [...specs];
  for (let k = 0; out.length < count; k++) {
    const source = specs[k % specs.length] as IssueSpec;
    const number = highest + k + 1;
    out.push({ ...source, number, date: issueDate(number) });
  }
  return out;
}
