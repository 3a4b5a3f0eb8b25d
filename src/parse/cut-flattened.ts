/**
 * A line holding a whole issue flattened onto it
 * (`... NEWS Announcing Web-TAISU, May 13-17 (Linda Linsefors) (reviewed by Ada): ...`),
 * cut back into pieces at entry headers, labels, inline headings and standing text.
 */
import type { Vocabulary } from '../records/categories.ts';
import type { DialectRules } from '../records/dialect.ts';
import { findLabels, mayHoldLabel } from './labels.ts';
import { findBoilerplate } from './boilerplate.ts';
import { groupRun, isTitleCase, LONG_GROUP, openingParen, readRun } from './header.ts';
import {
  capitalHeadings,
  firstHeadingStart,
  inSectionOrder,
  labelHeadings,
  lastHeadingStart,
  leadingHeadings,
  type Cut,
} from './inline-headings.ts';
import { looksLikeAuthors } from './authors.ts';
import { standaloneEnd, titleStart } from './flat-titles.ts';
import { foldName } from '../records/names.ts';

/** One piece of a flattened line: a heading, or the text of a paragraph. */
export interface Piece {
  text: string;
  heading: boolean;
}

/** A line this long, holding entry headers or labels after its start, is a flattened issue. */
const FLAT_MIN = 250;
const WEAK_ANCHOR = /\)[*_]{0,2} ?:/g;
/**
 * Where an entry's title ends and its header's run ends. `header`: parentheticals with a colon or
 * `(reviewed by ...)`; `seeAlso`: an author parenthetical followed by the next title or a heading;
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
/** Characters no author list holds (`(WR #74)`, `(see: below)`, a year `(2019)` is checked later). */
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
  if (words === 0 || words > 30 || !/^["“‘'[(]?[\p{Lu}\p{N}]/u.test(plain)) return false;
  // A one-word parenthetical inside a title is not its authors unless a heading follows: `The Pursuit of (Robotic) Happiness`.
  if (run.kind === 'seeAlso') return run.strict || beforeHeading;
  return isTitleCase(plain) || afterHeading;
}

/** Where a flattened line is cut. */
function findCuts(text: string, vocabulary: Vocabulary, knownAuthors: ReadonlySet<string>, rules: DialectRules): Cut[] {
  const cuts: Cut[] = [];
  for (const [start, end] of findBoilerplate(text, rules)) cuts.push({ start, end, kind: 'drop' });
  // Headings written in capitals (`HIGHLIGHTS ... NEWS`) mark the style: then only capitals are headings.
  const upper = vocabulary.patterns.capitalSections.test(text);
  const labels = findLabels(text, rules);
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
    const run = readRun(groups, rules);
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
    runs.set(run.titleEnd, { end: groups[groups.length - 1]!.end, kind, strict: known || looksLikeAuthors(run.authors, rules, true) });
  };
  for (const m of rules.summarizedGroup ? text.matchAll(rules.summarizedGroup) : []) {
    // Extend over a following `(via ...)` group.
    let close = m.index + m[0].length - 1;
    const ht = rules.hatTipGroup?.exec(text.slice(close + 1, close + 100));
    if (ht) close += ht[0].length;
    addRun(close, LONG_GROUP);
  }
  // A header with no summary right before a label, the standing footer or the end of the text:
  // `Title (Authors) (via Name) Prerequisites: ...`, `Title (Authors) FEEDBACK I'm always happy ...`.
  const runEndsBefore = (index: number): void => {
    let k = index - 1;
    while (k > 0 && /[\s*_]/.test(text[k]!)) k--;
    if (text[k] === ')') addRun(k, LONG_GROUP);
  };
  for (const { index } of labels) runEndsBefore(index);
  for (const cut of cuts) if (cut.kind === 'drop') runEndsBefore(cut.start);
  runEndsBefore(text.length);
  for (const m of text.matchAll(WEAK_ANCHOR)) addRun(m.index, 400);
  // "See also" headers in a run: `Title (Authors) Title (Authors) HEADING Title (Authors) Title: ...`.
  // Each author parenthetical followed by a capitalised word closes an entry.
  for (const m of text.matchAll(SEE_ALSO_END)) {
    // Most parentheticals of running text are asides (`(see below)`, `(WR #74)`): a cheap look at the
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
    const linkHeading = !afterLabel
      ? null
      : start === floor
        ? lastHeadingStart(text, floor, runStartAt, vocabulary, upper)
        : lastHeadingStart(text, Math.max(floor, start - 200), start, vocabulary, upper);
    if (afterLabel && (start === floor || linkHeading !== null)) {
      if (standaloneEnd(text, floor, runStartAt, headingAt, rules) < 0)
        start = (start === floor ? linkHeading : lastHeadingStart(text, floor, runStartAt, vocabulary, upper)) ?? start;
    } else start = firstHeadingStart(text, start, runStartAt, vocabulary, upper, start !== floor ? 'none' : prevAfter, rules) ?? start;
    const { cuts: headingCuts, titleStart: afterHeadings } = leadingHeadings(text, start, runStartAt, vocabulary, upper, lastHeading);
    if (
      run.kind !== 'header' &&
      !plausibleTitle(text.slice(afterHeadings, runStartAt), run, afterHeadings > start, headingFollows(run.end))
    )
      continue;
    cuts.push(...headingCuts);
    const lastCut = headingCuts[headingCuts.length - 1];
    if (lastCut) lastHeading = text.slice(lastCut.start, lastCut.end);
    start = afterHeadings;
    // See-also headers standing before this one inside the chunk.
    for (
      let end = standaloneEnd(text, start, runStartAt, headingAt, rules);
      end > 0;
      end = standaloneEnd(text, start, runStartAt, headingAt, rules)
    ) {
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
export function isFlattened(text: string, rules: DialectRules): boolean {
  if (text.length < FLAT_MIN) return false;
  const labelsMayBe = mayHoldLabel(text, rules);
  // The summarizer credit is the surest anchor: `(reviewed by X)` twice, or once far into the line.
  let anchors = 0;
  let lastEnd = 0;
  for (const m of rules.summarizedGroup ? text.matchAll(rules.summarizedGroup) : []) {
    anchors++;
    lastEnd = m.index + m[0].length;
    if (anchors === 2) break;
  }
  if (anchors >= 2) return true;
  return (labelsMayBe && findLabels(text, rules).length > 0) || (anchors === 1 && lastEnd > 300);
}

/** The pieces of a flattened line, in order. */
export function cutFlattened(
  text: string,
  vocabulary: Vocabulary,
  rules: DialectRules,
  knownAuthors: ReadonlySet<string> = new Set(),
): Piece[] {
  return piecesOf(text, findCuts(text, vocabulary, knownAuthors, rules));
}
