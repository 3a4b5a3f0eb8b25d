/**
 * Markdown markup that wraps header parts in the export layout, and how to see through it.
 *   **[Title](https://...)** *(Authors)* (reviewed by Ada):
 */

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

/** A numeric character reference (`&#x20;`, `&#78;`): Markdown's way of writing a character that markup around it would misread. */
const NUMERIC_REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g;
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!])/g;
/** Private-use stand-ins for escaped characters while the markup around them is removed. */
const HIDE = (c: string): string => String.fromCharCode(0xe000 + c.charCodeAt(0));
const SHOWN = /[\ue000-\ue07f]/g;

/**
 * Markdown reduced to its visible text: links to their text, emphasis markers and heading marks
 * removed, escapes (`\*`) resolved. With `keepMarks`, a lone `*` or `_` against a word stays: in an
 * author list it marks equal contribution (`Andrew Ilyas*, Shibani Santurkar*`), and a user name may
 * hold an underscore (`cousin_it`).
 */
export function stripMarkup(text: string, keepMarks = false): string {
  if (!/[*_[\]#\\&]/.test(text)) return /[^\S ]| {2}/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  let out = text
    .replace(ESCAPED, (_m, c: string) => HIDE(c))
    .replace(LINK, '$1')
    .replace(/(\*\*|__)/g, '');
  if (!keepMarks) out = out.replace(/(^|[\s(])[*_](?=\S)/g, '$1').replace(/(?<=\S)[*_](?=$|[\s).,:;!?])/g, '');
  return out
    .replace(/^#{1,6}\s+/, '')
    .replace(NUMERIC_REFERENCE, (ref, hex: string | undefined, dec: string | undefined) => {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ref;
    })
    .replace(SHOWN, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000))
    .replace(/\s+/g, ' ')
    .trim();
}

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
