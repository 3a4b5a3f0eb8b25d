/**
 * The dates stage, between the parser and the database merge: each issue gets what the dates file
 * (`issues.csv`, src/merge/issues-file.ts) says of it, and what its own raw text shows of its
 * date when it has none. Pure: issues, the file and the raw texts in, issues out.
 *
 * The dates file wins over the issue's file (front matter, the title line): raw files are kept as
 * received, so the dates file is where the archive's owner states and corrects what the files say;
 * a date it changes is a warning naming both. A partial date (`2020-05`) is kept as bounds, never
 * as a day. What the text shows is used for what it is (`dateBounds`):
 * - an email footer's copyright year (`Copyright © 2020 ..., All rights reserved.` in a text that
 *   has an email's unsubscribe furniture): the issue's year;
 * - the newest arXiv paper it links (`arxiv.org/abs/2012.01234`, `arXiv:2012.01234`): not before that
 *   month, since no issue links a paper before it exists. Reader comments are not read (the parser
 *   has cut them off the entries).
 * More evidence is added later by the site (src/site/archive/chronology.ts): the summarized papers' years
 * and the dates of the issues numbered before and after.
 */
import type { DateBound, DateBounds, Issue, ParseWarning } from '../records/types.ts';
import type { IssuesFile, IssuesRow } from './issues-file.ts';

/** The later of two lower bounds (the tighter), or the earlier of two upper bounds. */
export function tighter(a: DateBound | null, b: DateBound | null, end: 'notBefore' | 'notAfter'): DateBound | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.date === b.date) return a;
  return (end === 'notBefore' ? a.date > b.date : a.date < b.date) ? a : b;
}

/** Both bounds, each the tighter of the two given; null when neither has any. */
export function combineBounds(a: DateBounds | null | undefined, b: DateBounds | null | undefined): DateBounds | null {
  const notBefore = tighter(a?.notBefore ?? null, b?.notBefore ?? null, 'notBefore');
  const notAfter = tighter(a?.notAfter ?? null, b?.notAfter ?? null, 'notAfter');
  return notBefore === null && notAfter === null ? null : { notBefore, notAfter };
}

/** An email's furniture: what mail platforms put under every issue they send. */
const EMAIL_FURNITURE =
  /\bunsubscribe\b|update (?:your )?(?:subscription )?preferences|you are receiving this (?:e-?mail|because)|our mailing address is/i;
