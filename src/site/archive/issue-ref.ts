/**
 * A short reference to an issue, as lists, prev/next links and "cited by" show it. Pure. The
 * order issues are listed in is the chronology's (src/site/archive/chronology.ts): by number.
 */
import type { DateBounds, Issue } from '../../records/types.ts';
import { boundsLabel, boundText, issueDateLabel, numberLabel } from '../text/format.ts';
import { addressOf, routes } from '../routes.ts';

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
  /** `6 May 2020`; what is known of it without a date (`May 2020`, `2018`, `not before Dec 2020`); `Date unknown`. */
  dateLabel: string;
  /** Why an undated issue's date is known as far as it is: `Not before Dec 2020: the newest arXiv paper it links (2012.01234).`; '' otherwise. */
  dateNote: string;
  /** `2020`: from the date, else from its bounds when both fall in one year (chronology.ts); null when unknown. */
  year: string | null;
  /** `2020 Q2`: from the date, else from its bounds when both fall in one quarter; null when unknown. The charts count by it. */
  quarter: string | null;
  /** The years its date lies within when its year is unknown (either may be null); both null for an issue with a year. */
  yearBounds: { notBefore: number | null; notAfter: number | null };
  /** In an issue list: the date, or what is known of it (`May 2020`, `not before Dec 2020`), or '' when nothing is. */
  listDate: string;
  /** `WR #98 · 6 May 2020`, `WR #12 · not before Dec 2020`, `WR #157` (nothing known of its date), for lists. */
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
  /** Its year (`chronology`): from its date, else from its bounds, else null. */
  year: number | null;
  /** What is known of its date when it has none (`chronology`); null for a dated issue. */
  bounds?: DateBounds | null;
  /** Its place in the chronology, oldest first. */
  index: number;
  /** The site's public address. */
  siteUrl: string;
  /** What the number is shown after: the newsletter's own (`WR #`), else `#`. */
  numberPrefix: string;
}

/** `Not before Dec 2020: the newest arXiv paper it links (2012.01234).`, each known end and its evidence; '' when none. */
function dateNote(bounds: DateBounds | null): string {
  if (bounds === null) return '';
  const ends = [
    bounds.notBefore === null ? null : `not before ${boundText(bounds.notBefore)}: ${bounds.notBefore.from}`,
    bounds.notAfter === null ? null : `not after ${boundText(bounds.notAfter)}: ${bounds.notAfter.from}`,
  ].filter((s): s is string => s !== null);
  // One piece of evidence for both ends (a footer's year, the dates file's month) is said once.
  if (bounds.notBefore !== null && bounds.notAfter !== null && bounds.notBefore.from === bounds.notAfter.from)
    return `${boundsLabel(bounds)}: ${bounds.notBefore.from}.`;
  const text = ends.join('; ');
  return text === '' ? '' : `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** `2020-05-06` -> `2020 Q2`; without a date, the quarter both bounds fall in; else null. */
function quarterOf(date: string | null, bounds: DateBounds | null): string | null {
  const q = (iso: string): string => `${iso.slice(0, 4)} Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;
  if (date !== null) return /^\d{4}-\d{2}-\d{2}$/.test(date) ? q(date) : null;
  if (!bounds?.notBefore || !bounds.notAfter) return null;
  const [low, high] = [q(bounds.notBefore.date), q(bounds.notAfter.date)];
  return low === high ? low : null;
}

export function issueRef({ issue, year, bounds = null, index, siteUrl, numberPrefix }: IssueRefInput): IssueRef {
  const address = addressOf(routes.issue(issue.id), siteUrl);
  const label = numberLabel(issue.number, numberPrefix);
  const dateLabel = issueDateLabel(issue.date, bounds);
  const known = issue.date !== null || dateLabel !== 'Date unknown';
  return {
    id: issue.id,
    href: address.href,
    canonical: address.canonical,
    number: issue.number,
    numberLabel: label,
    title: issueTitle(issue),
    dateIso: issue.date,
    dateLabel,
    dateNote: issue.date === null ? dateNote(bounds) : '',
    year: year === null ? null : String(year),
    quarter: quarterOf(issue.date ?? null, bounds),
    yearBounds: {
      notBefore: year === null && bounds?.notBefore ? Number(bounds.notBefore.date.slice(0, 4)) : null,
      notAfter: year === null && bounds?.notAfter ? Number(bounds.notAfter.date.slice(0, 4)) : null,
    },
    listDate: known ? dateLabel : '',
    caption: issue.number === null ? dateLabel : known ? `${label} · ${dateLabel}` : label,
    order: String(index).padStart(6, '0'),
  };
}
