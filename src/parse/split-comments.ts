/**
 * Stage 3: cuts off the forum furniture and the reader comments after it.
 * Reader comments are not part of the newsletter: they are counted, never published.
 *
 *   New to LessWrong?
 *   New Comment
 *   6 comments, sorted by Click to highlight new comments since: Today at 2:44 PM
 *   I agree with Zach above ...      <- a comment, dropped
 *
 * The furniture is recognised by its shape, never by its words inside a sentence: a line of its
 * own (`New Comment`, `New to LessWrong?`, `6 comments, sorted by ...`), or, in an issue
 * flattened onto one line, `New Comment` followed by the comment count or ending the line
 * (`... with your comments. New Comment 6 comments, sorted by top scoring ...`). A summary that
 * says "click New Comment to reply" is text. And it comes after the last entry: when
 * what follows it still holds entry headers (`(reviewed by X)`), nothing is cut, with a warning.
 */
import type { CleanText, Line } from './clean-text.ts';
import type { Warn } from './front-matter.ts';
import type { DialectRules } from '../records/dialect.ts';

/** A whole line of furniture. */
const FURNITURE_LINE = /^(?:New to LessWrong\?|New Comment|\d+ comments?, sorted by\b.*)$/;
/** Furniture inside a flattened line: `New Comment` with the count after it, or at the line's end. */
const FURNITURE_INLINE = /(?:^|\s)((?:New to LessWrong\?\s+)?New Comment(?:\s+\d+ comments?, sorted by\b|\s*$))/g;
const COUNT = /(\d+) comments?, sorted by\b/;
/** The rest of the "sorted by" line: forum controls, not a comment. */
const SORT_LINE_REST = /^.*?sorted by[^\n]*?(?:Today at \d{1,2}:\d{2} ?[AP]M|top scoring|magic \(new & upvoted\)|newest|oldest)?\s*$/;

export interface SplitComments {
  text: CleanText;
  commentsDropped: number;
}

/** Where furniture may start on this line: character offsets, in order. */
function furnitureStarts(text: string): number[] {
  if (!text.includes('New ') && !text.includes('sorted by')) return [];
  if (FURNITURE_LINE.test(text.trim())) return [text.length - text.trimStart().length];
  return [...text.matchAll(FURNITURE_INLINE)].map((m) => m.index + (m[0].length - m[1]!.length));
}

export function splitComments(cleaned: CleanText, rules: DialectRules, warn: Warn): SplitComments {
  const { lines } = cleaned;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    for (const start of furnitureStarts(line.text)) {
      const afterLines = lines.slice(i + 1).map((l) => l.text);
      const after = [line.text.slice(start), ...afterLines].join('\n');
      // An entry header's most certain mark: its summarizer credit, as the dialect writes it.
      const entryAfter = rules.summarizedOpen?.exec(after);
      if (entryAfter) {
        const entryLine = lines[i + after.slice(0, entryAfter.index).split('\n').length - 1]!.line;
        warn(
          line.line,
          `"${line.text.slice(start, start + 40).trim()}" looks like the start of the forum's comments, but an entry follows it (line ${entryLine}): everything after it is kept`,
        );
        continue;
      }
      return cut(lines, i, start, after, warn);
    }
  }
  return { text: cleaned, commentsDropped: 0 };
}

/** The text up to the furniture at `start` of line `i`; the comments after it counted. */
function cut(lines: Line[], i: number, start: number, after: string, warn: Warn): SplitComments {
  const line = lines[i]!;
  const kept: Line[] = lines.slice(0, i);
  const before = line.text.slice(0, start).trimEnd();
  if (before) kept.push({ text: before, line: line.line });
  const stated = COUNT.exec(after);
  // Paragraphs after the furniture lines; each is (part of) a comment.
  const paragraphs = lines
    .slice(i + 1)
    .map((l) => l.text.trim())
    .filter((t) => t !== '' && !FURNITURE_LINE.test(t) && !SORT_LINE_REST.test(t));
  const commentsDropped = stated ? Number(stated[1]) : paragraphs.length;
  if (stated && paragraphs.length === 0 && commentsDropped > 0) {
    warn(line.line, `the forum says ${commentsDropped} comments but their text is not in the file`);
  }
  return { text: { lines: kept }, commentsDropped };
}
