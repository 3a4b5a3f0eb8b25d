/**
 * summaries.json and summaries.csv: one record per entry, with the raw Markdown and the public
 * URLs, and the files' bytes built from one row per record. Pure: the build keeps each record's
 * row for as long as the record lives (src/io/export-rows.ts), so the files are the
 * concatenation of rows, byte for byte what one pass over all records gives.
 */
import { stringify } from 'csv-stringify/sync';
import type { Entry, Issue } from '../../records/types.ts';
import type { PaperInfoView } from '../archive/entry.ts';
import { numberLabel } from '../text/format.ts';
import { addressOf, routes } from '../routes.ts';

/** One row of summaries.json / summaries.csv. */
export interface SummaryRecord {
  issue_id: string;
  issue_number: number | null;
  /** The issue's number as the newsletter writes it (`WR #98`, else `#98`); null when unknown. */
  issue_label: string | null;
  issue_date: string | null;
  issue_title: string | null;
  entry_id: string;
  title: string;
  /** Every author, one name each: the text's, completed from the newsletter's database. */
  authors: string[];
  /** The list names only some of the authors (`et al`). */
  authors_et_al: boolean;
  /** The paper itself: the title's link in the text, else the database's URL; null when unknown. */
  paper_url: string | null;
  venue: string | null;
  year: number | null;
  summarizers: string[];
  /** Hat tips in the header (`(via X)`): who pointed the newsletter to it. */
  hat_tips: string[];
  /** Heading path as the issue printed it (a highlight's starts with the highlights heading). */
  category: string[];
  /** Heading path of its topic, never the highlights heading: the text's, else the database's; [] when unknown. */
  topic: string[];
  highlight: boolean;
  summary: string;
  opinions: { by: string; text: string }[];
  read_more: string[];
  prerequisites: string[];
  references: number[];
  url: string;
  /** The summary page of its title (or of the same paper under another title); null when there is none. */
  summary_page: string | null;
}

export interface SummaryRecordInput {
  issue: Issue;
  entry: Entry;
  /** The paper as the entry's view shows it. */
  paper: PaperInfoView;
  /** The entry on its issue page, as an absolute URL. */
  entryCanonical: string;
  /** The slug of the summary page it links to, or null (`summaryPages`). */
  summaryPage: string | null;
  /** The issue's number as the site shows it (`IssueRef.numberLabel`). */
  issueLabel?: string;
  siteUrl: string;
  /** Its topic's heading path (the merged paper's `topic`). */
  topic?: readonly string[];
}

export function summaryRecord({
  issue,
  entry,
  paper,
  entryCanonical,
  summaryPage,
  issueLabel,
  siteUrl,
  topic = [],
}: SummaryRecordInput): SummaryRecord {
  return {
    issue_id: issue.id,
    issue_number: issue.number,
    issue_label: issue.number === null ? null : (issueLabel ?? numberLabel(issue.number)),
    issue_date: issue.date,
    issue_title: issue.title,
    entry_id: entry.id,
    title: entry.title,
    authors: paper.authors.map((a) => a.label),
    authors_et_al: paper.etAl,
    paper_url: paper.href,
    venue: paper.venue,
    year: paper.year === null ? null : Number(paper.year),
    summarizers: entry.summarizers,
    hat_tips: entry.hatTips,
    category: entry.category,
    topic: [...topic],
    highlight: entry.highlight,
    summary: entry.summary,
    opinions: entry.opinions.map((o) => ({ by: o.by, text: o.text })),
    read_more: entry.readMore,
    prerequisites: entry.prerequisites,
    references: entry.references,
    url: entryCanonical,
    summary_page: summaryPage === null ? null : addressOf(routes.paper(summaryPage), siteUrl).canonical,
  };
}

/** Columns of summaries.csv, in order; list fields are joined with `; `. */
export const CSV_COLUMNS: (keyof SummaryRecord)[] = [
  'issue_id',
  'issue_number',
  'issue_date',
  'issue_title',
  'entry_id',
  'title',
  'authors',
  'authors_et_al',
  'paper_url',
  'venue',
  'year',
  'summarizers',
  'hat_tips',
  'category',
  'topic',
  'highlight',
  'summary',
  'opinions',
  'read_more',
  'prerequisites',
  'references',
  'url',
  'summary_page',
];

function text(value: SummaryRecord[keyof SummaryRecord]): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    return value
      .map((item: string | number | { by: string; text: string }) => (typeof item === 'object' ? `${item.by}: ${item.text}` : String(item)))
      .join(typeof value[0] === 'object' ? '\n\n' : '; ');
  }
  return String(value);
}

