/**
 * Stage 8: the issue's number, title, date and id, from the best source that says them:
 * front matter, else the title line (`[AN #98]: ...`), else the file name (`an-098.txt`).
 */
import type { FrontMatterData, Warn } from './front-matter.ts';
import type { TitleLine } from './title-line.ts';
import { slugify } from './assign-ids.ts';
import { shortHash } from '../records/slug.ts';

export interface Metadata {
  id: string;
  number: number | null;
  title: string | null;
  date: string | null;
  source: string | null;
}

/** `an-098.txt`, `AN98.md`, `alignment-newsletter-98.txt`, `2020/an_098.txt` -> 98. */
export function numberFromFileName(file: string): number | null {
  const base = file
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  const m = /^(?:an|alignment[-_ ]?newsletter)[-_ #]*(\d{1,4})$/i.exec(base);
  return m ? Number(m[1]) : null;
}

/** The id an issue with this number gets: `an-098`. */
export function issueIdFor(number: number): string {
  return `an-${String(number).padStart(3, '0')}`;
}

/**
 * Id from the file name, for an issue that does not own its number (or has none):
 * `drafts/Week 12.txt` -> `drafts-week-12`. A name with no Latin letters or digits gets a hash of
 * itself (`第九十八期.txt` -> `issue-1x9k2a`), never a counter that depends on the other files.
 */
export function issueIdFromFile(file: string): string {
  return slugify(file.replace(/\.[^./]+$/, ''), 100) || `issue-${shortHash(file)}`;
}

/**
 * How strongly a file claims the issue number its issue has: 0 when its name is the number's id
 * (`an-098.txt`, `2020/AN-98.md`), 1 when its name carries the number otherwise (`AN98.md`,
 * `alignment-newsletter-98.txt`), 2 when only its text says it. A function of the file alone.
 */
export function claimRank(file: string, number: number): number {
  if (numberFromFileName(file) !== number) return 2;
  const base = file
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  return /^an-\d+$/i.test(base) ? 0 : 1;
}

/** Issues grouped by the number they claim (issues without a number left out), in their order. */
export function claimantsByNumber<T extends { number: number | null }>(issues: readonly T[]): Map<number, T[]> {
  const byNumber = new Map<number, T[]>();
  for (const issue of issues) {
    if (issue.number === null) continue;
    const claimants = byNumber.get(issue.number);
    if (claimants) claimants.push(issue);
    else byNumber.set(issue.number, [issue]);
  }
  return byNumber;
}

/**
 * Among issues claiming one number, the one that owns it: the strongest claim (`claimRank`),
 * then the first by path. The owner is published as `an-NNN` and is where `(AN #N)` points;
 * adding a file can take the number only from a weaker claim, so `an-098.txt` keeps `an-098`
 * whatever else claims 98.
 */
export function numberOwner<T extends { file: string; number: number | null }>(claimants: readonly T[]): T {
  const rank = (issue: T): number => (issue.number === null ? 3 : claimRank(issue.file, issue.number));
  return claimants.reduce((best, issue) => {
    const d = rank(issue) - rank(best);
    return d < 0 || (d === 0 && issue.file < best.file) ? issue : best;
  });
}

export function inferMetadata(file: string, front: FrontMatterData, titleLine: TitleLine | null, warn: Warn): Metadata {
  const fromName = numberFromFileName(file);
  const number = front.number ?? titleLine?.number ?? fromName;
  if (front.number !== null && titleLine?.number != null && titleLine.number !== front.number) {
    warn(titleLine.line, `the text says AN #${titleLine.number} but the front matter says ${front.number}; the front matter wins`);
  }
  return {
    id: number !== null ? issueIdFor(number) : issueIdFromFile(file),
    number,
    title: front.title ?? titleLine?.title ?? null,
    date: front.date ?? titleLine?.date ?? null,
    source: front.source,
  };
}
