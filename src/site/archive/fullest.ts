/**
 * Which appearance of a title summarizes it: an issue may list a paper with no summary (a "see
 * also" line, or a title in a list of links) and a later issue summarize it; the summary page leads
 * with the summary, and related summaries read and cite the same one. Pure.
 */

const WORD = /\S+/g;

/** Words of a summary and its opinions (Markdown as written; a link counts as the words of its text and its address). */
export function summaryWords(summary: string, opinions: readonly string[]): number {
  let words = summary.match(WORD)?.length ?? 0;
  for (const opinion of opinions) words += opinion.match(WORD)?.length ?? 0;
  return words;
}

/**
 * The fullest of a title's appearances, `newestFirst` as the site keeps them (most words); of
 * equals the oldest, where the summary first appeared (a later issue that repeats it word for word
 * is a reprint). Undefined when there are none.
 */
export function fullest<T>(newestFirst: readonly T[], words: (item: T) => number): T | undefined {
  let best: T | undefined;
  let most = -1;
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const n = words(newestFirst[i]!);
    if (n > most) [best, most] = [newestFirst[i], n];
  }
  return best;
}
