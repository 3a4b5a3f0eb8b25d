/**
 * Markdown markup that wraps header parts in the export layout, and how to see through it.
 *   **[Title](https://...)** *(Authors)* (reviewed by Ada):
 */
import { phrasingText } from '../records/plain-text.ts';

/** A link or image; its text may hold balanced brackets (`[Is Safety [really] a Tax?](url)`), as CommonMark allows. */
const LINK = /!?\[((?:[^[\]]|\[[^[\]]*\])*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+"[^"]*")?\)/g;

/** The same pattern, for the first link only (no `g`: a search keeps no position between calls). */
const FIRST_LINK = new RegExp(LINK.source);

/** The first link target in a piece of Markdown, or null. */
export function firstLinkUrl(text: string): string | null {
  const m = FIRST_LINK.exec(text);
  // A destination may carry CommonMark escapes: `?a=1\&b=2` is `?a=1&b=2`.
  return m ? m[2]!.replace(/\\([!-/:-@[-`{-~])/g, '$1') : null;
}

/**
 * Markdown reduced to its visible text (`phrasingText`, src/records/plain-text.ts): links to their
 * text, emphasis, code and heading marks removed, escapes (`\*`) and character references
 * (`&amp;`, `&#x20;`) read, a line's start (`1. `, `- `) kept. A `*` or `_` that pairs with no other
 * stays in the text Markdown reads; unless `keepMarks`, one against a word's start or end is dropped
 * too (`Title*` is `Title`). Author lists keep them: there a lone `*` marks equal contribution
 * (`Andrew Ilyas*, Shibani Santurkar*`).
 */
export function stripMarkup(text: string, keepMarks = false): string {
  if (keepMarks || !/[*_]/.test(text)) return phrasingText(text);
  // An escaped mark (`\*`) is text, never a lone mark: hidden from the step that drops those.
  const escaped = /\\[*_]/.test(text);
  const plain = phrasingText(escaped ? text.replace(ESCAPED_MARK, (m) => HIDE[m]!) : text);
  const dropped = LONE_MARK.test(plain) ? plain.replace(/(^|[\s(])[*_](?=\S)/g, '$1').replace(/(?<=\S)[*_](?=$|[\s).,:;!?])/g, '') : plain;
  return escaped ? dropped.replace(/[\ue02a\ue05f]/g, (c) => SHOWN[c]!) : dropped;
}

/** A `*` or `_` at a word's start or end: one Markdown left as text, as it pairs with no other. */
const LONE_MARK = /(?:^|[\s(])[*_](?=\S)|(?<=\S)[*_](?=$|[\s).,:;!?])/;
const ESCAPED_MARK = /\\[*_]/g;
/** Private-use stand-ins for escaped marks while lone marks are dropped. */
const HIDE: Record<string, string> = { '\\*': '\ue02a', '\\_': '\ue05f' };
const SHOWN: Record<string, string> = { '\ue02a': '*', '\ue05f': '_' };

const AFTER_WORD = /[\p{L}\p{N})\]"”’'*]/u;

/**
 * A space before punctuation, or inside a reference's parentheses: the only cases `unpad` changes.
 * Written to start at the punctuation (the space is checked behind it), as spaces are too common a
 * start for the engine to skip ahead over: this runs over every summary.
 */
const PADDED = /[.,;:!?](?<= [.,;:!?])(?:\s|$)|\( |#\d+ \)/;

/** Scraped link texts come padded: `( WR #74 )`, `here .`, `Ada Shah ,`. Removes the padding. */
export function unpad(text: string): string {
  if (!PADDED.test(text)) return text;
  return (
    text
      .replace(/\(\s+(?=\p{Lu}\p{L}{0,11} ?#\d)/gu, '(')
      .replace(/(\p{Lu}\p{L}{0,11} ?#\d+)\s+\)/gu, '$1)')
      // `(?<! )` starts a match only at the first space of a run: a long run of spaces stays linear.
      .replace(/(?<! ) +(?=[.,;:!?](?:\s|$))/g, (space, at: number, all: string) => (AFTER_WORD.test(all[at - 1] ?? '') ? '' : space))
  );
}
