/**
 * Telling an author parenthetical `(Janice Lan et al)` from any other parenthetical
 * `(see Section 3)`, and splitting name lists `Rohin and Flo` / `Asya, Rohin`.
 */

const CONNECTORS = new Set([
  'and', '&', 'et', 'al', 'al.', 'de', 'del', 'della', 'van', 'von', 'der', 'den', 'du', 'da', 'di', 'la', 'le', 'dos', 'das',
  'y', 'bin', 'ibn', 'ten', 'ter', 'of', 'the', 'for', 'at', 'on', 'in',
]);

/** A name-like token: `Janice`, `W.`, `O'Keefe`, `Jean-Luc`, `DeepMind`, `evhub`, `Zhu*`, `80,000`. */
const NAME_TOKEN = /^[\p{Lu}\p{Lt}\p{N}][\p{L}\p{M}\p{N}.'’\-]*\*?\.?$/u;
const LOWER_HANDLE = /^[\p{Ll}][\p{L}\p{N}_\-]{2,20}$/u;

/** True when a parenthetical's text reads as a list of authors or an organisation. */
export function looksLikeAuthors(text: string, strict = false): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 400) return false;
  if (/^(?:AN ?#\d+|summari[sz]ed by\b|H\/T\b|e\.g\.|i\.e\.|see\b|cf\.|via\b|and\b|or\b)/i.test(t)) return false;
  if (/[:;!?=<>{}[\]]|https?:|\d%/.test(t)) return false;
  const tokens = t.split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 60) return false;
  let names = 0;
  for (const token of tokens) {
    if (CONNECTORS.has(token.toLowerCase())) continue;
    if (NAME_TOKEN.test(token)) {
      names++;
      continue;
    }
    // A forum handle written in lower case, alone: `(evhub)`.
    if (tokens.length === 1 && LOWER_HANDLE.test(token)) return !strict;
    return false;
  }
  if (names === 0) return false;
  if (strict) return names >= 2 || /\bet al\b/.test(t);
  // A bare number `(2019)` is a year, not an author.
  return !/^\d+$/.test(t);
}

/** `Rohin and Flo`, `Asya, Rohin`, `Rohin/Robert` -> names. */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:,|\/|&|\band\b)\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
