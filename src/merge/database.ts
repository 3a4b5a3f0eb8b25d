/**
 * The newsletter's own database (its public spreadsheet of every summary, exported as CSV) as typed
 * rows, each with the line it starts on. Pure: it gets the file's text and name, reads nothing.
 *
 *   Category,Highlight?,Title,Authors,Venue,Year,H/T,Email,Summarizer,Summary,My opinion,Prerequisites,Read more,URL
 *   Interpretability,,A paper title,"Ada Lovelace, Alan Turing",arXiv,2019.0,,WR #62,Ada,...,https://...
 *
 * A bad row becomes a warning naming the file and line and is left out; the other rows are kept.
 * A header without the columns the merge reads is an error for the whole file (DatabaseError).
 */
import { parse } from 'csv-parse/sync';
import { splitNames } from '../parse/authors.ts';
import { firstLinkUrl } from '../parse/markup.ts';
import type { ParseWarning } from '../records/types.ts';
import { escapeRegExp } from '../records/dialect.ts';
import { isWebAddress, parseWebAddress } from '../records/web-address.ts';

/** One row of the database: one summary as the newsletter's spreadsheet records it. */
export interface DatabaseRow {
  /** 1-based line of the CSV file the row starts on (a quoted cell may span lines). */
  readonly line: number;
  /** The issue number from `Email` (`WR #62` -> 62, in the newsletter's series); null for rows of other series (`Recon #5`) or none. */
  readonly issue: number | null;
  /** `Email` as written (`WR #62`). */
  readonly email: string;
  /** `Title`, spaces collapsed. */
  readonly title: string;
  /** `Authors` as written (`Ada Lovelace*, Alan Turing`), spaces collapsed; "" when empty. */
  readonly authors: string;
  /** `Venue` (`arXiv`, `Alignment Forum`); null when empty. */
  readonly venue: string | null;
  /** `Year` (`2019` or the spreadsheet's `2019.0`); null when empty. */
  readonly year: number | null;
  /** `Category`: the innermost heading the summary stood under; a highlight's row holds its topic. */
  readonly category: string;
  /** `Highlight?` is `Highlight` (or yes / true / x / 1). */
  readonly highlight: boolean;
  /** `H/T`. */
  readonly hatTip: string;
  /** `Summarizer` as written (`Ada`, `Asya/Ada`); "" in early issues. */
  readonly summarizer: string;
  /** `Summary` (Markdown). */
  readonly summary: string;
  /** `My opinion` (Markdown): the summarizer's opinion, sometimes followed by `**Name's opinion:** ...`. */
  readonly opinion: string;
  /** `Prerequisites` (Markdown). */
  readonly prerequisites: string;
  /** `Read more` (Markdown). */
  readonly readMore: string;
  /** `URL` when it is an http(s) address; when the cell is empty, the Title's first link (`[A](u1) and [B](u2)`); null otherwise. */
  readonly url: string | null;
}

/** A parsed database file. */
export interface Database {
  /** The file's name as given (`database.csv`), used in warnings and the reconciliation report. */
  readonly file: string;
  /** Good rows, in file order. */
  readonly rows: readonly DatabaseRow[];
  /** One per row left out or value ignored, with the file and line. */
  readonly warnings: readonly ParseWarning[];
}

