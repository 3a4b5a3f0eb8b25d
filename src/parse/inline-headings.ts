/**
 * Section headings inside a line that holds a whole flattened issue, for `cutFlattened`:
 *   ... the setup is narrow. Technical AI alignment Problems Quiet Gradients (Ines Moreau et al) : ...
 *   ... with scale. NEWS Tide Tables Open: Apply by March 3.
 * A heading is found where the newsletter writes one: in capitals, or exactly as its label in
 * categories.yml, followed by a title (which starts with a capital, a digit or a quote).
 */
import type { DialectRules } from '../records/dialect.ts';
import type { Vocabulary } from '../records/categories.ts';
import { groupRun, isCapitalised } from './header.ts';
import { looksLikeAuthors } from './authors.ts';

/** A place to cut a flattened line. */
export interface Cut {
  start: number;
  /** End of a piece with a fixed extent (heading, standing text); -1 when it runs to the next cut. */
  end: number;
  kind: 'piece' | 'heading' | 'drop';
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What follows a heading: a title, which starts with a capital, a digit or a quote; never a parenthetical (`... Hard Exploration Problems (Caglar Gulcehre et al)`). */
const STARTS_TITLE = /^["“'‘[*_]*[\p{Lu}\p{N}$£€]/u;

/** The words in `[from, to)`, at most `max` of them. */
function words(text: string, from: number, to: number, max = Infinity): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to && out.length < max; m = re.exec(text))
    out.push({ start: m.index, end: Math.min(to, m.index + m[0].length) });
  return out;
}

/**
 * How many words (at most 7) of the heading that starts at word `i`: the longest phrase there that
 * `accept` takes and that a capitalised word follows. 0 when no heading starts there.
 */
function headingLength(
  text: string,
  ws: { start: number; end: number }[],
  i: number,
  vocabulary: Vocabulary,
  accept: (phrase: string) => boolean,
  maxWords = 7,
): number {
  if (i >= ws.length - 1) return 0;
  const most = vocabulary.headingWords(text.slice(ws[i]!.start, ws[i]!.end));
  if (most === 0) return 0;
  // No phrase with more words holding letters or digits than the longest such heading needs trying.
  let span = 1;
  for (let lettered = 1; span < Math.min(7, maxWords, ws.length - 1 - i); span++) {
    if (LETTER_OR_DIGIT.test(text.slice(ws[i + span]!.start, ws[i + span]!.end)) && ++lettered > most) break;
  }
  for (let k = span; k >= 1; k--) {
    const phrase = text.slice(ws[i]!.start, ws[i + k - 1]!.end);
    if (accept(phrase) && STARTS_TITLE.test(text.slice(ws[i + k]!.start, ws[i + k]!.end))) return k;
  }
  return 0;
}

/**
 * Headings standing at the start of a title chunk: `TECHNICAL AI ALIGNMENT ITERATED AMPLIFICATION Title`
 * or `Learning human intent Conditional revealed preference`. Returns the heading cuts and where the title starts.
 */
export function leadingHeadings(
  text: string,
  start: number,
  end: number,
  vocabulary: Vocabulary,
  upper: boolean,
  previous: string | null = null,
): { cuts: Cut[]; titleStart: number } {
  const cuts: Cut[] = [];
  let at = start;
  let last = previous;
  for (;;) {
    // A heading spans at most 7 words and needs the word after it: 8 words, unless a run of capitals goes on.
    let ws = words(text, at, end, 8);
    // In an issue whose headings are in capitals, `AI Alignment Podcast` starts a title, not a section.
    let taken = headingLength(
      text,
      ws,
      0,
      vocabulary,
      (phrase) =>
        (upper ? phrase === phrase.toUpperCase() && vocabulary.lookup(phrase) !== undefined : vocabulary.written(phrase)) &&
        !repeats(phrase, last, vocabulary),
    );
    if (taken === 0) {
      // An UPPERCASE run of two or more words not in the vocabulary is still a heading: `FIELD BUILDING Title`.
      let k = 0;
      while (k < ws.length - 1 && /^\p{Lu}{3,}$/u.test(text.slice(ws[k]!.start, ws[k]!.end))) {
        k++;
        if (k === ws.length - 1 && ws.length === 8) ws = words(text, at, end);
      }
      if (k >= 2) taken = k;
    }
    if (taken === 0) return { cuts, titleStart: at };
    cuts.push({ start: ws[0]!.start, end: ws[taken - 1]!.end, kind: 'heading' });
    last = text.slice(ws[0]!.start, ws[taken - 1]!.end);
    at = ws[taken]!.start;
  }
}

