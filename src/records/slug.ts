/**
 * Slugs: the one way text becomes part of an address, for the parser's ids and anchors and the
 * site's page URLs alike. A slug depends only on the text it is made from, never on what else is
 * in the archive, so adding an issue can never change an existing URL.
 *
 * One rule, in two alphabets, because each address is a contract readers already link to:
 * - `anchorSlug`: an entry's anchor (`#is-sgd-a-bayesian-sampler-well-almost`) and the id of an
 *   issue named by its file (`drafts-week-12`). ASCII letters and digits, `&` read as `and`; a
 *   long one is cut at a word boundary. Unique within their issue or archive by `-2`, `-3` or a
 *   hash, added by the caller.
 * - `stableSlug`: the site's pages of papers, categories and people (`/papers/lca-loss-change-allocation/`).
 *   Letters and digits of any script, so a title in Greek or Chinese keeps its words; a long one
 *   is cut at a word boundary and given a hash of the whole text, so two long titles sharing a
 *   beginning still differ; a text with no letters or digits gets `fallback-<hash>`.
 * Both drop accents and apostrophes and join the words with `-` (`slugWords`).
 */

/** Longest page slug kept whole; longer ones are cut and given a hash of the full text so they stay distinct. */
export const MAX_SLUG_LENGTH = 80;

/** FNV-1a 32-bit hash of the text, base 36, 6 characters: short, deterministic, dependency-free. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-6);
}

/** What counts as a word, and what is dropped inside one, in each alphabet. */
const ALPHABETS = {
  ascii: { marks: /[\u0300-\u036f]/g, ampersand: true, apostrophes: /['’]/g, between: /[^a-z0-9]+/g },
  any: { marks: /\p{M}+/gu, ampersand: false, apostrophes: /['’‘`]/g, between: /[^\p{L}\p{N}]+/gu },
} as const;

/**
 * Lower-case words joined by `-`: accents dropped (`Adrià` -> `adria`), apostrophes dropped
 * (`Ada's` -> `adas`), everything else between letters and digits one `-`.
 * `"LCA: Loss Change Allocation"` -> `lca-loss-change-allocation`.
 */
export function slugWords(text: string, alphabet: keyof typeof ALPHABETS = 'any'): string {
  const a = ALPHABETS[alphabet];
  let words = text.normalize('NFKD').replace(a.marks, '').toLowerCase();
  if (a.ampersand) words = words.replace(/&/g, ' and ');
  return words
    .replace(a.apostrophes, '')
    .replace(a.between, '-')
    .replace(/^-+|-+$/g, '');
}

/** `slugWords(text, 'ascii')` for ASCII text in one pass (most titles): the parser slugs every entry. */
function asciiSlug(text: string): string {
  let out = '';
  let gap = false;
  const word = (w: string): void => {
    if (gap && out !== '') out += '-';
    gap = false;
    out += w;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) word(text[i]!);
    else if (c >= 65 && c <= 90) word(String.fromCharCode(c + 32));
    else if (c === 38 /* & */) {
      gap = true;
      word('and');
      gap = true;
    } else if (c !== 39 /* ' */) gap = true;
  }
  return out;
}

/**
 * An anchor or id: `Is SGD a Bayesian Sampler? Well, almost.` -> `is-sgd-a-bayesian-sampler-well-almost`.
 * Cut to at most `max` characters at the last word boundary past the middle. '' when the text has
 * no ASCII letters or digits (the caller has a fallback).
 */
export function anchorSlug(text: string, max = 80): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
  const slug = /[^\x00-\x7f]/.test(text) ? slugWords(text, 'ascii') : asciiSlug(text);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/**
 * A page slug that is a pure function of `text`. Texts with no letters or digits get `fallback-<hash>`;
 * texts whose slug would be longer than MAX_SLUG_LENGTH are cut at a word boundary and get
 * `-<hash>` of the whole text, so two long titles sharing a beginning still differ.
 */
export function stableSlug(text: string, fallback: string): string {
  const words = slugWords(text);
  if (words === '') return `${fallback}-${shortHash(text)}`;
  if (words.length <= MAX_SLUG_LENGTH) return words;
  const cut = words.slice(0, MAX_SLUG_LENGTH);
  const atWord = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
  return `${atWord}-${shortHash(words)}`;
}
