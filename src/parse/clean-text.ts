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

// eslint-disable-next-line no-control-regex
const ODD_SPACE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\v\f]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

export function cleanText(body: string, firstLine: number): CleanText {
  const raw = body.replace(/\r\n?/g, '\n').split('\n');
  const lines: Line[] = raw.map((text, i) => ({
    text: text.replace(ZERO_WIDTH, '').replace(ODD_SPACE, ' ').replace(/\s+$/, ''),
    line: firstLine + i,
  }));
  return { lines };
}
