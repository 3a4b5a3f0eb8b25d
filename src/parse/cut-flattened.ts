/**
 * A line holding a whole issue flattened onto it
 * (`... NEWS Announcing Web-TAISU, May 13-17 (Linda Linsefors) (summarized by Rohin): ...`),
 * cut back into pieces at entry headers, labels, inline headings and standing text.
 */
import type { Vocabulary } from '../categories.ts';
import { findLabels } from './labels.ts';
import { findBoilerplate } from './boilerplate.ts';
import { groupRun, isCapitalised, isTitleCase, LONG_GROUP, openingParen, readRun } from './header.ts';
import { looksLikeAuthors } from './authors.ts';
import { foldName } from './archive-evidence.ts';

/** One piece of a flattened line: a heading, or the text of a paragraph. */
export interface Piece {
  text: string;
  heading: boolean;
}

/** A line this long, holding entry headers or labels after its start, is a flattened issue. */
const FLAT_MIN = 250;
const STRONG_ANCHOR = /\(\s*[*_]{0,2}summari[sz]ed by [^()]{1,120}\)/gi;
const WEAK_ANCHOR = /\)[*_]{0,2} ?:/g;
// Not after an initial or a common abbreviation: `(Stephen C. Adams)`, `e.g. GPT`, `et al. Title`.
const SENTENCE_END = /(?<![\s(]\p{Lu}|\be\.g|\bi\.e|\bvs|\bal|\bcf|\bFig|\bSec|\bNo|\bDr|\bMr|\bMs|\bSt)[.!?]["'”’)\]*_]*\s+(?=[\p{Lu}\p{N}"“'‘[*])/gu;
/** How far back from an author parenthetical a title may start. */
const TITLE_WINDOW = 400;

interface Cut {
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
  for (let m = re.exec(text); m && m.index < to && out.length < max; m = re.exec(text)) out.push({ start: m.index, end: Math.min(to, m.index + m[0].length) });
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
function leadingHeadings(text: string, start: number, end: number, vocabulary: Vocabulary, upper: boolean, previous: string | null = null): { cuts: Cut[]; titleStart: number } {
  const cuts: Cut[] = [];
  let at = start;
  let last = previous;
  for (;;) {
    // A heading spans at most 7 words and needs the word after it: 8 words, unless a run of capitals goes on.
    let ws = words(text, at, end, 8);
    // In an issue whose headings are in capitals, `AI Alignment Podcast` starts a title, not a section.
    let taken = headingLength(text, ws, 0, vocabulary, (phrase) =>
      (upper ? phrase === phrase.toUpperCase() && vocabulary.lookup(phrase) !== undefined : vocabulary.written(phrase)) && !repeats(phrase, last, vocabulary),
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

const TRAILING_GROUP = /^\s*[*_]{0,2}\((?:H\/T|h\/t|summari[sz]ed by)\s[^()]{1,120}\)[*_]{0,2}/;

/**
 * A "see also" header inside a title chunk, followed by more text:
 * `Parenting: Safe Reinforcement Learning from Human Input (Christopher Frye et al) Interpretability Attention is ...`.
 * Returns the offset just after its parentheticals, or -1.
 */
function standaloneEnd(text: string, start: number, end: number, headingAt: (at: number, to: number) => boolean): number {
  for (let close = text.indexOf(')', start); close >= 0 && close < end; close = text.indexOf(')', close + 1)) {
    const after = text.slice(close + 1, end);
    if (!/^\s+\S/.test(after)) continue;
    const open = groupRun(text, close, start)[0];
    if (!open) continue;
    const inner = text.slice(open.start + 1, close);
    const title = text.slice(start, open.start).trim();
    // A lone handle `(interstice)` counts when a heading follows it.
    const authors = looksLikeAuthors(inner, true) || (looksLikeAuthors(inner) && headingAt(close + 1 + after.search(/\S/), end));
    if (!title || !authors || title.split(/\s+/).length > 30) continue;
    // The header's own `(H/T Name)` or `(summarized by Name)` groups after the authors belong to it.
    let endAt = close + 1;
    for (let m = TRAILING_GROUP.exec(text.slice(endAt, end)); m; m = TRAILING_GROUP.exec(text.slice(endAt, end))) endAt += m[0].length;
    return endAt;
  }
  return -1;
}

/**
 * Start of the last run of headings standing inside `[from, to)` and followed by a capitalised
 * word, or null: `... * Information hazards TECHNICAL AI ALIGNMENT TECHNICAL AGENDAS AND PRIORITIZATION AI Services ...`.
 */
function lastHeadingStart(text: string, from: number, to: number, vocabulary: Vocabulary, upper: boolean): number | null {
  const ws = words(text, from, to);
  const accept = (phrase: string): boolean => (!upper || phrase === phrase.toUpperCase()) && vocabulary.written(phrase) && isCapitalised(phrase);
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
function firstHeadingStart(text: string, from: number, to: number, vocabulary: Vocabulary, upper: boolean, anywhere: 'all' | 'sections' | 'none'): number | null {
  // Not past an author parenthetical: a "see also" header may stand before the heading and must keep its place.
  let limit = to;
  for (let close = text.indexOf(')', from); close >= 0 && close < to; close = text.indexOf(')', close + 1)) {
    const group = groupRun(text, close, from)[0];
    // `MISCELLANEOUS (ALIGNMENT)` is a heading, not a title with authors.
    if (group && looksLikeAuthors(group.inner) && group.inner !== group.inner.toUpperCase()) {
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
 * Where the title of the entry whose parenthetical run starts at `runStart` begins: after the
 * nearest sentence end, or earlier when the title holds a sentence end of its own
 * (`Is SGD a Bayesian Sampler? Well, almost.`) or when headings stand before a title with a
 * question mark (`TECHNICAL AI ALIGNMENT ROBUSTNESS Is BERT Really Robust? A Strong Baseline ...`).
 * `afterHeadings(start, end)` says where the text after any headings at `start` begins.
 */
function titleStart(text: string, floor: number, runStart: number, afterHeadings: (start: number, end: number) => number, floorIsHeading = false): number {
  const from = Math.max(floor, runStart - TITLE_WINDOW);
  const bounds: number[] = [];
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index < runStart; m = SENTENCE_END.exec(text)) {
    const b = m.index + m[0].length;
    // A sentence end inside a parenthetical that closes before the title is not where a title starts.
    if (b < runStart && !insideParens(text, b, runStart)) bounds.push(b);
  }
  if (bounds.length === 0) return from === floor ? floor : nearestWordStart(text, from);
  let i = bounds.length - 1;
  for (;;) {
    const prevStart = i > 0 ? bounds[i - 1]! : from === floor ? floor : -1;
    if (prevStart < 0) break;
    const prev = text.slice(prevStart, bounds[i]!);
    const tailWords = text.slice(bounds[i]!, runStart).split(/\s+/).filter(Boolean).length;
    const headed = afterHeadings(prevStart, bounds[i]!);
    // A title's own sentence end is a question or an exclamation (`Is SGD a Bayesian Sampler? Well, almost.`);
    // a segment ending in a full stop (`... Adversarial? Mostly not. Inverse Preferences (...)`) closes the text before.
    const shortTail = tailWords <= 5 && isTitleCase(prev) && /[?!]["'”’)\]*_]*\s*$/.test(prev);
    const headedTitle = (headed > prevStart || (prevStart === floor && floorIsHeading)) && isTitleCase(text.slice(headed, bounds[i]!));
    if (!shortTail && !headedTitle) break;
    if (i === 0) return prevStart;
    i--;
    if (headedTitle) break;
  }
  return bounds[i]!;
}

/** True when more parentheses close than open between `from` and `to`. */
function insideParens(text: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && --depth < 0) return true;
  }
  return false;
}

function nearestWordStart(text: string, at: number): number {
  const space = text.indexOf(' ', at);
  return space < 0 ? at : space + 1;
}

/**
 * Where an entry's title ends and its header's run ends. `header`: parentheticals with a colon or
 * `(summarized by ...)`; `seeAlso`: an author parenthetical followed by the next title or a heading;
 * `bare`: a title link followed by ` : `. `strict`: a summarizer, or authors that are names beyond doubt.
 */
interface Run {
  end: number;
  kind: 'header' | 'seeAlso' | 'bare';
  strict: boolean;
}

const YEAR = /\b(?:19|20)\d\d\b/;
/** The `)` of a group followed by a capitalised word: where a "see also" header may end. */
const SEE_ALSO_END = /\)(?=[*_]{0,2}\s+["“‘]?[\p{Lu}\p{N}])/gu;
/** Characters no author list holds (`(AN #74)`, `(see: below)`, a year `(2019)` is checked later). */
const NOT_NAMES = /[#:;!?=<>{}[\]%]/;
/** How far back a "see also" header's author list may reach (a long one has a hundred names). */
const SEE_ALSO_REACH = 1200;
/** What a header colon standing alone after a title follows (`DAWNBench : This is ...`): the title's last letter, digit, question mark or quote. */
const BARE_BEFORE = /[\p{L}\p{N}?!"”'’]/u;

/**
 * Whether the text before a "see also" or bare run reads as an entry title: short, and either in
 * Title Case, right after a heading, or (for a "see also" header) with authors that are names beyond
 * doubt. `This seems to be gdb's take : "We are ...` is a sentence, not a header.
 */
function plausibleTitle(title: string, run: Run, afterHeading: boolean, beforeHeading: boolean): boolean {
  const plain = title.trim();
  const words = plain.split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > 30 || !/^["“‘'\[(]?[\p{Lu}\p{N}]/u.test(plain)) return false;
  // A one-word parenthetical inside a title is not its authors unless a heading follows: `The Pursuit of (Robotic) Happiness`.
  if (run.kind === 'seeAlso') return run.strict || beforeHeading;
  return isTitleCase(plain) || afterHeading;
}

const CAPITAL_SECTIONS = new WeakMap<Vocabulary, RegExp>();

/** A top-level section of categories.yml written in capitals, as a word sequence of its own: `HIGHLIGHTS`, `AI GOVERNANCE`. */
function capitalSections(vocabulary: Vocabulary): RegExp {
  let pattern = CAPITAL_SECTIONS.get(vocabulary);
  if (!pattern) {
    const names = vocabulary.sections.map((name) => name.toUpperCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = names.length > 0 ? new RegExp(String.raw`(?:^|\s)(?:${names.join('|')})\s`) : /(?!)/;
    CAPITAL_SECTIONS.set(vocabulary, pattern);
  }
  return pattern;
}

/** Where a flattened line is cut. */
function findCuts(text: string, vocabulary: Vocabulary, knownAuthors: ReadonlySet<string>): Cut[] {
  const cuts: Cut[] = [];
  for (const [start, end] of findBoilerplate(text)) cuts.push({ start, end, kind: 'drop' });
  // Headings written in capitals (`HIGHLIGHTS ... NEWS`) mark the style: then only capitals are headings.
  const upper = capitalSections(vocabulary).test(text);
  const labels = findLabels(text);
  const labelEnds: number[] = [];
  for (const { index, label } of labels) {
    cuts.push({ start: index, end: -1, kind: 'piece' });
    labelEnds.push(index + label.length);
  }

  // Entry headers: find each parenthetical run that ends a header, then walk back to its title.
  const runs = new Map<number, Run>(); // where the title ends -> the run
  const addRun = (close: number, reach: number, kind: Run['kind'] = 'header'): void => {
    const groups = groupRun(text, close, 0, reach);
    if (groups.length === 0) return;
    const run = readRun(groups);
    if (!run) return;
    // (readRun keeps authors only when they read as names, or a summarizer follows.)
    // An acronym is a title's own (`Myopic Agents (RA) Read more: ...`) unless a summarizer follows, as in matchHeader.
    if (!run.hasSummarizer && /^[\p{Lu}\p{N}]{2,6}$/u.test(run.authors ?? '')) return;
    if (runs.has(run.titleEnd)) return;
    if (kind !== 'seeAlso') {
      runs.set(run.titleEnd, { end: groups[groups.length - 1]!.end, kind, strict: true });
      return;
    }
    // A citation in a sentence is not a "see also" header: `... preferences (Christiano et al, 2017) The key ...`.
    if (run.hasSummarizer || run.authors === null || YEAR.test(run.authors)) return;
    // A name the archive writes as an author elsewhere is an author here too.
    const known = knownAuthors.size > 0 && knownAuthors.has(foldName(run.authors));
    runs.set(run.titleEnd, { end: groups[groups.length - 1]!.end, kind, strict: known || looksLikeAuthors(run.authors, true) });
  };
  STRONG_ANCHOR.lastIndex = 0;
  for (let m = STRONG_ANCHOR.exec(text); m; m = STRONG_ANCHOR.exec(text)) {
    // Extend over a following `(H/T ...)` group.
    let close = m.index + m[0].length - 1;
    const ht = /^\s*[*_]{0,2}\((?:H\/T|h\/t)[^()]{1,80}\)/.exec(text.slice(close + 1, close + 100));
    if (ht) close += ht[0].length;
    addRun(close, LONG_GROUP);
  }
  // A header with no summary right before a label, the standing footer or the end of the text:
  // `Title (Authors) (H/T Name) Prerequisites: ...`, `Title (Authors) FEEDBACK I'm always happy ...`.
  const runEndsBefore = (index: number): void => {
    let k = index - 1;
    while (k > 0 && /[\s*_]/.test(text[k]!)) k--;
    if (text[k] === ')') addRun(k, LONG_GROUP);
  };
  for (const { index } of labels) runEndsBefore(index);
  for (const cut of cuts) if (cut.kind === 'drop') runEndsBefore(cut.start);
  runEndsBefore(text.length);
  WEAK_ANCHOR.lastIndex = 0;
  for (let m = WEAK_ANCHOR.exec(text); m; m = WEAK_ANCHOR.exec(text)) addRun(m.index, 400);
  // "See also" headers in a run: `Title (Authors) Title (Authors) HEADING Title (Authors) Title: ...`.
  // Each author parenthetical followed by a capitalised word closes an entry.
  SEE_ALSO_END.lastIndex = 0;
  for (let m = SEE_ALSO_END.exec(text); m; m = SEE_ALSO_END.exec(text)) {
    // Most parentheticals of running text are asides (`(see below)`, `(AN #74)`): a cheap look at the
    // first character (a capital, a digit, or a one-word lower-case user name) before reading the run.
    const open = openingParen(text, m.index, 0, SEE_ALSO_REACH);
    if (open < 0) continue;
    const inner = text.slice(open + 1, m.index);
    if (!/[\p{Lu}\p{N}]/u.test(inner.charAt(0)) ? inner.length > 31 || inner.includes(' ') : NOT_NAMES.test(inner)) continue;
    addRun(m.index, SEE_ALSO_REACH, 'seeAlso');
  }
  // A header colon after a title link is written ` : ` (the link was its own text node): `News Research Scholars Programme : From the website: ...`.
  for (let at = text.indexOf(' : '); at > 0; at = text.indexOf(' : ', at + 1)) {
    if (!BARE_BEFORE.test(text[at - 1]!) || /\s/.test(text[at + 3] ?? ' ')) continue;
    if (!runs.has(at)) runs.set(at, { end: at + 3, kind: 'bare', strict: false });
  }

  const drops = cuts.filter((c) => c.kind === 'drop');
  // In an issue with headings in capitals, every heading is cut out, also one that opens an entry
  // with no parenthetical at all: `... with scale. NEWS Tide Tables Open: Apply by March 3.`
  const headings = upper ? capitalHeadings(text, vocabulary) : labelHeadings(text, vocabulary);
  /** A heading stands right after `at`: a lone handle `(interstice)` ends a "see also" header only then. */
  const headingFollows = (at: number): boolean => {
    const next = at + text.slice(at, at + 20).search(/\S|$/);
    return leadingHeadings(text, next, Math.min(text.length, next + 300), vocabulary, upper).titleStart > next;
  };
  let floor = 0;
  let prevRunEnd = 0;
  let lastHeading: string | null = null;
  // Closures made once, not once a header: they read `lastHeading` as it is when called.
  const skipHeadings = (from: number, to: number): number => leadingHeadings(text, from, to, vocabulary, upper, lastHeading).titleStart;
  const headingAt = (at: number, to: number): boolean => leadingHeadings(text, at, to, vocabulary, upper, lastHeading).titleStart > at;
  let prevAfter: 'all' | 'sections' | 'none' = 'none';
  for (const [runStartAt, run] of [...runs.entries()].sort((a, b) => a[0] - b[0])) {
    if (runStartAt < prevRunEnd) continue;
    // The title cannot reach back past the previous header, a label, or standing text.
    floor = prevRunEnd;
    let afterLabel = false;
    for (const e of labelEnds) {
      if (e <= runStartAt && e > floor) {
        floor = e;
        afterLabel = true;
      }
    }
    // Nor past a heading: `Read more: Paper: X Technical AI alignment Problems Is Y? Mostly not. (Authors): ...`.
    let floorIsHeading = false;
    for (const d of [...drops, ...headings]) {
      if (d.end <= runStartAt && d.end > floor) {
        floor = d.end;
        afterLabel = false;
        floorIsHeading = d.kind === 'heading';
        // A section is not opened twice in a row: the heading before this title is the one to compare with.
        if (floorIsHeading) lastHeading = text.slice(d.start, d.end);
      }
    }
    let start = titleStart(text, floor, runStartAt, skipHeadings, floorIsHeading);
    // A heading inside the chunk is where the entry begins, even with no sentence end before it
    // (a list item ends without a full stop). Right after a label (`Read more: Paper: X NEWS Title (...)`)
    // it is the last heading, unless a "see also" header stands in between and takes the link text
    // with it (the text does not say where one ends); elsewhere the first.
    // `Read more: CoRL: X Iterated amplification Is Y? Mostly not. (Authors)`: the heading ends the link
    // text, even before the title's own sentence end (looked for in the last words before it).
    const linkHeading = !afterLabel ? null : start === floor ? lastHeadingStart(text, floor, runStartAt, vocabulary, upper) : lastHeadingStart(text, Math.max(floor, start - 200), start, vocabulary, upper);
    if (afterLabel && (start === floor || linkHeading !== null)) {
      if (standaloneEnd(text, floor, runStartAt, headingAt) < 0) start = (start === floor ? linkHeading : lastHeadingStart(text, floor, runStartAt, vocabulary, upper)) ?? start;
    } else start = firstHeadingStart(text, start, runStartAt, vocabulary, upper, start !== floor ? 'none' : prevAfter) ?? start;
    const { cuts: headingCuts, titleStart: afterHeadings } = leadingHeadings(text, start, runStartAt, vocabulary, upper, lastHeading);
    if (run.kind !== 'header' && !plausibleTitle(text.slice(afterHeadings, runStartAt), run, afterHeadings > start, headingFollows(run.end))) continue;
    cuts.push(...headingCuts);
    const lastCut = headingCuts[headingCuts.length - 1];
    if (lastCut) lastHeading = text.slice(lastCut.start, lastCut.end);
    start = afterHeadings;
    // See-also headers standing before this one inside the chunk.
    for (let end = standaloneEnd(text, start, runStartAt, headingAt); end > 0; end = standaloneEnd(text, start, runStartAt, headingAt)) {
      cuts.push({ start, end: -1, kind: 'piece' });
      const next = text.slice(end).search(/\S/);
      const lead = leadingHeadings(text, end + next, runStartAt, vocabulary, upper, lastHeading);
      cuts.push(...lead.cuts);
      const leadCut = lead.cuts[lead.cuts.length - 1];
      if (leadCut) lastHeading = text.slice(leadCut.start, leadCut.end);
      start = lead.titleStart;
    }
    cuts.push({ start, end: -1, kind: 'piece' });
    // A "see also" header ends at its authors: what follows up to the next cut (a heading, the next
    // title) is a piece of its own, a bare title with neither authors nor summary:
    // `... (Chatham House) India's National Strategy for Artificial Intelligence AI capabilities ...`.
    if (run.kind === 'seeAlso') cuts.push({ start: run.end, end: -1, kind: 'piece' });
    prevRunEnd = run.end;
    // After a header's colon comes its summary: the text from there to a heading cannot be the next
    // title. After a "see also" header comes a title: only a section heading can stand inside it.
    prevAfter = run.kind === 'seeAlso' ? 'sections' : /:\s*$/.test(text.slice(run.end - 3, run.end)) ? 'all' : 'none';
  }
  cuts.push(...(upper ? headings : inSectionOrder(text, headings, cuts, vocabulary)));
  return cuts;
}

/**
 * The label headings found by their place in the text that stand under the section they belong to,
 * given every heading before them (`found`, plus the ones cut before entry titles, `cuts`). A
 * sub-section of another section is a sentence's first words: `... in Lisbon in July. Forecasting
 * AI timelines is not the goal ...` under News.
 */
function inSectionOrder(text: string, found: Cut[], cuts: Cut[], vocabulary: Vocabulary): Cut[] {
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

const SECTION_STARTS = new WeakMap<Vocabulary, RegExp>();

/** A top-level section's name as written (first letter either case), sticky: tried at one offset. */
function sectionStart(vocabulary: Vocabulary): RegExp {
  let pattern = SECTION_STARTS.get(vocabulary);
  if (!pattern) {
    const names = vocabulary.sections.map((name) => `[${name.charAt(0).toUpperCase()}${name.charAt(0).toLowerCase()}]${name.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    pattern = new RegExp(names.length > 0 ? String.raw`(?:${names.join('|')})(?=\s)` : '(?!)', 'y');
    SECTION_STARTS.set(vocabulary, pattern);
  }
  return pattern;
}

const LABEL_STARTS = new WeakMap<Vocabulary, RegExp>();

/** The first words of every label and alias, capitalised, each at a word start: `(?:^|\s)(Technical|Problems|...)`. */
function labelStarts(vocabulary: Vocabulary): RegExp {
  let pattern = LABEL_STARTS.get(vocabulary);
  if (!pattern) {
    const firsts = new Set(vocabulary.names.map((name) => /^[^\s-]+/.exec(name)?.[0] ?? '').filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)));
    const escaped = [...firsts].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = escaped.length > 0 ? new RegExp(String.raw`(?:^|\s)(${escaped.join('|')})(?=[\s\-:]|$)`, 'g') : /(?!)/g;
    LABEL_STARTS.set(vocabulary, pattern);
  }
  return pattern;
}

/**
 * In an issue whose headings are written as their labels (`Technical AI alignment`), a heading is
 * cut out wherever it stands after a sentence end, a parenthetical or another heading, or right
 * before another heading, and a capitalised word follows it:
 *   `... Summarized in the highlights! AISFP blog posts The AI Summer Fellows Program had ...`
 *   `Prerequisities: Feature Visualization Technical AI alignment Summary: Inverse Reinforcement Learning We ...`
 * Inside a sentence (`The Uncertainty Bellman Equation`) it is a title's word.
 */
function labelHeadings(text: string, vocabulary: Vocabulary): Cut[] {
  const cuts: Cut[] = [];
  let last: string | null = null;
  let lastEnd = -1;
  const accept = (phrase: string): boolean => vocabulary.written(phrase) && isCapitalised(phrase) && !repeats(phrase, last, vocabulary);
  // Only the words a label starts with, capitalised, are tried: one pass of a literal alternation.
  const word = labelStarts(vocabulary);
  word.lastIndex = 0;
  const section = sectionStart(vocabulary);
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const at = m.index + m[0].length - m[1]!.length;
    const boundary = at === 0 || lastEnd === at - 1 || /[.!?)"”’]["'”’)\]*_]*\s+$/.test(text.slice(Math.max(0, at - 4), at));
    // Not after a boundary, only a section with a heading right after it counts: test the section's name first, cheaply.
    section.lastIndex = at;
    if (!boundary && !section.test(text)) continue;
    const ws = words(text, at, text.length, 16);
    const k = headingLength(text, ws, 0, vocabulary, accept);
    if (k === 0) continue;
    if (!boundary && headingLength(text, ws, k, vocabulary, (phrase) => vocabulary.written(phrase) && isCapitalised(phrase)) === 0) continue;
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
function capitalHeadings(text: string, vocabulary: Vocabulary): Cut[] {
  const cuts: Cut[] = [];
  const accept = (phrase: string): boolean => phrase === phrase.toUpperCase() && vocabulary.written(phrase);
  // Only words with two capitals in a row are tried, each with the few words after it that a heading
  // can span (at most 7, and the word that follows): most words of the text are never looked at twice.
  CAPITAL_PAIR.lastIndex = 0;
  for (let m = CAPITAL_PAIR.exec(text); m; m = CAPITAL_PAIR.exec(text)) {
    const word = wordAround(text, m.index);
    CAPITAL_PAIR.lastIndex = word.end;
    const first = text.slice(word.start, word.end);
    if (!LU_PAIR.test(first) || !isUpper(first) || vocabulary.headingWords(first) === 0) continue;
    const ws = words(text, word.start, text.length, 8);
    // A phrase in capitals has every word in capitals: no longer phrase needs trying.
    let capitals = 1;
    while (capitals < ws.length && isUpper(text.slice(ws[capitals]!.start, ws[capitals]!.end))) capitals++;
    const k = headingLength(text, ws, 0, vocabulary, accept, capitals);
    if (k === 0) continue;
    cuts.push({ start: ws[0]!.start, end: ws[k - 1]!.end, kind: 'heading' });
    CAPITAL_PAIR.lastIndex = ws[k - 1]!.end;
  }
  return cuts;
}

/** Turns cuts into pieces of text, in order; text between fixed-extent cuts becomes its own piece. */
function piecesOf(text: string, cuts: Cut[]): Piece[] {
  const sorted = cuts.sort((a, b) => a.start - b.start || (a.kind === 'drop' ? -1 : 1));
  const out: Piece[] = [];
  let at = 0;
  let open = 0; // start of the running piece
  const flush = (to: number): void => {
    const piece = text.slice(open, to).trim();
    if (piece) out.push({ text: piece, heading: false });
  };
  for (const cut of sorted) {
    if (cut.start < at) continue; // inside a dropped or heading span
    flush(cut.start);
    if (cut.end >= 0) {
      const piece = text.slice(cut.start, cut.end).trim();
      if (cut.kind === 'heading' && piece) out.push({ text: piece, heading: true });
      at = cut.end;
      open = cut.end;
    } else {
      at = cut.start;
      open = cut.start;
    }
  }
  flush(text.length);
  return out;
}

/** True when a line holds a whole flattened issue (or a long part of one). */
export function isFlattened(text: string): boolean {
  if (text.length < FLAT_MIN) return false;
  const anchorsMayBe = text.includes('ummari');
  const labelsMayBe = text.includes('opinion') || text.includes('Read more') || text.includes('Prerequisi') || text.includes('Should you read it?');
  if (!anchorsMayBe && !labelsMayBe) return false;
  if (!anchorsMayBe) return findLabels(text).length > 0;
  STRONG_ANCHOR.lastIndex = 0;
  let anchors = 0;
  for (let m = STRONG_ANCHOR.exec(text); m && anchors < 2; m = STRONG_ANCHOR.exec(text)) anchors++;
  if (anchors >= 2) return true;
  return (labelsMayBe && findLabels(text).length > 0) || (anchors === 1 && STRONG_ANCHOR.lastIndex > 300);
}

/** The pieces of a flattened line, in order. */
export function cutFlattened(text: string, vocabulary: Vocabulary, knownAuthors: ReadonlySet<string> = new Set()): Piece[] {
  return piecesOf(text, findCuts(text, vocabulary, knownAuthors));
}
