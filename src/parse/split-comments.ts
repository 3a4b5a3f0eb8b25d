/**
 * Stage 3: cuts off the forum furniture and the reader comments after it.
 * Reader comments are not part of the newsletter: they are counted, never published.
 *
 *   New to LessWrong?
 *   New Comment
 *   6 comments, sorted by Click to highlight new comments since: Today at 2:44 PM
 *   I agree with Zach above ...      <- a comment, dropped
 */
import type { CleanText, Line } from './clean-text.ts';
import type { Warn } from './front-matter.ts';

/** Where the furniture starts: the first of these, at a line start or inline in a flattened line. */
const FURNITURE = /(?:^|\s)(New to LessWrong\?|New Comment(?=\s|$)|\d+ comments?, sorted by\b)/;
const COUNT = /(\d+) comments?, sorted by\b/;
/** The rest of the "sorted by" line: forum controls, not a comment. */
const SORT_LINE_REST = /^.*?sorted by[^\n]*?(?:Today at \d{1,2}:\d{2} ?[AP]M|top scoring|magic \(new & upvoted\)|newest|oldest)?\s*$/;

export interface SplitComments {
  text: CleanText;
  commentsDropped: number;
}

export function splitComments(cleaned: CleanText, warn: Warn): SplitComments {
  const { lines } = cleaned;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.includes('New ') && !line.text.includes('sorted by')) continue;
    const m = FURNITURE.exec(line.text);
    if (!m) continue;
    const start = m.index + (m[0].length - m[1]!.length);
    const kept: Line[] = lines.slice(0, i);
    const before = line.text.slice(0, start).trimEnd();
    if (before) kept.push({ text: before, line: line.line });

    const after = [line.text.slice(start), ...lines.slice(i + 1).map((l) => l.text)].join('\n');
    const stated = COUNT.exec(after);
    // Paragraphs after the furniture lines; each is (part of) a comment.
    const paragraphs = lines
      .slice(i + 1)
      .map((l) => l.text.trim())
      .filter((t) => t !== '' && !FURNITURE.test(` ${t}`) && !SORT_LINE_REST.test(t) && !/^New Comment$/.test(t));
    const commentsDropped = stated ? Number(stated[1]) : paragraphs.length;
    if (!stated && paragraphs.length === 0 && start === 0) return { text: { lines: kept }, commentsDropped: 0 };
    if (stated && paragraphs.length === 0 && commentsDropped > 0) {
      warn(line.line, `the forum says ${commentsDropped} comments but their text is not in the file`);
    }
    return { text: { lines: kept }, commentsDropped };
  }
  return { text: cleaned, commentsDropped: 0 };
}
