/**
 * The archive's dates file (`issues.csv` in the content dir): one row per issue, giving what its
 * raw file does not say, or says wrongly: its date, title and the address it was published at.
 * Pure: it gets the file's text and name, reads nothing.
 *
 *   file,number,date,title,url
 *   wr-101.html,,2020-05-27,Why we should rigorously measure and forecast AI progress,https://www.alignmentforum.org/posts/...
 *   ,102,2020-06,,
 *
 * A row names its issue by `file` (the newsletter file's name, or its path under `newsletters/`)
 * or by `number`; `date` is a day (`2020-05-27`), or only a month (`2020-05`) or a year (`2020`)
 * when that is all that is known; every other cell may be empty. The header names the columns, in
 * any order and case (`source` is read as `url`). A bad cell is a warning naming the file and line
 * and is ignored; the rest of the row is kept. Lines starting with `#` are comments.
 */
import { parse } from 'csv-parse/sync';
import type { DateBounds, ParseWarning } from '../records/types.ts';
import { isWebAddress } from '../records/web-address.ts';

/** One row of the dates file, checked. */
export interface IssuesRow {
  /** 1-based line of the file the row starts on. */
  readonly line: number;
  /** `file` as written, `/` separators, no leading `./` or `newsletters/`; null when empty. */
  readonly file: string | null;
  /** `number`; null when empty. */
  readonly number: number | null;
  /** A whole date (YYYY-MM-DD); null when the cell is empty, partial or bad. */
  readonly date: string | null;
  /** A month or a year without the day: what is known of the date, short of one. */
  readonly bounds: DateBounds | null;
  /** The `date` cell as written, for messages. */
  readonly dateText: string;
  readonly title: string | null;
  /** An http(s) address; null when empty or not one. */
  readonly url: string | null;
}

export interface IssuesFile {
  /** The file's name as given (`content/issues.csv`), in warnings. */
  readonly file: string;
  readonly rows: readonly IssuesRow[];
  readonly warnings: readonly ParseWarning[];
}

const COLUMNS = ['file', 'number', 'date', 'title', 'url'] as const;
type Column = (typeof COLUMNS)[number];
const ALIASES: Record<string, Column> = { source: 'url', issue: 'number' };

/** `Number` -> `number`, ` URL ` -> `url`, `source` -> `url`. */
function column(cell: string): Column | null {
  const key = cell.trim().toLowerCase();
  if ((COLUMNS as readonly string[]).includes(key)) return key as Column;
  return ALIASES[key] ?? null;
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A date cell: `2020-05-27` a day, `2020-05` a month, `2020` a year; null when it is none of
 * these (a day that is not in the calendar, `2020-13`).
 */
export function readDateCell(text: string, from: string): { date: string } | { bounds: DateBounds } | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) {
    return {
      bounds: {
        notBefore: { date: `${year}-01-01`, precision: 'year', from },
        notAfter: { date: `${year}-12-31`, precision: 'year', from },
      },
    };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) {
    return {
      bounds: {
        notBefore: { date: `${year}-${pad(month)}-01`, precision: 'month', from },
        notAfter: { date: `${year}-${pad(month)}-${pad(daysIn(year, month))}`, precision: 'month', from },
      },
    };
  }
  const day = Number(m[3]);
  if (day < 1 || day > daysIn(year, month)) return null;
  return { date: `${year}-${pad(month)}-${pad(day)}` };
}

/** `./newsletters/wr-001.html` -> `wr-001.html`: a file cell as the issues' paths end. */
function fileCell(text: string): string | null {
  const file = text
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/^newsletters\//, '');
  return file === '' ? null : file;
}

type CsvRecord = { record: string[]; info: { lines: number }; raw?: string };

/** The line a record starts on, from the line csv-parse reports it ending on. */
function startLine(record: CsvRecord): number {
  // A comment line before the record is in its raw text: it is not where the record starts.
  const body = (record.raw ?? '').replace(/^(?:(?:#[^\r\n]*)?(?:\r?\n|\r))+/, '').replace(/(?:\r?\n|\r)$/, '');
  return record.info.lines - (body.match(/\r?\n|\r/g)?.length ?? 0);
}

/** Reads the dates file. Never throws: a bad row or cell is a warning, and what is good is kept. */
export function parseIssuesFile(text: string, file: string): IssuesFile {
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ file, line, message });
  };
  const parsed: unknown = parse(text, {
    bom: true,
    info: true,
    raw: true,
    comment: '#',
    comment_no_infix: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error)
        warn(typeof error.lines === 'number' ? error.lines : 0, `not valid CSV (${error.message.replace(/ at line \d+/, '')}): left out`);
      return undefined;
    },
  });
  const records = (Array.isArray(parsed) ? parsed : []) as CsvRecord[];
  const header = records[0];
  if (header === undefined) return { file, rows: [], warnings };
  const where = new Map<Column, number>();
  header.record.forEach((cell, i) => {
    const name = column(cell);
    if (name === null) {
      if (cell.trim() !== '') warn(startLine(header), `column "${cell.trim()}" is not one of ${COLUMNS.join(', ')}: ignored`);
    } else if (!where.has(name)) where.set(name, i);
  });
  if (!where.has('file') && !where.has('number')) {
    warn(startLine(header), `the header names neither a "file" nor a "number" column, so no row can name its issue: the file is ignored`);
    return { file, rows: [], warnings };
  }

  const rows: IssuesRow[] = [];
  for (const record of records.slice(1)) {
    const line = startLine(record);
    const cell = (name: Column): string => {
      const at = where.get(name);
      return at === undefined ? '' : (record.record[at] ?? '').trim();
    };
    const numberText = cell('number').replace(/^(?:[a-z]+\s*)?#\s*/i, '');
    let number: number | null = null;
    if (numberText !== '') {
      if (/^\d+$/.test(numberText)) number = Number(numberText);
      else warn(line, `number "${cell('number')}" is not an issue number: ignored`);
    }
    const issueFile = fileCell(cell('file'));
    if (issueFile === null && number === null) {
      warn(line, 'the row names no issue (no file, no number): left out');
      continue;
    }
    const dateText = cell('date');
    const read = dateText === '' ? null : readDateCell(dateText, `${file}, line ${line}`);
    if (dateText !== '' && read === null)
      warn(line, `date "${dateText}" is not a date (YYYY-MM-DD, or YYYY-MM or YYYY when the day is not known): ignored`);
    const urlText = cell('url');
    const url = isWebAddress(urlText) ? urlText : null;
    if (urlText !== '' && url === null) warn(line, `url "${urlText}" is not an http(s) address: ignored`);
    const title = cell('title').replace(/\s+/g, ' ');
    rows.push({
      line,
      file: issueFile,
      number,
      date: read !== null && 'date' in read ? read.date : null,
      bounds: read !== null && 'bounds' in read ? read.bounds : null,
      dateText,
      title: title === '' ? null : title,
      url,
    });
  }
  return { file, rows, warnings };
}
