/**
 * The newsletter's standing text, dropped wherever it appears: the preamble, the footer and
 * mail-client furniture. Patterns see through Markdown links and emphasis, and through the
 * padding scrapers leave before punctuation (`resources here .`).
 */

const PHRASES: string[] = [
  'Alignment Newsletter is a [weekly] publication with recent content relevant to AI alignment [around the world].',
  'Find all Alignment Newsletter resources here.',
  'In particular, you can sign up, or look through this spreadsheet of all summaries that have ever been in the newsletter.',
  'In particular, you can look through this spreadsheet of all summaries that have ever been in the newsletter.',
  'You can also look through this spreadsheet of all summaries that have ever been in the newsletter.',
  "I'm always happy to hear feedback; you can send it to me, Rohin Shah, by replying to this email.",
  "I'm always happy to hear feedback; you can send it to me by replying to this email.",
  'Audio version here (may not be up yet).',
  'Please note that[,] while I work at DeepMind, this newsletter represents my personal views and not those of my employer.',
  'Crossposted from the AI Alignment Forum. May contain more technical jargon than usual.',
  'An audio podcast version of the Alignment Newsletter is available.',
  'This podcast is an audio version of the newsletter, recorded by Robert Miles.',
  'View this email in your browser',
  'Want to change how you receive these emails?',
  'You can update your preferences or unsubscribe from this list.',
];

/** Between two words of a phrase: spaces, emphasis markers, link brackets and link targets. */
const GAP = String.raw`(?:\s|[*_\[]|\]\([^)\s]*\)|\])*`;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A phrase as a pattern: `[word]` is optional, commas are optional, apostrophes may be curly. */
function tolerant(phrase: string): string {
  const tokens = phrase.match(/\[[^\]]+\]|[\p{L}\p{N}'’@©]+|[^\s\p{L}\p{N}]/gu) ?? [];
  return tokens
    .map((t) => {
      if (t.startsWith('[')) return `(?:${tolerant(t.slice(1, -1))}${GAP})?`;
      const p = escapeRegExp(t).replace(/'/g, "['’]");
      return t === ',' ? `(?:${p})?` : p;
    })
    .join(GAP);
}

/** Footer headings (`FEEDBACK`, `PODCAST`) may stand inline before their paragraph in a flattened issue. */
const FOOTER_HEADING = String.raw`(?:(?:FEEDBACK|PODCAST|Feedback|Podcast)\s+)?`;

// Case-sensitive and without a look-behind, so the engine can skip ahead to the few letters the phrases start with.
export const BOILERPLATE = new RegExp(String.raw`${FOOTER_HEADING}(?:${PHRASES.map(tolerant).join('|')})(?:\s*[*_]{1,2})?`, 'gu');

/** True when the text holds a standing sentence. */
export function hasStandingText(text: string): boolean {
  BOILERPLATE.lastIndex = 0;
  const found = BOILERPLATE.test(text);
  BOILERPLATE.lastIndex = 0;
  return found;
}

/** Words every standing sentence contains one of: a cheap test before the expensive pattern. */
// Not bare `newsletter`: Markdown exports link every `(AN #N)` to an address containing it.
const HINTS = [
  'Alignment Newsletter',
  'the newsletter',
  'this newsletter',
  'eedback',
  'Audio version',
  'Crossposted',
  'email',
  'subscribe',
];

/** The hints as one pattern: a single pass over the text instead of one a hint. */
const ANY_HINT = new RegExp(HINTS.map(escapeRegExp).join('|'));

/** True when the text may hold standing text (false means it certainly does not). */
export function mayHoldBoilerplate(text: string): boolean {
  return ANY_HINT.test(text);
}

/**
 * Every standing sentence in a long text, as [start, end) spans. One pass of the pattern: it starts
 * with a literal word, so the engine skips ahead to the few letters a phrase can start with, and a
 * several-megabyte flattened issue is scanned in milliseconds.
 */
export function findBoilerplate(text: string): [number, number][] {
  const spans: [number, number][] = [];
  BOILERPLATE.lastIndex = 0;
  for (let m = BOILERPLATE.exec(text); m; m = BOILERPLATE.exec(text)) {
    if (m[0].length === 0) {
      BOILERPLATE.lastIndex++;
      continue;
    }
    spans.push([m.index, m.index + m[0].length]);
  }
  BOILERPLATE.lastIndex = 0;
  return spans;
}

/** Markdown images (mail-client icons) are furniture too. */
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;

/** True when the text may hold standing text or an image (false means stripping changes only spaces). */
function mayHoldFurniture(text: string): boolean {
  return mayHoldBoilerplate(text) || text.includes('![');
}

/** Removes every standing sentence; what is left is the block's own text. */
export function stripBoilerplate(text: string): string {
  if (!mayHoldFurniture(text)) return text.trim();
  return text
    .replace(BOILERPLATE, ' ')
    .replace(IMAGE, ' ')
    .replace(/[ ]{2,}/g, ' ')
    .trim();
}

/** True when nothing but standing text, markup and punctuation is left. */
export function isOnlyBoilerplate(text: string): boolean {
  if (text.length > 1200 || !mayHoldFurniture(text)) return !/[\p{L}\p{N}]/u.test(text);
  return !/[\p{L}\p{N}]/u.test(stripBoilerplate(text).replace(/\]\([^)]*\)/g, ''));
}

/** Headings of the standing footer: the entries are over once one appears. */
export function isFooterHeading(text: string): boolean {
  return /^(?:feedback|podcast|subscribe)$/i.test(text.replace(/[*_#:]/g, '').trim());
}
