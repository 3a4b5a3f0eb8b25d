/**
 * An entry header at the start of a piece of text, its credit markers the dialect's
 * (`credits` in newsletter.yml; here `reviewed by` and `via`):
 *   Title (Authors) (reviewed by Name) (via Name): summary...
 *   **[Title](url)** *(Authors)* (reviewed by Name):
 *   Title (Authors)                                   <- a "see also" item, no summary
 *   Open Positions: Researchers (reviewed by Ada): ...   <- no authors
 *   Conditional revealed preference (Jessica Taylor) : ...      <- no summarizer
 */
import type { DialectRules } from '../records/dialect.ts';
import { looksLikeAuthors, splitNames } from './authors.ts';
import { firstLinkUrl, stripMarkup, unpad } from './markup.ts';

export interface Header {
  title: string;
  authors: string | null;
  summarizers: string[];
  hatTips: string[];
  url: string | null;
  /** Characters of the text the header takes, with its colon and the spaces after it. */
  length: number;
  /** True when nothing follows the header (no colon, no summary). */
  standalone: boolean;
}

/** How far into a piece of text a header may reach. Bounds the work on hostile input. */
const MAX_HEADER = 4000;
/** How long one parenthetical of a header may be (the longest author lists, a hundred names, are about 2,000 characters). */
export const LONG_GROUP = 3000;
const MAX_GROUPS = 6;
const SKIP = /[\s*_]/;

