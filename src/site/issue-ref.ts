/**
 * A short reference to an issue, as lists, prev/next links and "cited by" show it. Pure. The
 * order issues are listed in is the chronology's (src/site/chronology.ts): by number.
 */
import type { Issue } from '../records/types.ts';
import { issueDateLabel, numberLabel } from './format.ts';
import { addressOf, routes } from './routes.ts';

/** A short reference to an issue: links, prev/next, "referenced by". */
export interface IssueRef {
  id: string;
  href: string;
  canonical: string;
  /** The number in the newsletter's series; null when unknown. */
  number: number | null;
  numberLabel: string;
  title: string;
  dateIso: string | null;
  /** `6 May 2020`; `2018, date unknown` (the year from the issues around it); `Date unknown`. */
  dateLabel: string;
  /** `2020`: from the date, else from the dated issues before and after it when both agree; null when unknown. */
  year: string | null;
  /** In an issue list under its year's heading: the date, `date unknown` (a year from its neighbours), or '' (under `Date unknown`). */
  listDate: string;
  /** `WR #98 · 6 May 2020`, `WR #12 · 2018, date unknown`, `WR #157` (nothing known of its date), for lists. */
  caption: string;
  /** The issue's place in the archive's order, oldest first, zero-padded (`000097`): what search sorts by. */
  order: string;
}

/** The title an issue is shown with: its own, else its first entry's, else its id. */
export function issueTitle(issue: Issue): string {
  return issue.title ?? issue.entries[0]?.title ?? issue.id;
}

export interface IssueRefInput {
  issue: Issue;
  /** Its year (`chronology`): from its date, else from its neighbours' dates, else null. */
  year: number | null;
  /** Its place in the chronology, oldest first. */
  index: number;
  /** The site's public address. */
  siteUrl: string;
  /** What the number is shown after: the newsletter's own (`WR #`), else `#`. */
  numberPrefix: string;
}

export function issueRef({ issue, year, index, siteUrl, numberPrefix }: IssueRefInput): IssueRef {
  const address = addressOf(routes.issue(issue.id), siteUrl);
  const label = numberLabel(issue.number, numberPrefix);
  const dateLabel = issueDateLabel(issue.date, year);
  return {
    id: issue.id,
    href: address.href,
    canonical: address.canonical,
    number: issue.number,
    numberLabel: label,
    title: issueTitle(issue),
    dateIso: issue.date,
    dateLabel,
    year: year === null ? null : String(year),
    listDate: issue.date !== null ? dateLabel : year !== null ? 'date unknown' : '',
    caption: issue.number === null ? dateLabel : issue.date === null && year === null ? label : `${label} · ${dateLabel}`,
    order: String(index).padStart(6, '0'),
  };
}
