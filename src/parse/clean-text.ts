/**
 * Stage 2: normalises the characters of the body without changing what it says,
 * and keeps each line's position in the raw file.
 * CRLF and lone CR become LF; no-break spaces, tabs and other odd spaces become spaces;
 * zero-width characters go; trailing whitespace goes.
 *
 * Before everything (stage 0, `readableText`): line endings are made LF, so front matter written
 * with CR-only or mixed line endings is read like any other, and the characters XML 1.0 cannot
 * carry (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF, lone surrogates) are
 * removed with a warning naming their lines: no page, feed or export can then hold them.
 */
import type { Warn } from './front-matter.ts';

/** One line of the body with its 1-based line number in the raw file. */
export interface Line {
  text: string;
  line: number;
}

export interface CleanText {
  lines: Line[];
}

/** Odd spaces become spaces; zero-width characters go. One pass over each line. */
const ODD = /[\t\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\u00ad\v\f]/g;
const fixOdd = (c: string): string => (/[\u200b-\u200d\u2060\ufeff\u00ad]/.test(c) ? '' : ' ');

/** Characters XML 1.0 cannot carry; the vertical tab and form feed stand between words, so they become spaces. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A cheap first look: no control character, no non-character and no surrogate at all (most texts). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;
const dropNotXml = (c: string): string => (c === '\v' || c === '\f' ? ' ' : '');

function codePoint(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Removes the characters XML cannot carry from lines, with one warning for the file naming the
 * characters and the first lines they stood on.
 */
export function dropNotXmlCharacters(lines: Line[], warn: Warn): Line[] {
  const found = new Set<string>();
  const at: number[] = [];
  const out = lines.map((l) => {
    if (!MAYBE_NOT_XML.test(l.text) || l.text.search(NOT_XML) < 0) return l;
    for (const c of l.text.match(NOT_XML) ?? []) found.add(codePoint(c));
    if (at[at.length - 1] !== l.line) at.push(l.line);
    return { text: l.text.replace(NOT_XML, dropNotXml), line: l.line };
  });
  if (at.length > 0) {
    const more =
      at.length > 1 ? ` (also on line${at.length > 2 ? 's' : ''} ${at.slice(1, 6).join(', ')}${at.length > 6 ? ', ...' : ''})` : '';
    warn(at[0]!, `control characters that no web page or feed can carry removed: ${[...found].sort().join(', ')}${more}`);
  }
  return out;
}

/**
 * A raw file's text as every stage reads it: LF line endings (CRLF and lone CR, as old Mac
 * editors and some mail clients write, become LF: the lines stay the lines they were), and no
 * character XML cannot carry (`dropNotXmlCharacters`).
 */
export function readableText(text: string, warn: Warn): string {
  const lf = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (!MAYBE_NOT_XML.test(lf) || lf.search(NOT_XML) < 0) return lf;
  const lines = lf.split('\n').map((t, i) => ({ text: t, line: i + 1 }));
  return dropNotXmlCharacters(lines, warn)
    .map((l) => l.text)
    .join('\n');
}

export function cleanText(body: string, firstLine: number): CleanText {
  const raw = (body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body).split('\n');
  return cleanLines(raw.map((text, i) => ({ text, line: firstLine + i })));
}

/** The same for lines that already know their place in the raw file (the blocks of an HTML page). */
export function cleanLines(lines: Line[]): CleanText {
  return { lines: lines.map(({ text, line }) => ({ text: text.replace(ODD, fixOdd).trimEnd(), line })) };
}
