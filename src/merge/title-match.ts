/**
 * Which database row is which summary of an issue, by title. Pure.
 *
 * Titles are compared by key: Markdown stripped, `&` read as `and`, then folded as names are
 * (`foldName`: case and diacritics ignored, apostrophes dropped, every other run of punctuation or
 * space one space): `**[“Ada’s” Agenda & FAQ](url)**` -> `adas agenda and faq`. A pair of titles matches when:
 *   exact      their keys are equal;
 *   close      their keys differ by a small edit: a Levenshtein distance of at most 15% of the
 *              longer key (a typo, a changed word in a long title, `Defences` / `Defenses`);
 *   contained  the shorter key, two words or more, is a run of whole words of the longer one
 *              (`Title` / `Title: Its Subtitle`, `Title (Author Name)`, `Podcast: Topic` / `Podcast: Topic with Guest`).
 * Assignment is one-to-one within an issue: pairs are taken best first (exact, then close by
 * distance, then contained by the share of words covered; ties by position), and a taken row or
 * summary takes no other, so two near titles never share a row. The one exception: a summary whose
 * key equals that of a row already taken by another summary of the same issue is a repeat of its
 * header (a highlight's pointer in its topic section) and takes the row too.
 */
import { distance } from 'fastest-levenshtein';
import { stripMarkup } from '../parse/markup.ts';
import { foldName } from '../records/names.ts';

export type MatchKind = 'exact' | 'close' | 'contained' | 'repeat';

/** Largest edit distance, as a share of the longer key's length, for titles that are "close". */
export const CLOSE_DISTANCE = 0.15;
/** Fewest words a title needs to match as a run of words inside a longer one. */
export const CONTAINED_MIN_WORDS = 2;

/** The key titles are compared by. */
export function titleKey(title: string): string {
  return foldName(stripMarkup(title).replace(/&/g, ' and '));
}

/** How well two keys match: its kind and a score in (0, 1] within the kind; null when they do not. */
export function compareKeys(a: string, b: string): { kind: 'exact' | 'close' | 'contained'; score: number } | null {
  if (a === '' || b === '') return null;
  if (a === b) return { kind: 'exact', score: 1 };
  const longer = Math.max(a.length, b.length);
  const allowed = Math.floor(CLOSE_DISTANCE * longer);
  if (Math.abs(a.length - b.length) <= allowed) {
    const d = distance(a, b);
    if (d <= allowed) return { kind: 'close', score: 1 - d / longer };
  }
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const shortWords = short.split(' ').length;
  if (shortWords >= CONTAINED_MIN_WORDS && ` ${long} `.includes(` ${short} `)) {
    return { kind: 'contained', score: shortWords / long.split(' ').length };
  }
  return null;
}

/** One summary matched to one row: indexes into the arrays given to matchTitles. */
export interface TitleMatch {
  readonly entry: number;
  readonly row: number;
  readonly kind: MatchKind;
}

const RANK = { exact: 0, close: 1, contained: 2 } as const;

/** Matches the summaries of one issue to the database rows of that issue, by title (see above). */
export function matchTitles(entryTitles: readonly string[], rowTitles: readonly string[]): TitleMatch[] {
  const entryKeys = entryTitles.map(titleKey);
  const rowKeys = rowTitles.map(titleKey);
  const pairs: { entry: number; row: number; kind: 'exact' | 'close' | 'contained'; score: number }[] = [];
  entryKeys.forEach((ek, entry) => {
    rowKeys.forEach((rk, row) => {
      const found = compareKeys(ek, rk);
      if (found) pairs.push({ entry, row, ...found });
    });
  });
  pairs.sort((x, y) => RANK[x.kind] - RANK[y.kind] || y.score - x.score || x.entry - y.entry || x.row - y.row);
  const entryTaken = new Set<number>();
  const rowTaken = new Set<number>();
  const out: TitleMatch[] = [];
  for (const pair of pairs) {
    if (entryTaken.has(pair.entry) || rowTaken.has(pair.row)) continue;
    entryTaken.add(pair.entry);
    rowTaken.add(pair.row);
    out.push({ entry: pair.entry, row: pair.row, kind: pair.kind });
  }
  // A header written twice (the highlight and its pointer) takes the row of its exact twin.
  for (const pair of pairs) {
    if (pair.kind !== 'exact' || entryTaken.has(pair.entry)) continue;
    entryTaken.add(pair.entry);
    out.push({ entry: pair.entry, row: pair.row, kind: 'repeat' });
  }
  return out.sort((x, y) => x.entry - y.entry);
}
