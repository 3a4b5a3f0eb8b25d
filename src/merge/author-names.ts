/**
 * Author lists as written (`Ada Lovelace*, Alan M. Turing and Grace Hopper et al.`) split into
 * names once, each with a key for identity (`authorKey`, src/records/names.ts) and a slug for its
 * page. Pure.
 *
 * What the newsletter and its spreadsheet write, and what becomes of it:
 *   `A, B and C`, `A & B`, `A; B`           three or two names
 *   `A et al`, `A et al.`, `A, others`      the names, and `etAl: true` (never a name)
 *   `A*, B†, C`                             markers dropped, `equalContribution` on A and B
 *   `S.M. Ali Eslami`, `J. Leike`           initials kept, spaced: `S. M. Ali Eslami`
 *   `Krishnamurthy (Dj) Dvijotham`          a nickname in parentheses dropped
 *   `Laurens van der Maaten`                particles kept in the name and its surname
 *   `Many people at X`, `The X team`        one name, an organisation
 *   `TurnTrout`, `William_S`, `cousin_it`   forum user names, as written
 *   `Tom Brown, Research Engineer`          a job title after a name dropped
 */
import { distance } from 'fastest-levenshtein';
import { stripMarkup } from '../parse/markup.ts';
import { authorKey, foldName, readsAsPerson } from '../records/names.ts';
import { stableSlug } from '../records/slug.ts';

/** One author, person or organisation. */
export interface AuthorName {
  /** As shown: markers, nicknames and job titles removed, spaces and initials tidied. */
  readonly name: string;
  /** The family name with its particles (`van der Maaten`), for sorting; the whole name for an organisation or a one-word name. */
  readonly surname: string;
  /** Identity: lower case, no diacritics or punctuation, middle initials dropped (`Seth D. Baum` and `Seth Baum` are one author). */
  readonly key: string;
  /** URL slug of the key (`seth-baum`). */
  readonly slug: string;
  /** Marked `*` or `†` in the list: contributed equally. */
  readonly equalContribution: boolean;
  /** A team, a group of people or an institution rather than one person. */
  readonly organisation: boolean;
}

/** An author list, split. */
export interface AuthorList {
  /** In the order written, no repeats (by key). */
  readonly names: readonly AuthorName[];
  /** The list ended `et al` (or `others`): it names only some authors. */
  readonly etAl: boolean;
}

/** Lower-case particles that belong to the family name: `Pim de Haan`, `Aaron van den Oord`. */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'du',
  'dos',
  'das',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
]);

/** A title before a name: `Dr Ada Lovelace`, `Prof. Alan Turing`. */
const HONORIFIC = /^(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir)\.?\s+(?=\p{Lu})/u;

/** Job titles written after a name in the spreadsheet: `Tom Brown, Research Engineer, Google`. */
const ROLE =
  /^(?:[\p{L}.]+\s+){0,2}(?:engineers?|researchers?|scientists?|advisors?|advisers?|students?|interns?|professors?|directors?|fellows?|managers?|leads?|editors?)$/iu;

/** `et al`, `et al.`, `et. al`, `and others`, `others`, `and colleagues` at a list's end or before a comma. */
const ET_AL = /(?:,\s*|\s+)(?:(?:and\s+)?others|et\.?\s*al\.?|and\s+colleagues)(?=\s*(?:,|;|$))/giu;