/** Thrown when the file cannot serve as the database at all (no header, or columns the merge reads are missing). */
export class DatabaseError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** Columns the merge reads: a file without one of them is not the newsletter's database. */
export const REQUIRED_COLUMNS = ['Category', 'Highlight?', 'Title', 'Authors', 'Venue', 'Year', 'Email', 'Summarizer', 'URL'] as const;
/** Columns carried along when present (text of the summary itself). */
export const OPTIONAL_COLUMNS = ['H/T', 'Summary', 'My opinion', 'Prerequisites', 'Read more'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Header cells compared without case, spaces or a trailing `?`: `highlight`, ` Highlight? `, `URL` and `url` all count. */
const columnKey = (name: string): string => name.toLowerCase().replace(/[\s?]+/g, '');

/**
 * The issue an `Email` cell names, in the newsletter's series (`series`: the words its citations
 * put before `#`, from newsletter.yml): with `WR`, `WR #62`, `WR#62`, `wr # 62` -> 62 and anything
 * else (`Recon #5`, empty) -> null. With no series, a number alone: `#62`, `62`, `Issue 62`.
 */
export function issueNumberOf(email: string, series: string | null = null): number | null {
  const words = series?.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  const pattern = words ? new RegExp(`^${words}\\s*#\\s*(\\d+)$`, 'i') : /^(?:issue\s*|no\.?\s*)?#?\s*(\d+)$/i;
  const m = pattern.exec(email.trim());
  return m ? Number(m[1]) : null;
}

/** The names in a `Summarizer` cell: `Asya/Ada`, `Ada and Flo`, `Ada + Flo` -> each name; [] for an empty cell. */
export function summarizersOf(cell: string): string[] {
  return cell.split('+').flatMap(splitNames);
}

/** The text when it is an absolute http(s) URL; null otherwise (`javascript:`, a bare domain, text). */
export function httpUrl(text: string | null | undefined): string | null {
  const t = (text ?? '').trim();
  return isWebAddress(t) && parseWebAddress(t) !== null ? t : null;
}

/** `2019`, or the spreadsheet's `2019.0`. */
const YEAR = /^(\d{4})(?:\.0+)?$/;
const HIGHLIGHT_YES = new Set(['highlight', 'highlighted', 'yes', 'y', 'true', 'x', '1']);
const HIGHLIGHT_NO = new Set(['', 'no', 'n', 'false', '0']);

const oneLine = (cell: string): string => cell.replace(/\s+/g, ' ').trim();
const block = (cell: string): string => cell.replace(/\r\n?/g, '\n').trim();

/** What csv-parse gives for each record with `info` and `raw` on (its typings do not infer it). */
interface CsvRecord {
  record: string[];
  info: { lines: number };
  raw?: string;
}

/**
 * The line a record starts on: csv-parse reports the line it ends on, and its raw text may begin
 * with the blank lines skipped before it (`\n7,8\n` for a record on line 6 after an empty line 5).
 */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^(?:\r?\n|\r)+/, '').replace(/(?:\r?\n|\r)$/, '');
  return endLine - (body.match(/\r?\n|\r/g)?.length ?? 0);
}

/** One CSV record and the line it starts on. */
interface LineRecord {
  line: number;
  record: string[];
}

/** The options every read of the file shares. */
const CSV_OPTIONS = { bom: true, relax_column_count: true, relax_quotes: true } as const;

/** A header's cells, or fewer: a trailing comma's empty cells past the header do not count. */
const cellCount = (record: string[], width: number): number =>
  record.length > width && record.slice(width).every((c) => c.trim() === '') ? width : record.length;

/** One physical line read as a row on its own: as CSV, else (a stray quote in it) with quotes taken as text. */
function lineAsRow(text: string, width: number): string[] | null {
  for (const quote of ['"', false] as const) {
    try {
      const records = parse(text, { ...CSV_OPTIONS, quote }) as string[][];
      if (records.length === 1 && cellCount(records[0]!, width) === width) return records[0]!;
    } catch {
      // not one row with this reading: try the next
    }
  }
  return null;
}

/**
 * True when a line inside a record's quoted cell is a whole row of its own: as many cells as the
 * header, the first one not empty, and the cells that have a shape (Year, Highlight?, URL) each
 * empty or of that shape. A cell of prose that spans lines (a summary's paragraphs) does not look
 * like that, even with many commas; the rows a stray quote swallowed do.
 */
function looksLikeRow(text: string, width: number, shaped: Map<Column, number>): boolean {
  let commas = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) commas++;
  if (commas < width - 1) return false;
  const row = lineAsRow(text, width);
  if (row === null || row[0]!.trim() === '') return false;
  const cell = (column: Column): string => {
    const at = shaped.get(column);
    return at === undefined ? '' : (row[at] ?? '').trim();
  };
  const year = cell('Year');
  const highlight = cell('Highlight?').toLowerCase();
  const url = cell('URL');
  return (
    (year === '' || YEAR.test(year)) &&
    (HIGHLIGHT_YES.has(highlight) || HIGHLIGHT_NO.has(highlight)) &&
    (url === '' || httpUrl(url) !== null)
  );
}

/**
 * Reads the database from the text of its CSV file. Never throws on a bad row: a record that is not
 * valid CSV, has a different number of cells than the header, or has no title is left out with a
 * warning; a bad Year, Highlight? or URL value is ignored with a warning and the row kept.
 * A quote that opens a cell and is never closed, or closes only on a later line that is a row of
 * its own (the rows between would become one cell of text), is taken as a stray quote: those lines
 * are read one row per line, each kept when it is a whole row, with a warning naming the lines.
 * Throws DatabaseError when the header lacks a column the merge reads.
 */
