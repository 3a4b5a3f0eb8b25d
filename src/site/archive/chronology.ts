/**
 * The archive in order: issues by number, previous and next by number, and for each issue what is
 * known of its date. Pure.
 *
 * An issue's number is the one fact every issue has from its publisher, so it decides the order:
 * an issue whose date is unknown stays between its neighbours instead of falling to the end; an issue
 * with no number but a date (a special edition, a year in review) stands by its date among them.
 * What is known of an issue's date short of a day is a pair of bounds, each as precise as its
 * evidence: its own (`Issue.dateBounds`: the dates file's month or year, an email footer's year,
 * the newest arXiv paper it links), the summarized papers' years (`lowerBounds`), and the issues
 * numbered around it: an issue is not older than any issue numbered before it, nor newer than any
 * numbered after it. Where these contradict each other (dates out of number order), only the
 * issue's own evidence is kept. The year is known when both bounds fall in one year; a date is
 * never made up from bounds.
 */
import type { DateBound, DateBounds } from '../../records/types.ts';

/** What ordering needs of an issue (an `Issue`, or any record carrying these fields). */
export interface Sequenced {
  readonly id: string;
  readonly number: number | null;
  /** YYYY-MM-DD, or null when unknown. */
  readonly date: string | null;
  /** What the issue itself shows of its date, when it has none. */
  readonly dateBounds?: DateBounds | undefined;
}

/** One issue's place in the archive. */
export interface Place<T extends Sequenced> {
  readonly issue: T;
  /** 0-based position in `Chronology.ordered`. */
  readonly index: number;
  /** The issue before it in the order (the next lower number), or null for the first. */
  readonly previous: T | null;
  /** The issue after it in the order, or null for the last. */
  readonly next: T | null;
  /** The year of the issue, or null when it cannot be known. */
  readonly year: number | null;
  /** Where the year comes from: the issue's own date, or bounds that fall in one year. */
  readonly yearFrom: 'date' | 'bounds' | null;
  /** What is known of the date of an issue that has none (both ends null when nothing is); null for a dated issue. */
  readonly bounds: DateBounds | null;
}

export interface Chronology<T extends Sequenced> {
  /** Oldest first: numbered issues by number, then issues with no number by date (undated last), ties by id. */
  readonly ordered: readonly Place<T>[];
  /** Each issue's place, by issue id. */
  readonly byId: ReadonlyMap<string, Place<T>>;
  /** Years that have issues, oldest first, with how many issues each has. */
  readonly years: readonly { readonly year: number; readonly issues: number }[];
  /** Issues whose year is unknown. */
  readonly withoutYear: number;
  /** Issues whose date is unknown (some of them have a year from their bounds). */
  readonly withoutDate: number;
}

const yearOf = (date: string | null): number | null => {
  const m = date === null ? null : /^(\d{4})-\d{2}-\d{2}$/.exec(date);
  return m ? Number(m[1]) : null;
};