/**
 * True when `phrase` names the section that `previous` (the heading before it) opened. A section is
 * not opened twice in a row: the second one is the first word of a title,
 * `Interpretability Measuring abstract reasoning ... (David Barrett et al) Interpretability Beyond Feature Attribution ...`.
 */
function repeats(phrase: string, previous: string | null, vocabulary: Vocabulary): boolean {
  if (previous === null) return false;
  const a = vocabulary.lookup(phrase);
  return a !== undefined && a === vocabulary.lookup(previous);
}

/**
 * Start of the last run of headings standing inside `[from, to)` and followed by a capitalised
 * word, or null: `... * Information hazards TECHNICAL AI ALIGNMENT TECHNICAL AGENDAS AND PRIORITIZATION AI Services ...`.
 */
export function lastHeadingStart(text: string, from: number, to: number, vocabulary: Vocabulary, upper: boolean): number | null {
  const ws = words(text, from, to);
  const accept = (phrase: string): boolean =>
    (!upper || phrase === phrase.toUpperCase()) && vocabulary.written(phrase) && isCapitalised(phrase);
  for (let i = ws.length - 2; i >= 1; i--) {
    if (headingLength(text, ws, i, vocabulary, accept) === 0) continue;
    // Walk back over the headings standing right before this one.
    let first = i;
    for (let found = true; found; ) {
      found = false;
      for (let j = Math.min(7, first); j >= 1; j--) {
        if (accept(text.slice(ws[first - j]!.start, ws[first - 1]!.end))) {
          first -= j;
          found = true;
          break;
        }
      }
    }
    return ws[first]!.start;
  }
  return null;
}

/**
 * Start of the first heading inside `[from, to)` written exactly as its label or in capitals
 * (`Technical AI alignment`, `TECHNICAL AI ALIGNMENT`, not `Technical AI Alignment`) and followed
 * by a capitalised word, or null.
 */
export function firstHeadingStart(
  text: string,
  from: number,
  to: number,
  vocabulary: Vocabulary,
  upper: boolean,
  anywhere: 'all' | 'sections' | 'none',
  rules: DialectRules,
): number | null {
  // Not past an author parenthetical: a "see also" header may stand before the heading and must keep its place.
  let limit = to;
  for (let close = text.indexOf(')', from); close >= 0 && close < to; close = text.indexOf(')', close + 1)) {
    const group = groupRun(text, close, from)[0];
    // `MISCELLANEOUS (ALIGNMENT)` is a heading, not a title with authors.
    if (group && looksLikeAuthors(group.inner, rules) && group.inner !== group.inner.toUpperCase()) {
      limit = group.start;
      break;
    }
  }
  const ws = words(text, from, limit);
  // In an issue whose headings are in capitals, `Applications Open` in a title is no heading.
  const accept = (phrase: string): boolean => vocabulary.written(phrase) && (!upper || isUpper(phrase));
  const acceptSection = (phrase: string): boolean => accept(phrase) && vocabulary.lookup(phrase)?.parent === null;
  for (let i = 0; i < ws.length - 1; i++) {
    // Written as a label, a heading follows a sentence end or a parenthetical, not a title's word:
    // `Training for Faster Adversarial Robustness Verification ...` holds no heading. `anywhere`: the
    // text before is a summary that ends without a full stop (`... Better? : See Import AI Meta learning Meta-Learning with ...`).
    const boundary = upper || i === 0 || /[.!?)"”’:]["'”’)\]*_]*$/.test(text.slice(ws[i - 1]!.start, ws[i - 1]!.end));
    if (!boundary && anywhere === 'none') continue;
    // Mid-stretch after a "see also" header only a section opens: `(Institute X) A National Plan ... News Summer School : ...`.
    if (headingLength(text, ws, i, vocabulary, boundary || anywhere === 'all' ? accept : acceptSection) > 0) return ws[i]!.start;
  }
  return null;
}

/**
 * The label headings found by their place in the text that stand under the section they belong to,
 * given every heading before them (`found`, plus the ones cut before entry titles, `cuts`). A
 * sub-section of another section is a sentence's first words: `... in Lisbon in July. Forecasting
 * AI timelines is not the goal ...` under News.
 */