/** `Copyright © 2020 Ada Shah, All rights reserved.`, `© 2019-2021 X. All rights reserved`. */
const COPYRIGHT =
  /(?:copyright\s*(?:©|&copy;|&#169;|\(c\))?|©|&copy;|&#169;)\s*((?:19|20)\d{2})(?:\s*(?:-|–|&ndash;)\s*((?:19|20)\d{2}))?[^\n<]{0,120}?all rights reserved/i;

/**
 * The year of an email's copyright footer (the last year of a range: `© 2019–2021` is 2021), as
 * both bounds of the issue's date; null when the text is not an email or has no such line. A web
 * page's own footer (`© 2024 The Forum`) says when the page was saved, not when the issue was
 * sent, so a copyright line counts only beside an email's unsubscribe furniture.
 */
export function footerYear(text: string): DateBounds | null {
  if (!EMAIL_FURNITURE.test(text)) return null;
  const m = COPYRIGHT.exec(text);
  if (!m) return null;
  const year = m[2] ?? m[1]!;
  const from = `the email footer's copyright year (© ${year})`;
  return {
    notBefore: { date: `${year}-01-01`, precision: 'year', from },
    notAfter: { date: `${year}-12-31`, precision: 'year', from },
  };
}

/** `arxiv.org/abs/2012.01234`, `arxiv.org/pdf/2012.01234v2`, `arXiv:2012.01234`, `arXiv 2012.01234`. */
const ARXIV = /(?:arxiv\.org\/(?:abs|pdf|html)\/|\barxiv:?\s?)(\d{2})(\d{2})\.(\d{4,5})(?!\d)/gi;

/** The texts of an issue a reader sees: intro, and each entry's title link, summary, opinions and links. */
function textsOf(issue: Issue): string[] {
  return [
    issue.intro,
    ...issue.entries.flatMap((e) => [e.url ?? '', e.summary, ...e.opinions.map((o) => o.text), ...e.readMore, ...e.prerequisites]),
  ];
}

/** The month of the newest arXiv paper the issue links, as a lower bound of its date; null when it links none. */
export function newestArxiv(issue: Issue): DateBound | null {
  let newest: { key: string; id: string } | null = null;
  for (const text of textsOf(issue)) {
    for (const m of text.matchAll(ARXIV)) {
      const yy = Number(m[1]);
      const month = Number(m[2]);
      // New-style arXiv ids began in April 2007.
      if (month < 1 || month > 12 || yy < 7) continue;
      const key = `20${m[1]}-${m[2]}`;
      if (newest === null || key > newest.key) newest = { key, id: `${m[1]}${m[2]}.${m[3]}` };
    }
  }
  if (newest === null) return null;
  return { date: `${newest.key}-01`, precision: 'month', from: `the newest arXiv paper it links (${newest.id})` };
}

/** What an issue's own text shows of its date: its email footer's year, its newest arXiv paper; null when nothing. */
export function textBounds(issue: Issue, rawText: string | null): DateBounds | null {
  const footer = rawText === null ? null : footerYear(rawText);
  const arxiv = newestArxiv(issue);
  const combined = combineBounds(footer, arxiv === null ? null : { notBefore: arxiv, notAfter: null });
  // A footer year older than a paper the issue links is a stale template: the paper wins.
  if (combined?.notBefore && combined.notAfter && combined.notBefore.date > combined.notAfter.date)
    return { notBefore: combined.notBefore, notAfter: null };
  return combined;
}

/** What the stage keeps between builds: each issue's result, while the issue, its row and its text are the same. */
export class DatesMemo {
  readonly kept = new WeakMap<Issue, { row: IssuesRow | null; raw: string | null; out: Issue }>();
}

export interface DatedArchive {
  issues: Issue[];
  /** The dates file's rows that name no issue or two, and dates it changes. */
  warnings: ParseWarning[];
}

/** The row for each issue: by file (its path, or its name when no other issue has it), else by number when one issue has it. */
function rowsByIssue(issues: readonly Issue[], file: IssuesFile, warn: (line: number, message: string) => void): Map<Issue, IssuesRow> {
  const byPath = new Map(issues.map((i) => [i.file, i]));
  const byName = new Map<string, Issue[]>();
  const byNumber = new Map<number, Issue[]>();
  for (const issue of issues) {
    const name = issue.file.slice(issue.file.lastIndexOf('/') + 1);
    byName.set(name, [...(byName.get(name) ?? []), issue]);
    if (issue.number !== null) byNumber.set(issue.number, [...(byNumber.get(issue.number) ?? []), issue]);
  }
  const out = new Map<Issue, IssuesRow>();
  for (const row of file.rows) {
    let issue: Issue | undefined;
    if (row.file !== null) {
      const named = byPath.get(row.file) ?? (row.file.includes('/') ? undefined : byName.get(row.file));
      const found = Array.isArray(named) ? named : named === undefined ? [] : [named];
      if (found.length > 1) {
        warn(
          row.line,
          `"${row.file}" names ${found.length} files (${found.map((i) => i.file).join(', ')}): give its path under newsletters/`,
        );
        continue;
      }
      issue = found[0];
      if (issue === undefined) {
        warn(row.line, `no newsletter file "${row.file}": the row is not used`);
        continue;
      }
      if (row.number !== null && issue.number !== row.number)
        warn(row.line, `${issue.file} is issue #${issue.number ?? '(no number)'}, not #${row.number}: the row is used for the file`);
    } else if (row.number !== null) {
      const found = byNumber.get(row.number) ?? [];
      if (found.length !== 1) {
        warn(
          row.line,
          found.length === 0
            ? `no issue #${row.number} in the archive: the row is not used`
            : `${found.length} files are issue #${row.number} (${found.map((i) => i.file).join(', ')}): name the file`,
        );
        continue;
      }
      issue = found[0]!;
    }
    if (issue === undefined) continue;
    if (out.has(issue)) {
      warn(row.line, `${issue.file} is named by line ${out.get(issue)!.line} already: this row is not used`);
      continue;
    }
    out.set(issue, row);
  }
  return out;
}

/** One issue with its row and its text's evidence. */
function dated(issue: Issue, row: IssuesRow | null, raw: string | null): Issue {
  const date = row?.date ?? (row?.bounds ? null : issue.date);
  const bounds = date === null ? combineBounds(row?.bounds, textBounds(issue, raw)) : null;
  const out: Issue = {
    ...issue,
    date,
    title: row?.title ?? issue.title,
    source: row?.url ?? issue.source,
  };
  if (bounds !== null) out.dateBounds = bounds;
  else delete out.dateBounds;
  return Object.freeze(out);
}

/**
 * Each issue with the dates file's date, title and url, and the bounds its text shows when it has
 * no date. `rawText(file)` gives an issue file's text. An issue neither changes is the same object.
 */
export function dateIssues(
  issues: readonly Issue[],
  file: IssuesFile | null,
  rawText: (file: string) => string | null,
  memo: DatesMemo = new DatesMemo(),
): DatedArchive {
  const warnings: ParseWarning[] = [...(file?.warnings ?? [])];
  const warn = (line: number, message: string): void => {
    warnings.push({ file: file!.file, line, message });
  };
  const rows = file === null ? new Map<Issue, IssuesRow>() : rowsByIssue(issues, file, warn);
  const out = issues.map((issue) => {
    const row = rows.get(issue) ?? null;
    if (row !== null && issue.date !== null && (row.date ?? row.dateText) !== issue.date && row.dateText !== '')
      warn(row.line, `${issue.file} says ${issue.date}; the dates file's ${row.dateText} is used`);
    const raw = issue.date === null || row?.bounds ? rawText(issue.file) : null;
    const kept = memo.kept.get(issue);
    if (kept && kept.row === row && kept.raw === raw) return kept.out;
    const result = dated(issue, row, raw);
    // Nothing to add or change: the parser's own object, so every later memo keyed by it holds.
    const same =
      result.date === issue.date &&
      result.title === issue.title &&
      result.source === issue.source &&
      result.dateBounds === undefined &&
      issue.dateBounds === undefined;
    const value = same ? issue : result;
    memo.kept.set(issue, { row, raw, out: value });
    return value;
  });
  return { issues: out, warnings };
}
