/**
 * The archive in order: issues by number, previous and next by number, and a year for each issue
 * that has one. Pure.
 *
 * An issue's number is the one fact every issue has from its publisher, so it decides the order:
 * an issue whose date is unknown stays between its neighbours instead of falling to the end.
 * The year comes from the issue's date; when the date is unknown, from the dates of the nearest
 * dated issues before and after it by number when both fall in the same year (#12 between #11 of
 * 2018 and #14 of 2018 is of 2018); otherwise it is unknown, never guessed.
 */

/** What ordering needs of an issue (an `Issue`, or any record carrying these fields). */
export interface Sequenced {
  readonly id: string;
  readonly number: number | null;
  /** YYYY-MM-DD, or null when unknown. */
  readonly date: string | null;
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
  /** Where the year comes from: the issue's own date, or the dates of its neighbours. */
  readonly yearFrom: 'date' | 'neighbours' | null;
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
  /** Issues whose date is unknown (some of them have a year from their neighbours). */
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

/** Orders the issues and gives each its neighbours and year. The input is not changed. */
export function chronology<T extends Sequenced>(issues: readonly T[]): Chronology<T> {
  const sorted = [...issues].sort(compare);
  const own = sorted.map((issue) => yearOf(issue.date));
  // The nearest own year before and after each numbered issue; an issue with no number has no neighbours to go by.
  const before: (number | null)[] = [];
  const after: (number | null)[] = new Array<number | null>(sorted.length).fill(null);
  let last: number | null = null;
  sorted.forEach((issue, i) => {
    before.push(issue.number === null ? null : last);
    if (issue.number !== null && own[i] !== null) last = own[i]!;
  });
  last = null;
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (sorted[i]!.number === null) continue;
    after[i] = last;
    if (own[i] !== null) last = own[i]!;
  }

  const ordered = sorted.map((issue, index): Place<T> => {
    const fromNeighbours = before[index] !== null && before[index] === after[index] ? before[index]! : null;
    const year = own[index] ?? fromNeighbours;
    return Object.freeze({
      issue,
      index,
      previous: sorted[index - 1] ?? null,
      next: sorted[index + 1] ?? null,
      year,
      yearFrom: own[index] !== null ? 'date' : fromNeighbours !== null ? 'neighbours' : null,
    });
  });
  const counts = new Map<number, number>();
  for (const place of ordered) if (place.year !== null) counts.set(place.year, (counts.get(place.year) ?? 0) + 1);
  return {
    ordered,
    byId: new Map(ordered.map((place) => [place.issue.id, place])),
    years: [...counts].sort((a, b) => a[0] - b[0]).map(([year, n]) => ({ year, issues: n })),
    withoutYear: ordered.filter((p) => p.year === null).length,
    withoutDate: ordered.filter((p) => own[p.index] === null).length,
  };
}