export function inSectionOrder(text: string, found: Cut[], cuts: Cut[], vocabulary: Vocabulary): Cut[] {
  const mine = new Set(found);
  const all = [...found, ...cuts.filter((c) => c.kind === 'heading')].sort((a, b) => a.start - b.start);
  const kept: Cut[] = [];
  let section: string | null = null;
  let at = -1;
  for (const cut of all) {
    if (cut.start < at) continue;
    const category = vocabulary.lookup(text.slice(cut.start, cut.end));
    if (mine.has(cut) && category && category.parent !== null && section !== null && category.parent !== section) continue;
    if (category) section = category.parent ?? category.label;
    if (mine.has(cut)) kept.push(cut);
    at = cut.end;
  }
  return kept;
}

/**
 * In an issue whose headings are written as their labels (`Technical AI alignment`), a heading is
 * cut out wherever it stands after a sentence end, a parenthetical or another heading, or right
 * before another heading, and a capitalised word follows it:
 *   `... Listed among the highlights. AISFP blog posts The AI Summer Fellows Program had ...`
 *   `Prerequisities: Feature Visualization Technical AI alignment Summary: Inverse Reinforcement Learning We ...`
 * Inside a sentence (`The Uncertainty Bellman Equation`) it is a title's word.
 */
export function labelHeadings(text: string, vocabulary: Vocabulary): Cut[] {
  const cuts: Cut[] = [];
  let last: string | null = null;
  let lastEnd = -1;
  const accept = (phrase: string): boolean => vocabulary.written(phrase) && isCapitalised(phrase) && !repeats(phrase, last, vocabulary);
  // Only the words a label starts with, capitalised, are tried: one pass of a literal alternation.
  // Copies of the vocabulary's patterns: their positions are this call's own.
  const word = new RegExp(vocabulary.patterns.labelStarts);
  const section = new RegExp(vocabulary.patterns.sectionStart);
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const at = m.index + m[0].length - m[1]!.length;
    const boundary = at === 0 || lastEnd === at - 1 || /[.!?)"”’]["'”’)\]*_]*\s+$/.test(text.slice(Math.max(0, at - 4), at));
    // Not after a boundary, only a section with a heading right after it counts: test the section's name first, cheaply.
    section.lastIndex = at;
    if (!boundary && !section.test(text)) continue;
    const ws = words(text, at, text.length, 16);
    const k = headingLength(text, ws, 0, vocabulary, accept);
    if (k === 0) continue;
    if (!boundary && headingLength(text, ws, k, vocabulary, (phrase) => vocabulary.written(phrase) && isCapitalised(phrase)) === 0)
      continue;
    cuts.push({ start: ws[0]!.start, end: ws[k - 1]!.end, kind: 'heading' });
    last = text.slice(ws[0]!.start, ws[k - 1]!.end);
    lastEnd = ws[k - 1]!.end;
    word.lastIndex = lastEnd;
  }
  return cuts;
}

function isUpper(word: string): boolean {
  return word === word.toUpperCase();
}

/**
 * Two capitals in a row start the only words a heading in capitals can start with. Found with an
 * ASCII-or-beyond pattern (a `\p{Lu}` scan over a whole flattened issue is many times slower),
 * then checked with `\p{Lu}` on the word alone.
 */
const CAPITAL_PAIR = /[A-Z\u0080-\uffff][A-Z\u0080-\uffff]/g;
const LU_PAIR = /\p{Lu}{2}/u;

/** The whitespace-delimited word around offset `at`. */
function wordAround(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return { start, end };
}

/** Every known heading written in capitals and followed by a capitalised word. */
export function capitalHeadings(text: string, vocabulary: Vocabulary): Cut[] {
  const cuts: Cut[] = [];
  const accept = (phrase: string): boolean => phrase === phrase.toUpperCase() && vocabulary.written(phrase);
  // Only words with two capitals in a row are tried, each with the few words after it that a heading
  // can span (at most 7, and the word that follows): most words of the text are never looked at twice.
  const pair = new RegExp(CAPITAL_PAIR);
  for (let m = pair.exec(text); m; m = pair.exec(text)) {
    const word = wordAround(text, m.index);
    pair.lastIndex = word.end;
    const first = text.slice(word.start, word.end);
    if (!LU_PAIR.test(first) || !isUpper(first) || vocabulary.headingWords(first) === 0) continue;
    const ws = words(text, word.start, text.length, 8);
    // A phrase in capitals has every word in capitals: no longer phrase needs trying.
    let capitals = 1;
    while (capitals < ws.length && isUpper(text.slice(ws[capitals]!.start, ws[capitals]!.end))) capitals++;
    const k = headingLength(text, ws, 0, vocabulary, accept, capitals);
    if (k === 0) continue;
    cuts.push({ start: ws[0]!.start, end: ws[k - 1]!.end, kind: 'heading' });
    pair.lastIndex = ws[k - 1]!.end;
  }
  return cuts;
}
