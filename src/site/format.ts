/**
 * Wording shared by every page: dates, counts with their nouns, issue labels, heading paths.
 * Pure functions of their arguments.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2020-05-06` -> `6 May 2020`; text that is not a date is shown as it is. */
export function formatDate(iso: string | null): string {
  if (iso === null) return 'Date unknown';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/**
 * An issue's date as shown: `6 May 2020`; without a date, the year its neighbours agree on
 * (`2018, date unknown`), else `Date unknown`. Never a date the archive does not have.
 */
export function issueDateLabel(iso: string | null, year: number | null): string {
  if (iso !== null) return formatDate(iso);
  return year === null ? 'Date unknown' : `${year}, date unknown`;
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
