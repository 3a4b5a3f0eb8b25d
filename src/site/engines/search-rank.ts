/**
 * How much a summary's text weighs in search, beyond what Pagefind's own ranking sees.
 *
 * Pagefind ranks one page at a time, so a field's canonical paper (the one every later summary
 * refers to: "... the debate approach of AI safety via debate ...") scores like any other page
 * with the query's words in its title, and sinks under later ones that repeat the word more often.
 * How often other summaries mention a title is a citation count the archive already holds, and a
 * highlight is the editor's own mark of importance; both raise the weight of the summary's text
 * (`data-pagefind-weight`), which Pagefind multiplies into every word's count on that page.
 */

/** Lower-case words, as a search engine splits them: `Clarifying "AI Alignment"` -> `clarifying ai alignment`. */
export function normalizeWords(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/**
 * Titles shorter than this many words are not counted: a two-word title (`Inner alignment`,
 * `Debate`) is an ordinary phrase more often than a reference to that paper.
 */
export const MIN_TITLE_WORDS = 3;

/**
 * For each title, how many texts mention it as a run of whole words (case and punctuation
 * ignored), counting each text once per title and never a text of the same title. Texts and
 * titles are given normalized (`normalizeWords`). Linear in the length of the texts: every word
 * position is looked up once, by its first two words, among the titles that start with them.
 */
export function titleMentions(titles: readonly string[], texts: readonly { title: string; text: string }[]): Map<string, number> {
  const byStart = new Map<string, string[]>();
  for (const title of new Set(titles)) {
    const words = title.split(' ');
    if (words.length < MIN_TITLE_WORDS) continue;
    const key = `${words[0]} ${words[1]}`;
    const list = byStart.get(key);
    if (list) list.push(title);
    else byStart.set(key, [title]);
  }
  const counts = new Map<string, number>();
  for (const { title: own, text } of texts) {
    const found = new Set<string>();
    let start = 0;
    while (start < text.length) {
      const first = text.indexOf(' ', start);
      if (first < 0) break;
      const second = text.indexOf(' ', first + 1);
      const candidates = byStart.get(text.slice(start, second < 0 ? text.length : second));
      if (candidates) {
        for (const title of candidates) {
          const end = start + title.length;
          if (title !== own && text.startsWith(title, start) && (end === text.length || text[end] === ' ')) found.add(title);
        }
      }
      start = first + 1;
    }
    for (const title of found) counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  return counts;
}

/**
 * The weight of a summary's text: 1, plus one for every doubling of the mentions (1 -> 2,
 * 3 -> 3, 7 -> 4, 27 -> 5.8), plus one for a highlight; Pagefind takes weights up to 10.
 */
export function textWeight(mentions: number, highlight: boolean): number {
  const weight = 1 + Math.log2(1 + mentions) + (highlight ? 1 : 0);
  return Math.min(10, Math.round(weight * 10) / 10);
}
