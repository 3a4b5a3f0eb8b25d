/**
 * Inside a flattened line (a whole issue on one line), where an entry's title begins before its
 * author parenthetical, and where a "see also" header standing inside a title chunk ends:
 *   `... almost. Is SGD a Bayesian Sampler? Well, almost. (Jordan Smith) (reviewed by Ada): ...`
 *   `Parenting: Safe Reinforcement Learning from Human Input (Christopher Frye et al) Interpretability ...`
 * Used by the cutter (cut-flattened.ts).
 */
import type { DialectRules } from '../records/dialect.ts';
import { looksLikeAuthors } from './authors.ts';
import { groupRun, isTitleCase } from './header.ts';

// Not after an initial or a common abbreviation: `(Stephen C. Adams)`, `e.g. GPT`, `et al. Title`.
const SENTENCE_END =
  /(?<![\s(]\p{Lu}|\be\.g|\bi\.e|\bvs|\bal|\bcf|\bFig|\bSec|\bNo|\bDr|\bMr|\bMs|\bSt)[.!?]["'”’)\]*_]*\s+(?=[\p{Lu}\p{N}"“'‘[*])/gu;
/** How far back from an author parenthetical a title may start. */
const TITLE_WINDOW = 400;

/**
 * A "see also" header inside a title chunk, followed by more text:
 * `Parenting: Safe Reinforcement Learning from Human Input (Christopher Frye et al) Interpretability Attention is ...`.
 * Returns the offset just after its parentheticals, or -1.
 */
export function standaloneEnd(
  text: string,
  start: number,
  end: number,
  headingAt: (at: number, to: number) => boolean,
  rules: DialectRules,
): number {
  for (let close = text.indexOf(')', start); close >= 0 && close < end; close = text.indexOf(')', close + 1)) {
    const after = text.slice(close + 1, end);
    if (!/^\s+\S/.test(after)) continue;
    const open = groupRun(text, close, start)[0];
    if (!open) continue;
    const inner = text.slice(open.start + 1, close);
    const title = text.slice(start, open.start).trim();
    // A lone handle `(interstice)` counts when a heading follows it.
    const authors =
      looksLikeAuthors(inner, rules, true) || (looksLikeAuthors(inner, rules) && headingAt(close + 1 + after.search(/\S/), end));
    if (!title || !authors || title.split(/\s+/).length > 30) continue;
    // The header's own credit groups (`(reviewed by Name)`) after the authors belong to it.
    let endAt = close + 1;
    const credit = rules.creditGroup;
    for (let m = credit?.exec(text.slice(endAt, end)); credit && m; m = credit.exec(text.slice(endAt, end))) endAt += m[0].length;
    return endAt;
  }
  return -1;
}

/**
 * Where the title of the entry whose parenthetical run starts at `runStart` begins: after the
 * nearest sentence end, or earlier when the title holds a sentence end of its own
 * (`Is SGD a Bayesian Sampler? Well, almost.`) or when headings stand before a title with a
 * question mark (`TECHNICAL AI ALIGNMENT ROBUSTNESS Is BERT Really Robust? A Strong Baseline ...`).
 * `afterHeadings(start, end)` says where the text after any headings at `start` begins.
 */
export function titleStart(
  text: string,
  floor: number,
  runStart: number,
  afterHeadings: (start: number, end: number) => number,
  floorIsHeading = false,
): number {
  const from = Math.max(floor, runStart - TITLE_WINDOW);
  const bounds: number[] = [];
  // A copy of the pattern, its position this call's own.
  const sentenceEnd = new RegExp(SENTENCE_END);
  sentenceEnd.lastIndex = from;
  for (let m = sentenceEnd.exec(text); m && m.index < runStart; m = sentenceEnd.exec(text)) {
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