/** Offset of the `(` that opens the group closed at `close`, or -1 (unbalanced or too long). */
export function openingParen(text: string, close: number, floor = 0, reach = 400): number {
  let depth = 0;
  const stop = Math.max(floor, close - reach);
  for (let i = close; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === 41 /* ) */) depth++;
    else if (c === 40 /* ( */) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export interface Group {
  start: number;
  end: number; // offset after ')'
  inner: string;
}

/** The run of parenthetical groups that ends at `close` (the offset of its last `)`), in reading order. */
export function groupRun(text: string, close: number, floor = 0, reach = 400): Group[] {
  const groups: Group[] = [];
  let at = close;
  // A header has at most a handful of groups (`(Authors) (reviewed by X) (via Y)`); a longer run is
  // not walked to its start, which keeps `(x)(x)(x)...` linear.
  while (groups.length < MAX_GROUPS) {
    const open = openingParen(text, at, floor, reach);
    if (open < 0) break;
    // `[text](url)`: a link target, not a parenthetical.
    if (open > 0 && text[open - 1] === ']') break;
    groups.unshift({ start: open, end: at + 1, inner: text.slice(open + 1, at) });
    let j = open - 1;
    while (j >= floor && SKIP.test(text[j]!)) j--;
    if (j < floor || text[j] !== ')') break;
    at = j;
  }
  return groups;
}

export interface RunParts {
  authors: string | null;
  summarizers: string[];
  hatTips: string[];
  /** Offset where the title ends: the start of the authors group or of the first special group. */
  titleEnd: number;
  hasSummarizer: boolean;
}

/** Reads a run of groups: `(Authors) (reviewed by X) (via Y)`. */
export function readRun(groups: Group[], rules: DialectRules): RunParts | null {
  let i = groups.length;
  const summarizers: string[] = [];
  const hatTips: string[] = [];
  let hasSummarizer = false;
  while (i > 0) {
    const inner = stripMarkup(groups[i - 1]!.inner);
    const s = rules.summarized?.exec(inner);
    const h = rules.hatTip?.exec(inner);
    if (s) {
      summarizers.unshift(...splitNames(s[1]!));
      hasSummarizer = true;
    } else if (h) hatTips.unshift(...splitNames(h[1]!));
    else break;
    i--;
  }
  let authors: string | null = null;
  let titleEnd = groups[i]?.start ?? groups[0]!.start;
  if (i > 0) {
    const g = groups[i - 1]!;
    const inner = stripMarkup(g.inner, true);
    const citation = rules.citationText?.test(stripMarkup(g.inner)) === true;
    if (!citation && (hasSummarizer || looksLikeAuthors(inner, rules))) {
      authors = unpad(inner);
      titleEnd = g.start;
    } else if (!hasSummarizer) return null;
  } else if (!hasSummarizer) return null;
  return { authors, summarizers, hatTips, titleEnd, hasSummarizer };
}

export function isCapitalised(word: string): boolean {
  return /^["“'‘([]*[\p{Lu}\p{N}]/u.test(word);
}

/** A short run of words most of which are capitalised: the tail of a title (`Well, almost.` is not; `Is SGD a Bayesian Sampler?` is). */
export function isTitleCase(text: string): boolean {
  const ws = text.split(/\s+/).filter(Boolean);
  if (ws.length === 0 || ws.length > 14) return false;
  const long = ws.filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 4);
  if (long.length === 0) return ws.length <= 4;
  return long.filter(isCapitalised).length / long.length >= 0.75;
}

/** Title text of a header, markup removed: `**[Title](url)**` -> `Title`. */
export function cleanTitle(raw: string): string {
  return unpad(stripMarkup(raw))
    .replace(/^[\s\-–—:*_]+|[\s\-–—:*_]+$/g, '')
    .trim();
}

/** Words in a title-sized string; a summary sentence runs longer. */
function titleSized(title: string): boolean {
  const words = title.split(/\s+/).filter(Boolean).length;
  // A long title (a paper's, up to 400 characters) is still one, as long as no sentence ends inside it.
  if (words > 40 && /[.!?:;]["”’)]*\s+["“‘(]?\p{Lu}/u.test(title)) return false;
  return words > 0 && words <= 70 && title.length <= 400;
}

/**
 * Where the summary starts after a header's colon at `from - 1`: past spaces and a closing
 * emphasis marker (`**Title** *(Authors)*:** text` in some exports), but not past one that opens
 * the summary's own emphasis (`(reviewed by Ada): **[Debate](url)** requires ...`).
 */
function summaryStart(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  let end = at;
  while (end < text.length && (text[end] === '*' || text[end] === '_')) end++;
  if (end > at && (end >= text.length || /\s/.test(text[end]!))) {
    at = end;
    while (at < text.length && /\s/.test(text[at]!)) at++;
  }
  return at;
}

/** A header at the start of `text`, or null. */
export function matchHeader(text: string, rules: DialectRules): Header | null {
  const limit = Math.min(text.length, MAX_HEADER);
  for (let close = text.indexOf(')'); close >= 0 && close < limit; close = text.indexOf(')', close + 1)) {
    // What follows the group: a colon (header with summary) or nothing (stand-alone header).
    let k = close + 1;
    while (k < text.length && SKIP.test(text[k]!)) k++;
    const colon = text[k] === ':';
    const atEnd = k >= text.length;
    if (!colon && !atEnd) continue;
    // Author lists of twenty names run long: `(Peter W. Battaglia, Jessica B. Hamrick, ...)`.
    const groups = groupRun(text, close, 0, LONG_GROUP);
    if (groups.length === 0) continue;
    const run = readRun(groups, rules);
    if (!run) continue;
    const rawTitle = text.slice(0, run.titleEnd);
    const title = cleanTitle(rawTitle);
    if (!title || !titleSized(title)) continue;
    if (!run.hasSummarizer) {
      // Without `(reviewed by ...)` the parenthetical must read as names, and a stand-alone
      // line must not be a sentence that happens to end in one: `... as argued (Smith and Jones)`.
      if (!run.authors) continue;
      // `... we get the Catastrophic Convergence Conjecture (CCC): "..."` is a sentence defining an acronym.
      if (/^[\p{Lu}\p{N}]{2,6}$/u.test(run.authors)) continue;
      if (atEnd && /[.!;]\s+\p{Ll}/u.test(title)) continue;
    }
    let length = k + (colon ? 1 : 0);
    if (colon) length = summaryStart(text, length);
    return {
      title,
      authors: run.authors,
      summarizers: run.summarizers,
      hatTips: run.hatTips,
      url: firstLinkUrl(rawTitle),
      length,
      standalone: !colon,
    };
  }
  return null;
}