/** `*`, `†`, `‡` and the like after (or before) a name; `*` and `†` mark equal contribution. */
const MARKERS = /[*†‡§¶#^]+|[\u00b9\u00b2\u00b3\u2070-\u2079]+/gu;

/** `S.M. Ali`, `E.H.Tay` -> `S. M. Ali`, `E. H. Tay`; runs of space as one. */
function tidy(name: string): string {
  return name
    .replace(/\b(\p{Lu})\.(?=\p{Lu})/gu, '$1. ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:&]+|[\s,;:&]+$/g, '')
    .trim();
}

/** `Laurens van der Maaten` -> `van der Maaten`; `Ada Lovelace` -> `Lovelace`; `TurnTrout` -> `TurnTrout`. */
function surnameOf(name: string): string {
  const words = name.split(' ');
  if (words.length < 2) return name;
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  return words.slice(start).join(' ');
}

/** One name: markers and nicknames out, initials spaced, key and slug made. Null for an empty piece or a job title. */
function authorName(piece: string): AuthorName | null {
  const marked = /[*†]/.test(piece);
  const plain = stripMarkup(piece.replace(MARKERS, ' '))
    .trim()
    .replace(HONORIFIC, '')
    // An affiliation number after a surname: `Ada Lovelace2` (a one-word handle like `ada1815` keeps its digits).
    .replace(/(?<=\S\s+\S*\p{Ll})\d{1,2}$/u, '')
    // A full stop ending the name, unless it ends an initial or a short abbreviation: `Seth D.`, `Jr.`.
    .replace(/(?<!(?:^|\s)\p{L}{1,2})\.$/u, '');
  const name = tidy(plain);
  if (name === '' || ROLE.test(name) || !/[\p{L}\p{N}]/u.test(name)) return null;
  const organisation = !readsAsPerson(name);
  const key = authorKey(name, organisation);
  return {
    name,
    surname: organisation ? name : surnameOf(name),
    key,
    slug: stableSlug(key, 'author'),
    equalContribution: marked,
    organisation,
  };
}

/** A piece of a list that can stand as a name of its own: a person, a job title, or a group named from its start. */
const standsAlone = (piece: string, groups: boolean): boolean =>
  readsAsPerson(piece) || ROLE.test(piece.trim()) || (groups && /^(?:\p{Lu}|the\s)/u.test(piece) && piece.trim().split(/\s+/).length >= 2);

/**
 * One comma-separated part split at `and` and `&`: at `&` only between people's names (`the Robust &
 * Verified Learning group` is one), at `and` also between groups (`Acme Team and Ada Lovelace`).
 */
function splitJoined(part: string): string[] {
  const byAnd = part.split(/\s+and\s+/i);
  if (byAnd.length > 1 && !byAnd.every((p) => standsAlone(p, true))) return [part];
  return byAnd.flatMap((p) => {
    const byAmp = p.split(/\s+&\s+/);
    return byAmp.length > 1 && byAmp.every((q) => standsAlone(q, false)) ? byAmp : [p];
  });
}

/**
 * Splits an author list as written into names. Commas and semicolons always separate; `and` and `&`
 * only where each side stands as a name of its own (see splitJoined), so `Many people at X` and
 * `the Robust & Verified Learning group` stay one name.
 */
export function splitAuthors(text: string | null | undefined): AuthorList {
  if (text === null || text === undefined || text.trim() === '') return { names: [], etAl: false };
  let etAl = false;
  const body = ` ${text.normalize('NFC').replace(/\s+/g, ' ')}`
    // A nickname in parentheses: `Krishnamurthy (Dj) Dvijotham`, `Xue Bin (Jason) Peng`.
    .replace(/\s*\([^()]*\)\s*/g, ' ')
    .replace(ET_AL, () => {
      etAl = true;
      return '';
    });
  const names: AuthorName[] = [];
  const seen = new Set<string>();
  for (const part of body.split(/[,;]/)) {
    const trimmed = part.trim().replace(/^(?:and|&)\s+/i, '');
    for (const piece of splitJoined(trimmed)) {
      const name = authorName(piece);
      if (name === null || seen.has(name.key)) continue;
      seen.add(name.key);
      names.push(name);
    }
  }
  return { names, etAl };
}

/**
 * True when two names are one author as far as the text can tell: the same key; or (two people)
 * the same surname with given names that agree: equal, one an initial of the other (`J. Leike`,
 * `Jan Leike`), one a letter off the other in names of five letters or more (`Nicolas`,
 * `Nicholas`), or one name only a surname (`Lovelace`, `Ada Lovelace`).
 * For completing a short list from a longer one, never for merging author pages.
 */
export function sameAuthor(a: AuthorName, b: AuthorName): boolean {
  if (a.key === b.key) return true;
  if (a.organisation || b.organisation || foldName(a.surname) !== foldName(b.surname)) return false;
  if (a.name === a.surname || b.name === b.surname) return true;
  const ga = a.key.split(' ')[0]!;
  const gb = b.key.split(' ')[0]!;
  if (ga === gb) return true;
  if (ga.length === 1 || gb.length === 1) return ga[0] === gb[0];
  return ga.length >= 5 && gb.length >= 5 && distance(ga, gb) <= 1;
}
