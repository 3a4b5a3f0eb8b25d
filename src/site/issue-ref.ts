/**
 * A short reference to an issue, as lists, prev/next links and "cited by" show it, and the order
 * issues are listed in. Pure.
 */
import type { Issue } from '../records/types.ts';
import { formatDate, numberLabel } from './format.ts';
import { addressOf, routes } from './routes.ts';

/** A short reference to an issue: links, prev/next, "referenced by". */
export interface IssueRef {
  id: string;
  href: string;
  canonical: string;
  /** The AN number; null when unknown. */
  number: number | null;
  numberLabel: string;
  title: string;
  dateIso: string | null;
  dateLabel: string;
  /** `AN #98 · 6 May 2020`, for lists. */
  caption: string;
}

/** The title an issue is shown with: its own, else its first entry's, else its id. */
export function issueTitle(issue: Issue): string {
  return issue.title ?? issue.entries[0]?.title ?? issue.id;
}

/** Newest first: by date, then number, then id; undated issues after dated ones. */
export function compareIssues(a: Issue, b: Issue): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  if (a.number !== b.number) {
    if (a.number === null) return 1;
    if (b.number === null) return -1;
    return b.number - a.number;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface IssueRefInput {
  issue: Issue;
  /** The site's public address. */
  siteUrl: string;
}

export function issueRef({ issue, siteUrl }: IssueRefInput): IssueRef {
  const address = addressOf(routes.issue(issue.id), siteUrl);
  const label = numberLabel(issue.number);
  const dateLabel = formatDate(issue.date);
  return {
    id: issue.id,
    href: address.href,
    canonical: address.canonical,
    number: issue.number,
    numberLabel: label,
    title: issueTitle(issue),
    dateIso: issue.date,
    dateLabel,
    caption: issue.number === null ? dateLabel : `${label} · ${dateLabel}`,
  };
}
