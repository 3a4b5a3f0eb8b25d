/**
 * URL slugs for the site's own pages (papers, categories, summarizers).
 *
 * A slug depends only on the text it is made from, never on what else is in the archive,
 * so adding an issue can never change an existing URL. (Entry anchors come from the parser's
 * own slugger in src/parse/assign-ids.ts and are unique within an issue.)
 */

/** Longest slug kept whole; longer ones are cut and given a hash of the full text so they stay distinct. */
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

/**
 * Lower-case words joined by `-`: letters and digits of any script are kept (accents dropped),
 * everything else separates words. `"LCA: Loss Change Allocation"` -> `lca-loss-change-allocation`.
 */
export function slugWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A slug that is a pure function of `text`. Texts with no letters or digits get `fallback-<hash>`;
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