function compare(a: Sequenced, b: Sequenced): number {
  if (a.number !== null && b.number !== null && a.number !== b.number) return a.number - b.number;
  if ((a.number === null) !== (b.number === null)) return a.number === null ? 1 : -1;
  if (a.number === null && a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The archive's order: numbered issues by number; an issue with no number but a date (a special
 * edition, a year in review) among them by its date, before the first numbered issue dated after
 * it; an issue with neither last.
 */
function inOrder<T extends Sequenced>(issues: readonly T[]): T[] {
  const sorted = [...issues].sort(compare);
  const order = sorted.filter((issue) => issue.number !== null || issue.date === null);
  for (const loose of sorted.filter((issue) => issue.number === null && issue.date !== null)) {
    const later = order.findIndex((other) => other.number !== null && other.date !== null && other.date > loose.date!);
    const undated = order.findIndex((other) => other.number === null && other.date === null);
    const at = later >= 0 ? later : undated >= 0 ? undated : order.length;
    order.splice(at, 0, loose);
  }
  return order;
}

/** The later of two lower bounds, or the earlier of two upper bounds. */
function tighter(a: DateBound | null, b: DateBound | null, end: 'notBefore' | 'notAfter'): DateBound | null {
  if (a === null || b === null) return a ?? b;
  if (a.date === b.date) return a.precision === 'day' || b.precision !== 'day' ? a : b;
  return (end === 'notBefore' ? a.date > b.date : a.date < b.date) ? a : b;
}

const consistent = (b: DateBounds): boolean => b.notBefore === null || b.notAfter === null || b.notBefore.date <= b.notAfter.date;

export interface ChronologyOptions<T> {
  /** More lower bounds of an issue's date: e.g. the year of the newest paper it summarizes. */
  lowerBounds?: (issue: T) => readonly DateBound[];
  /** How another issue is named as evidence: `WR #79 (1 January 2020)`, `WR #81`. Default: its id and date. */
  describe?: (issue: T) => string;
}

/** Orders the issues and gives each its neighbours, year and bounds. The input is not changed. */
export function chronology<T extends Sequenced>(issues: readonly T[], options: ChronologyOptions<T> = {}): Chronology<T> {
  const sorted = inOrder(issues);
  const describe = options.describe ?? ((issue: T) => (issue.date === null ? issue.id : `${issue.id} (${issue.date})`));
  // Each issue's own evidence: its date as both bounds, else its bounds and the extra lower bounds.
  const own: DateBounds[] = sorted.map((issue) => {
    if (issue.date !== null && yearOf(issue.date) !== null) {
      const bound: DateBound = { date: issue.date, precision: 'day', from: `its date` };
      return { notBefore: bound, notAfter: bound };
    }
    let notBefore = issue.dateBounds?.notBefore ?? null;
    for (const extra of options.lowerBounds?.(issue) ?? []) notBefore = tighter(notBefore, extra, 'notBefore');
    const mine = { notBefore, notAfter: issue.dateBounds?.notAfter ?? null };
    // A paper's year after the issue's own upper bound: the upper bound is the one in doubt.
    return consistent(mine) ? mine : { notBefore, notAfter: null };
  });
  // What the issues numbered before and after say: not older than any before, not newer than any after.
  const before: (DateBound | null)[] = new Array<DateBound | null>(sorted.length).fill(null);
  const after: (DateBound | null)[] = new Array<DateBound | null>(sorted.length).fill(null);
  let last: DateBound | null = null;
  sorted.forEach((issue, i) => {
    if (issue.number === null) return;
    before[i] = last;
    const mine = own[i]!.notBefore;
    if (mine !== null) {
      const passed: DateBound =
        issue.date !== null
          ? { date: mine.date, precision: 'day', from: `${describe(issue)} is numbered before it` }
          : {
              ...mine,
              from: `${describe(issue)}, numbered before it, is not older than that`,
            };
      last = tighter(last, passed, 'notBefore');
    }
  });
  last = null;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const issue = sorted[i]!;
    if (issue.number === null) continue;
    after[i] = last;
    const mine = own[i]!.notAfter;
    if (mine !== null) {
      const passed: DateBound =
        issue.date !== null
          ? { date: mine.date, precision: 'day', from: `${describe(issue)} is numbered after it` }
          : {
              ...mine,
              from: `${describe(issue)}, numbered after it, is not newer than that`,
            };
      last = tighter(last, passed, 'notAfter');
    }
  }

  const ordered = sorted.map((issue, index): Place<T> => {
    const date = yearOf(issue.date);
    let bounds: DateBounds | null = null;
    if (date === null) {
      const mine = own[index]!;
      const all: DateBounds = {
        notBefore: tighter(mine.notBefore, before[index]!, 'notBefore'),
        notAfter: tighter(mine.notAfter, after[index]!, 'notAfter'),
      };
      bounds = consistent(all) ? all : mine;
    }
    const boundYear =
      bounds?.notBefore && bounds.notAfter && bounds.notBefore.date.slice(0, 4) === bounds.notAfter.date.slice(0, 4)
        ? Number(bounds.notBefore.date.slice(0, 4))
        : null;
    const year = date ?? boundYear;
    return Object.freeze({
      issue,
      index,
      previous: sorted[index - 1] ?? null,
      next: sorted[index + 1] ?? null,
      year,
      yearFrom: date !== null ? 'date' : boundYear !== null ? 'bounds' : null,
      bounds,
    });
  });
  const counts = new Map<number, number>();
  for (const place of ordered) if (place.year !== null) counts.set(place.year, (counts.get(place.year) ?? 0) + 1);
  return {
    ordered,
    byId: new Map(ordered.map((place) => [place.issue.id, place])),
    years: [...counts].sort((a, b) => a[0] - b[0]).map(([year, n]) => ({ year, issues: n })),
    withoutYear: ordered.filter((p) => p.year === null).length,
    withoutDate: ordered.filter((p) => p.bounds !== null).length,
  };
}
