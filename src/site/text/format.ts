/**
 * Wording shared by every page: dates, counts with their nouns, issue labels, heading paths.
 * Pure functions of their arguments.
 */
import type { DateBound, DateBounds } from '../../records/types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2020-05-06` -> `6 May 2020`; text that is not a date is shown as it is. */
export function formatDate(iso: string | null): string {
  if (iso === null) return 'Date unknown';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2020-12-01` at month precision -> `Dec 2020`; at year precision -> `2020`. */
export function boundText(bound: DateBound): string {
  const year = bound.date.slice(0, 4);
  return bound.precision === 'year' ? year : `${SHORT_MONTHS[Number(bound.date.slice(5, 7)) - 1]} ${year}`;
}

/**
 * What is known of a date short of a day, never as a day: `May 2020`, `2020`, `May–Jul 2020`,
 * `Dec 2019 – Feb 2020`, `2019–2020`, `not before Dec 2020`, `not after 2019`; `Date unknown`
 * when nothing is. A bound known to the day is shown by its month: `not before 6 May` is
 * `not before May 2020` (true, and no day is stated that the issue may not have).
 */
export function boundsLabel(bounds: DateBounds | null): string {
  const low = bounds?.notBefore ?? null;
  const high = bounds?.notAfter ?? null;
  if (low === null && high === null) return 'Date unknown';
  if (high === null) return `not before ${boundText(low!)}`;
  if (low === null) return `not after ${boundText(high)}`;
  const [ly, lm] = [low.date.slice(0, 4), Number(low.date.slice(5, 7))];
  const [hy, hm] = [high.date.slice(0, 4), Number(high.date.slice(5, 7))];
  const wholeYears = lm === 1 && hm === 12;
  if (ly === hy) {
    if (wholeYears) return ly;
    if (lm === hm) return `${SHORT_MONTHS[lm - 1]} ${ly}`;
    return `${SHORT_MONTHS[lm - 1]}–${SHORT_MONTHS[hm - 1]} ${ly}`;
  }
  if (wholeYears) return `${ly}–${hy}`;
  return `${SHORT_MONTHS[lm - 1]} ${ly} – ${SHORT_MONTHS[hm - 1]} ${hy}`;
}

/** An issue's date as shown: `6 May 2020`; without a date, what is known of it (`boundsLabel`). Never a date the archive does not have. */
export function issueDateLabel(iso: string | null, bounds: DateBounds | null): string {
  if (iso !== null) return formatDate(iso);
  return boundsLabel(bounds);
}

/**
 * `1 summary`, `12 summaries`, `1,956 summaries`: the one way a count and its noun are written
 * (templates print these labels; none makes its own plural).
 */
export function counted(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** `3 summaries · 1 opinion`: each non-zero count with its noun; `counted` of the first when all are zero. */
export function countsLabel(parts: readonly [number, string, string][]): string {
  const shown = parts.filter(([n]) => n > 0);
  return (shown.length > 0 ? shown : parts.slice(0, 1)).map(([n, one, many]) => counted(n, one, many)).join(' · ');
}

/** `#98` (after the newsletter's own prefix: `WR #98`), or `Issue number unknown`. */
export function numberLabel(number: number | null, prefix = '#'): string {
  return number === null ? 'Issue number unknown' : `${prefix}${number}`;
}

/** A category's heading path as one label: `Technical AI alignment › Interpretability`. */
export function pathLabel(labels: readonly string[]): string {
  return labels.join(' › ');
}

/** English order, made once: `localeCompare(x, 'en')` makes a collator on every call. */
export const ENGLISH = new Intl.Collator('en');
/** Orders links and views by their label, as English readers expect. */
export const byLabel = (a: { label: string }, b: { label: string }): number => ENGLISH.compare(a.label, b.label);