/** `series`: the words the newsletter's citations put before `#` (`WR`), which its `Email` cells name issues by. */
export function parseDatabase(text: string, file: string, series: string | null = null): Database {
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ file, line, message });
  };
  const skipped: { line: number; reason: string }[] = [];
  const parsed: unknown = parse(text, {
    ...CSV_OPTIONS,
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error)
        skipped.push({ line: typeof error.lines === 'number' ? error.lines : 0, reason: error.message.replace(/ at line \d+/, '') });
      return undefined;
    },
  });
  const records = (Array.isArray(parsed) ? parsed : []) as CsvRecord[];
  const first = records[0];
  if (first === undefined) throw new DatabaseError(file, `no header row: the database needs the columns ${REQUIRED_COLUMNS.join(', ')}`);
  const header = first.record.map((cell) => columnKey(cell));
  const where = new Map<Column, number>();
  for (const column of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const at = header.indexOf(columnKey(column));
    if (at >= 0) where.set(column, at);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !where.has(c));
  if (missing.length > 0) {
    throw new DatabaseError(
      file,
      `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} in the header (line ${startLine(first.info.lines, first.raw ?? '')})`,
    );
  }

  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  /** Lines `from`..`to` (1-based) read one row per line: the whole rows, and a warning for each other line with text. */
  const lineByLine = (from: number, to: number): LineRecord[] => {
    const out: LineRecord[] = [];
    for (let line = from; line <= to; line++) {
      const content = physical[line - 1] ?? '';
      if (content.trim() === '') continue;
      const record = lineAsRow(content, header.length);
      if (record) out.push({ line, record });
      else warn(line, 'this line is not a whole row (a part of the cell a stray quote opened): left out');
    }
    return out;
  };

  const rowRecords: LineRecord[] = [];
  for (const { record, info, raw } of records.slice(1)) {
    const line = startLine(info.lines, raw ?? '');
    const end = info.lines;
    if (end > line) {
      const inside = physical.slice(line, end);
      const swallowed = inside.findIndex((l) => looksLikeRow(l, header.length, where));
      if (swallowed >= 0) {
        warn(
          line,
          `a quote opened in this row runs on to line ${line + 1 + swallowed}, which is a row of its own: ` +
            `lines ${line}-${end} are read one row per line (check the quotes on line ${line})`,
        );
        rowRecords.push(...lineByLine(line, end));
        continue;
      }
    }
    rowRecords.push({ line, record });
  }
  // csv-parse reports where it gave up (a quote never closed); the stretch it dropped starts after the last record it kept.
  for (const { line, reason } of skipped) {
    const from = Math.max(0, ...records.map((r) => r.info.lines).filter((end) => end < line)) + 1;
    warn(from, `${from < line ? `lines ${from}-${line} are` : 'the row is'} not valid CSV (${reason}): read one row per line`);
    rowRecords.push(...lineByLine(from, line));
  }
  rowRecords.sort((x, y) => x.line - y.line);

  const rows: DatabaseRow[] = [];
  for (const { line, record } of rowRecords) {
    // Cells past the header's are harmless when empty (a trailing comma); text there means a cell was split.
    if (record.length < header.length || record.slice(header.length).some((c) => c.trim() !== '')) {
      warn(line, `the row has ${record.length} cells, the header has ${header.length}: the row is left out`);
      continue;
    }
    const cell = (column: Column): string => {
      const at = where.get(column);
      return at === undefined ? '' : (record[at] ?? '');
    };
    const title = oneLine(cell('Title'));
    if (title === '') {
      warn(line, 'the row has no Title: it cannot be matched to a summary and is left out');
      continue;
    }
    const yearText = cell('Year').trim();
    const yearMatch = YEAR.exec(yearText);
    if (yearText !== '' && !yearMatch) warn(line, `Year "${yearText}" is not a year: ignored`);
    const highlightText = cell('Highlight?').trim().toLowerCase();
    if (!HIGHLIGHT_YES.has(highlightText) && !HIGHLIGHT_NO.has(highlightText)) {
      warn(line, `Highlight? "${cell('Highlight?').trim()}" is neither empty nor "Highlight": read as not a highlight`);
    }
    const urlText = cell('URL').trim();
    // A row for two posts under one header has no URL, and its Title links each: `[A](u1) and [B](u2)`.
    const url = urlText === '' ? httpUrl(firstLinkUrl(title)) : httpUrl(urlText);
    if (urlText !== '' && url === null) warn(line, `URL "${urlText}" is not an http(s) address: ignored`);
    const email = oneLine(cell('Email'));
    rows.push(
      Object.freeze({
        line,
        issue: issueNumberOf(email, series),
        email,
        title,
        authors: oneLine(cell('Authors')),
        venue: oneLine(cell('Venue')) || null,
        year: yearMatch ? Number(yearMatch[1]) : null,
        category: oneLine(cell('Category')),
        highlight: HIGHLIGHT_YES.has(highlightText),
        hatTip: oneLine(cell('H/T')),
        summarizer: oneLine(cell('Summarizer')),
        summary: block(cell('Summary')),
        opinion: block(cell('My opinion')),
        prerequisites: block(cell('Prerequisites')),
        readMore: block(cell('Read more')),
        url,
      }),
    );
  }
  return { file, rows, warnings: warnings.sort((a, b) => a.line - b.line) };
}
