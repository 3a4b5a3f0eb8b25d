/**
 * Telling an author parenthetical `(Janice Lan et al)` from any other parenthetical
 * `(see Section 3)`, and splitting name lists `Ada and Flo` / `Asya, Ada`.
 */
import type { DialectRules } from '../records/dialect.ts';

const CONNECTORS = new Set([
  'and',
  '&',
  'et',
  'al',
  'al.',
  'de',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'du',
  'da',
  'di',
  'la',
  'le',
  'dos',
  'das',
  'y',
  'bin',
  'ibn',
  'ten',
  'ter',
  'of',
  'the',
  'for',
  'at',
  'on',
  'in',
]);

/**
 * A name-like token: `Janice`, `W.`, `O'Keefe`, `Jean-Luc`, `DeepMind`, `Zhu*`, `80,000`, and forum
 * user names with an underscore (`William_S`, `Douglas_Reay`).
 */
const NAME_TOKEN = /^[\p{Lu}\p{Lt}\p{N}][\p{L}\p{M}\p{N}.'’\-_]*\*?\.?$/u;
/** A forum user name in lower case, alone: `(evhub)`, `(zhukeepa)`, `(cousin_it)`, `(rk)`. */
const LOWER_HANDLE = /^[\p{Ll}][\p{L}\p{N}_-]{1,30}$/u;
/** Two-letter asides that are not user names: `(ii)`, `(ie)`. */
const NOT_HANDLE = /^(?:[ivx]+|ie|eg|cf|vs|ok|no|so|or|as|an|at|by|in|is|it|of|on|to|up|us|we)$/;

/** True when a parenthetical's text reads as a list of authors or an organisation. */
export function looksLikeAuthors(text: string, rules: DialectRules, strict = false): boolean {
  // A nested aside belongs to one name: `Krishnamurthy (Dj) Dvijotham`, `Xue Bin (Jason) Peng`.
  const trimmed = text.trim();
  const t = trimmed.includes('(') ? trimmed.replace(/\s*\([^()]{1,20}\)\s*/g, ' ').trim() : trimmed;
  if (t.length < 2 || t.length > 3000) return false;
  // A credit (`reviewed by X`) is not authors, nor a citation (`#` below), nor an aside.
  if (rules.creditStart?.test(t) || /^(?:e\.g\.|i\.e\.|see\b|cf\.|via\b|and\b|or\b)/i.test(t)) return false;
  // A colon also refuses an address (`https://...`): no name holds one.
  if (/[:;!?=<>{}[\]#]|\d%/.test(t)) return false;
  const tokens = t.split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 400) return false;
  // A forum handle written in lower case, alone: `(evhub)`.
  if (tokens.length === 1 && LOWER_HANDLE.test(t)) return !strict && !NOT_HANDLE.test(t);
  let names = 0;
  let lower = 0;
  for (const [i, raw] of tokens.entries()) {
    if (CONNECTORS.has(raw.toLowerCase())) continue;
    // Scraped accents may stand apart from their letter: `Sean ́Oh ́Eigeartaigh`.
    const token = /^[A-Za-z0-9]/.test(raw) ? raw : raw.replace(/^[^\p{L}\p{N}]+/u, '');
    if (token === '') continue;
    // A particle written onto the name: `d'Avila`, `dell’Anna`.
    if (NAME_TOKEN.test(token) || /^\p{Ll}{1,4}['’]\p{Lu}/u.test(token)) names++;
    // Credits are mostly names, with a few words between them: `Many people at OpenAI`,
    // `The AlphaStar team`, `Kevin Hartnett interviewing Judea Pearl`, `Seán Ó hÉigeartaigh`.
    else if (i > 0 && /^\p{Ll}[\p{L}\p{M}'’-]*$/u.test(token)) lower++;
    else return false;
  }
  if (names === 0 || lower > names) return false;
  if (strict) return lower === 0 && (names >= 2 || /\bet al\b/.test(t));
  // A bare number `(2019)` is a year, not an author.
  return !/^\d+$/.test(t);
}

/** `Ada and Flo`, `Asya, Ada`, `Ada/Robert` -> names. */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:,|\/|&|\band\b)\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
