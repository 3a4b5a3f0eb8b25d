/**
 * Stage: the issue's own title line, when the text starts with one. It is metadata, not intro.
 *   [AN #98]: Understanding neural net training by seeing which gradients were helpful
 *   The Alignment Newsletter #9: 06/04/18
 *   **Newsletter #92**
 */
import type { CleanText } from './clean-text.ts';
import { stripMarkup } from './markup.ts';
import { BOILERPLATE } from './boilerplate.ts';

export interface TitleLine {
  number: number | null;
  title: string | null;
  date: string | null;
  line: number;
}

const PATTERNS: RegExp[] = [
  /^\[?\s*AN\s*#\s*(\d{1,4})\s*\]?\s*[:\-–—]?\s*(.*)$/i,
  /^(?:The\s+)?Alignment\s+Newsletter\s*#\s*(\d{1,4})\b\s*[:\-–—]?\s*(.*)$/i,
  /^Newsletter\s*#\s*(\d{1,4})\b\s*[:\-–—]?\s*(.*)$/i,
];

/** `06/04/18` (month/day/year, as the early issues wrote it) or `2018-06-04` -> `2018-06-04`. */
export function parseLooseDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return text;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (!us) return null;
  const year = us[3]!.length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
  const month = Number(us[1]);
  const day = Number(us[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Takes the title line off the top of the body, if there is one. */
export function takeTitleLine(cleaned: CleanText): { titleLine: TitleLine | null; text: CleanText } {
  const index = cleaned.lines.findIndex((l) => l.text.trim() !== '');
  if (index < 0) return { titleLine: null, text: cleaned };
  const first = cleaned.lines[index]!;
  // A flattened issue holds everything on its first line: the title runs up to the standing preamble.
  BOILERPLATE.lastIndex = 0;
  const standing = first.text.length > 300 ? BOILERPLATE.exec(first.text) : null;
  BOILERPLATE.lastIndex = 0;
  if (first.text.length > 300 && (!standing || standing.index > 300)) return { titleLine: null, text: cleaned };
  const head = standing ? first.text.slice(0, standing.index) : first.text;
  const titleLine = readTitleLine(head, first.line);
  if (!titleLine) return { titleLine: null, text: cleaned };
  const lines = cleaned.lines.slice();
  const remainder = first.text.slice(head.length).trim();
  if (remainder) lines[index] = { text: remainder, line: first.line };
  else lines.splice(index, 1);
  return { titleLine, text: { lines } };
}

/** A title line's number, title and date: `[AN #98]: Title`, `The Alignment Newsletter #9: 06/04/18`; null when it is not one. */
export function readTitleLine(text: string, line: number): TitleLine | null {
  const plain = stripMarkup(text).replace(/^#+\s*/, '');
  for (const pattern of PATTERNS) {
    const m = pattern.exec(plain);
    if (!m) continue;
    const rest = m[2]!.trim();
    const date = parseLooseDate(rest);
    return { number: Number(m[1]), title: date || rest === '' ? null : rest, date, line };
  }
  return null;
}
