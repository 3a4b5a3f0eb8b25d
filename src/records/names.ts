/**
 * People's names, in one place for the parser, the merge with the database, the related engine,
 * the people pages and BibTeX. Pure. Three rules, each for its own meaning:
 *
 *   foldName(text)      the one fold: lower case, no diacritics, apostrophes dropped, every other
 *                       run of punctuation a space. Two spellings with one fold are one name
 *                       (`Grégoire Delétang` and `gregoire deletang`; `O’Keefe` and `OKeefe`).
 *   authorKey(name)     identity of an author: the fold, and for a person single-letter middle
 *                       initials dropped (`Seth D. Baum` and `Seth Baum` are one author).
 *   nameAsShown(name)   the spelling a page shows: as written, without the marks around it that are
 *                       not part of the name (`+Ada.` is `Ada`); never a key, as case and accents stay.
 *
 *   familyKey(surname)  a family name with its particles as one ASCII word, for citation keys
 *                       (`van der Maaten` is `vandermaaten`).
 */
import { slugWords } from './slug.ts';

/** Latin letters whose diacritic is not a combining mark, so NFKD leaves them whole: `Sørensen` is `sorensen`. */
const UNMARKED: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Lower case, no diacritics, apostrophes dropped, every other mark a space: the base of name keys.
 * `Grégoire Delétang` -> `gregoire deletang`, `O’Keefe` -> `okeefe`, `Dan H.` -> `dan h`, `Ada+` -> `ada`.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (c) => UNMARKED[c] ?? c)
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words that make a name an organisation: `Chatham House`, `The AlphaStar team`, `Many people at X`. */
const ORGANISATION =
  /\b(?:team|group|lab|labs|laboratory|institute|university|college|centre|center|foundation|society|association|committee|council|commission|department|house|inc|ltd|llc|corp|corporation|company|project|initiative|collaboration|consortium|network|alliance|staff|organi[sz]ation|programme|agency|ministry|government|school|academy|people|researchers|contributors|authors)\b/i;

/** A piece that starts like a noun phrase, not a name: `the X group`, `Many people at X` (but `A. Turing` is a name). */
const DETERMINER = /^(?:[Tt]he|an?|[Mm]any|[Ss]everal|[Vv]arious|[Oo]ur|[Ss]ome)\s/;

/** A piece of an author list that reads as one person's name: a few words, none of them an organisation's, no determiner first. */
export function readsAsPerson(piece: string): boolean {
  const words = piece.split(/\s+/).filter(Boolean);
  // ` at ` in lower case joins a group to its institution: `Robotics at Acme`.
  return words.length >= 1 && words.length <= 6 && !DETERMINER.test(piece) && !ORGANISATION.test(piece) && !/ at /.test(piece);
}

/**
 * The key that decides whether two spellings are one author: folded (case, diacritics, punctuation),
 * and for a person, single-letter middle initials dropped, so `Seth D. Baum` is `seth baum`.
 */
export function authorKey(name: string, organisation = !readsAsPerson(name)): string {
  const words = foldName(name).split(' ').filter(Boolean);
  if (organisation || words.length <= 2) return words.join(' ');
  return words.filter((w, i) => i === 0 || i === words.length - 1 || w.length > 1).join(' ');
}

/**
 * A name as shown: what the header's parenthetical held, without the marks around it that are
 * not part of the name (`(reviewed by +Ada.)` -> `Ada`). Case, accents and inner punctuation stay.
 */
export function nameAsShown(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/^[\s+]+/, '')
    .replace(/[\s.,;:!?]+$/, '');
}

/** A family name as one ASCII word, particles kept: `van der Maaten` -> `vandermaaten`, `Ångström` -> `angstrom`, `O’Keefe` -> `okeefe`. */
export function familyKey(surname: string): string {
  return slugWords(surname)
    .split('-')
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .join('');
}
