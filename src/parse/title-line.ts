/**
 * Stage: the issue's own title line, when the text starts with one. It is metadata, not intro.
 * The names a title line may begin with are the dialect's (`DialectRules.titleLines`):
 *   [WR #98]: Understanding neural net training by seeing which gradients were helpful
 *   The Weekly Robotics #9: 06/04/18
 *   **Newsletter #92**
 */
import type { CleanText } from './clean-text.ts';
import { stripMarkup } from './markup.ts';
import type { DialectRules } from '../records/dialect.ts';

export interface TitleLine {
  number: number | null;
  title: string | null;
  date: string | null;
  line: number;
}

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
export function takeTitleLine(cleaned: CleanText, rules: DialectRules): { titleLine: TitleLine | null; text: CleanText } {
  const index = cleaned.lines.findIndex((l) => l.text.trim() !== '');
  if (index < 0) return { titleLine: null, text: cleaned };
  const first = cleaned.lines[index]!;
  // A flattened issue holds everything on its first line: the title runs up to the standing preamble.
  const at = first.text.length > 300 && rules.standing ? first.text.search(rules.standing) : -1;
  if (first.text.length > 300 && (at < 0 || at > 300)) return { titleLine: null, text: cleaned };
  const head = at >= 0 ? first.text.slice(0, at) : first.text;
  const titleLine = readTitleLine(head, first.line, rules);
  if (!titleLine) return { titleLine: null, text: cleaned };
  const lines = cleaned.lines.slice();
  const remainder = first.text.slice(head.length).trim();
  if (remainder) lines[index] = { text: remainder, line: first.line };
  else lines.splice(index, 1);
  return { titleLine, text: { lines } };
}

/** A title line's number, title and date: `[WR #98]: Title`, `The Weekly Robotics #9: 06/04/18`; null when it is not one. */
export function readTitleLine(text: string, line: number, rules: DialectRules): TitleLine | null {
  const plain = stripMarkup(text).replace(/^#+\s*/, '');
  for (const pattern of rules.titleLines) {
    const m = pattern.exec(plain);
    if (!m) continue;
    const rest = m[2]!.trim();
    const date = parseLooseDate(rest);
    return { number: Number(m[1]), title: date || rest === '' ? null : rest, date, line };
  }
  return null;
}

/**
 * The issue number a title gives (`Weekly Robotics #99`, `Weekly #9: top news from 09/10/18`,
 * `This Week in Robots 299`, `Issue No. 12`), or null. A year at the end is not a number
 * (`Robots This Year 2018`).
 */
export function numberInTitle(title: string, rules: DialectRules): number | null {
  const plain = stripMarkup(title);
  const line = readTitleLine(plain, 0, rules);
  if (line?.number != null) return line.number;
  const marked = /#\s*(\d{1,6})\b/.exec(plain) ?? /\b(?:No\.?|Nr\.?|Issue|Number|Vol\.?\s*\d+,?\s*No\.?)\s*(\d{1,6})\b/i.exec(plain);
  if (marked) return Number(marked[1]);
  const trailing = /\s(\d{1,6})\s*$/.exec(plain);
  if (trailing && !(trailing[1]!.length === 4 && /^(?:19|20)/.test(trailing[1]!))) return Number(trailing[1]);
  return null;
}
