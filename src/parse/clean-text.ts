/**
 * Stage 2: normalises the characters of the body without changing what it says,
 * and keeps each line's position in the raw file.
 * CRLF and lone CR become LF; no-break spaces, tabs and other odd spaces become spaces;
 * zero-width characters go; trailing whitespace goes.
 */

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

export function cleanText(body: string, firstLine: number): CleanText {
  const raw = (body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body).split('\n');
  return cleanLines(raw.map((text, i) => ({ text, line: firstLine + i })));
}

/** The same for lines that already know their place in the raw file (the blocks of an HTML page). */
export function cleanLines(lines: Line[]): CleanText {
  return { lines: lines.map(({ text, line }) => ({ text: text.replace(ODD, fixOdd).trimEnd(), line })) };
}