/**
 * A CSV cell. Text starting with `=`, `+`, `-`, `@`, tab or CR is read as a formula by
 * spreadsheets (a summary can start with `- ` or `=`): such cells get a leading `'`, the usual
 * guard against formula injection. summaries.json keeps the text unchanged.
 */
export function csvCell(value: SummaryRecord[keyof SummaryRecord]): string {
  const cell = text(value);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** `Ada's opinion` from `Ada`. */
const opinionLabel = (by: string): string => `**${by}'s opinion:**`;

/**
 * The newsletter's own spreadsheet's columns (database.csv), after the record's own, with the
 * spreadsheet's names and as it writes them, so a summaries.csv opens where the spreadsheet
 * did: `Category` is the innermost topic heading, `Highlight?` is `Highlight` or empty, `Email`
 * the issue (`WR #98`), `Summarizer` the names joined with `/`, `My opinion` the summarizer's
 * opinion with any other's after it as `**Name's opinion:** ...`, `URL` the paper's link.
 */
export const SPREADSHEET_COLUMNS: readonly { name: string; value: (record: SummaryRecord) => string | null }[] = [
  { name: 'Category', value: (r) => r.topic.at(-1) ?? (r.highlight ? null : r.category.at(-1)) ?? null },
  { name: 'Highlight?', value: (r) => (r.highlight ? 'Highlight' : null) },
  { name: 'Title', value: (r) => r.title },
  { name: 'Authors', value: (r) => (r.authors.length === 0 ? null : `${r.authors.join(', ')}${r.authors_et_al ? ' et al' : ''}`) },
  { name: 'Venue', value: (r) => r.venue },
  { name: 'Year', value: (r) => (r.year === null ? null : String(r.year)) },
  { name: 'H/T', value: (r) => (r.hat_tips.length === 0 ? null : r.hat_tips.join(', ')) },
  { name: 'Email', value: (r) => r.issue_label },
  { name: 'Summarizer', value: (r) => (r.summarizers.length === 0 ? null : r.summarizers.join('/')) },
  { name: 'Summary', value: (r) => r.summary },
  {
    name: 'My opinion',
    value: (r) => {
      if (r.opinions.length === 0) return null;
      const [first, ...rest] = r.opinions;
      const own = r.summarizers.length === 0 || r.summarizers.includes(first!.by);
      return [own ? first!.text : `${opinionLabel(first!.by)} ${first!.text}`, ...rest.map((o) => `${opinionLabel(o.by)} ${o.text}`)].join(
        '\n\n',
      );
    },
  },
  { name: 'Prerequisites', value: (r) => (r.prerequisites.length === 0 ? null : r.prerequisites.join('\n\n')) },
  { name: 'Read more', value: (r) => (r.read_more.length === 0 ? null : r.read_more.join('\n\n')) },
  { name: 'URL', value: (r) => r.paper_url },
];

/** The header row of summaries.csv: the record's columns, then the spreadsheet's. */
export const CSV_HEADER = stringify([], {
  header: true,
  columns: [...CSV_COLUMNS.map((c) => String(c)), ...SPREADSHEET_COLUMNS.map((c) => c.name)],
});

/** One record's row of summaries.csv, RFC 4180 quoting by csv-stringify. */
export function csvRow(record: SummaryRecord): string {
  return stringify([
    [...CSV_COLUMNS.map((column) => csvCell(record[column])), ...SPREADSHEET_COLUMNS.map((c) => csvCell(c.value(record)))],
  ]);
}

/**
 * One record as summaries.json holds it: two levels deep in the file, every line of the record
 * moves two spaces in. (A newline inside a JSON string is written as `\n`, so only the layout's
 * own newlines are matched.)
 */
export function jsonItem(record: SummaryRecord): string {
  return `  ${JSON.stringify(record, null, 1).replaceAll('\n', '\n  ')}`;
}

/** summaries.csv from each record's row: a header row, then the rows. */
export function summariesCsv(rows: readonly string[]): string {
  return CSV_HEADER + rows.join('');
}

/** summaries.json from each record's item: `{ "summaries": [...] }`, pretty enough to diff (one space per level). */
export function summariesJson(items: readonly string[]): string {
  if (items.length === 0) return `${JSON.stringify({ summaries: [] }, null, 1)}\n`;
  return `{\n "summaries": [\n${items.join(',\n')}\n ]\n}\n`;
}
