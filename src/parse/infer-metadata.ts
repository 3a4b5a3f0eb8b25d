/**
 * Stage 8: the issue's number, title, date and id, from the best source that says them:
 * front matter (or a `Key: value` header), else the number in its title (`Weekly #99`), else the
 * title line (`[WR #98]: ...`), else the file name (`wr-098.txt`, `2021-01-18-99.md`, whose date
 * is the issue's when nothing else gives one). The id is the dialect's (`issues.id` in
 * newsletter.yml: `wr-{number:3}`).
 */
import type { DialectRules } from '../records/dialect.ts';
import type { FrontMatterData, Warn } from './front-matter.ts';
import { numberInTitle, type TitleLine } from './title-line.ts';
import { calendarDate } from './front-matter.ts';
import { numberFromFileName } from '../records/citations.ts';
import { anchorSlug, shortHash } from '../records/slug.ts';

export interface Metadata {
  id: string;
  number: number | null;
  title: string | null;
  date: string | null;
  source: string | null;
  excerpt: string | null;
  permalink: string | null;
}

/** A Jekyll post's file name: its date, then its name (`2021-2-1-101.md`). */
const JEKYLL_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-[^/]+$/;

/** The date a Jekyll file name gives (`2021-2-1-101.md` -> `2021-02-01`); a warning when it is no real day. */
function dateFromFileName(file: string, warn: Warn): string | null {
  const base = file.split('/').pop()!;
  const m = JEKYLL_NAME.exec(base);
  if (!m) return null;
  const date = calendarDate(`${m[1]}-${m[2]}-${m[3]}`);
  if (date === null) warn(0, `the file name's date ${m[1]}-${m[2]}-${m[3]} is not a real day; the issue has no date`);
  return date;
}

/**
 * Id from the file name, for an issue that does not own its number (or has none):
 * `drafts/Week 12.txt` -> `drafts-week-12`. A name with no Latin letters or digits gets a hash of
 * itself (`第九十八期.txt` -> `issue-1x9k2a`), never a counter that depends on the other files.
 */
export function issueIdFromFile(file: string): string {
  return anchorSlug(file.replace(/\.[^./]+$/, ''), 100) || `issue-${shortHash(file)}`;
}

export function inferMetadata(
  file: string,
  front: FrontMatterData,
  titleLine: TitleLine | null,
  rules: DialectRules,
  warn: Warn,
): Metadata {
  const fromName = numberFromFileName(file);
  const fromTitle = front.title !== null ? numberInTitle(front.title, rules) : null;
  const number = front.number ?? fromTitle ?? titleLine?.number ?? fromName;
  if (front.number !== null && titleLine?.number != null && titleLine.number !== front.number) {
    warn(titleLine.line, `the text says #${titleLine.number} but the front matter says ${front.number}; the front matter wins`);
  }
  return {
    id: number !== null ? rules.idFor(number) : issueIdFromFile(file),
    number,
    title: front.title ?? titleLine?.title ?? null,
    date: front.date ?? titleLine?.date ?? dateFromFileName(file, warn),
    source: front.source,
    excerpt: front.excerpt,
    permalink: front.permalink,
  };
}
