/**
 * How the newsletter cites its own issues, and which file owns an issue number: one module for
 * every rule the parser and the site apply to `AN #N`, so a change to what counts as a citation
 * is made here once.
 *
 * The newsletter writes a citation in several forms, and each use reads the forms it is given:
 * - a mention, wherever it stands: `(AN #74)`, `(**[AN #74](https://mailchi.mp/...)**)`, `see AN #12`.
 *   This is what an entry's `references` records (`mentionedIssues`): what the entry cites.
 * - a citation in running text, in parentheses: `(AN #74)`, `( AN #74 )`, `(AN#74)`. The site
 *   links these to the issue's page (`CITATION`, `citedIssues`) and counts an intro's citations by them.
 * - a link whose whole text is the issue: `[AN #72](https://mailchi.mp/...)` in a Markdown export;
 *   the site points it at its own copy of the issue (`linkTextIssue`).
 *
 * Two files may claim one number (`an-098.txt` and a stray `AN98.md`). `numberOwner` decides which
 * one owns it: the owner gets the number's id (`an-098`, in the parser) and is where `(AN #98)`
 * points (on the site).
 */

/** `AN #74` anywhere: `AN`, an optional space, `#`, up to four digits. */
const MENTION = /\bAN ?#(\d{1,4})\b/g;

/** `(AN #74)`, `( AN #74 )`, `(AN#74)`: the newsletter's way of citing an earlier issue in running text. */
export const CITATION = /\(\s*AN\s*#\s*(\d+)\s*\)/g;

/** A link text that is an issue and nothing else: `AN #72`. */
const LINK_TEXT = /^\s*AN\s*#\s*(\d+)\s*$/;

/** The issue numbers mentioned in the texts, in order of first mention, without repeats: an entry's `references`. */
export function mentionedIssues(texts: readonly string[]): number[] {
  const seen = new Set<number>();
  for (const text of texts) if (text.includes('#')) for (const m of text.matchAll(MENTION)) seen.add(Number(m[1]));
  return [...seen];
}

/** The issue numbers cited in parentheses in a text, in order, repeats kept: `(AN #74)`. */
export function citedIssues(text: string): number[] {
  return [...text.matchAll(CITATION)].map((m) => Number(m[1]));
}

/** The issue a link's text names (`AN #72` -> 72), or null when the text is anything else. */
export function linkTextIssue(text: string): number | null {
  const match = LINK_TEXT.exec(text);
  return match ? Number(match[1]) : null;
}

/** `an-098.txt`, `AN98.md`, `alignment-newsletter-98.txt`, `2020/an_098.txt` -> 98. */
export function numberFromFileName(file: string): number | null {
  const base = file
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  const m = /^(?:an|alignment[-_ ]?newsletter)[-_ #]*(\d{1,4})$/i.exec(base);
  return m ? Number(m[1]) : null;
}

/**
 * How strongly a file claims the issue number its issue has: 0 when its name is the number's id
 * (`an-098.txt`, `2020/AN-98.md`), 1 when its name carries the number otherwise (`AN98.md`,
 * `alignment-newsletter-98.txt`), 2 when only its text says it. A function of the file alone.
 */
export function claimRank(file: string, number: number): number {
  if (numberFromFileName(file) !== number) return 2;
  const base = file
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  return /^an-\d+$/i.test(base) ? 0 : 1;
}

/** Issues grouped by the number they claim (issues without a number left out), in their order. */
export function claimantsByNumber<T extends { number: number | null }>(issues: readonly T[]): Map<number, T[]> {
  const byNumber = new Map<number, T[]>();
  for (const issue of issues) {
    if (issue.number === null) continue;
    const claimants = byNumber.get(issue.number);
    if (claimants) claimants.push(issue);
    else byNumber.set(issue.number, [issue]);
  }
  return byNumber;
}

/**
 * Among issues claiming one number, the one that owns it: the strongest claim (`claimRank`),
 * then the first by path. The owner is published as `an-NNN` and is where `(AN #N)` points;
 * adding a file can take the number only from a weaker claim, so `an-098.txt` keeps `an-098`
 * whatever else claims 98.
 */
export function numberOwner<T extends { file: string; number: number | null }>(claimants: readonly T[]): T {
  const rank = (issue: T): number => (issue.number === null ? 3 : claimRank(issue.file, issue.number));
  return claimants.reduce((best, issue) => {
    const d = rank(issue) - rank(best);
    return d < 0 || (d === 0 && issue.file < best.file) ? issue : best;
  });
}

/** Each claimed number's owner (`numberOwner`): where `(AN #N)` points. */
export function numberOwners<T extends { file: string; number: number | null }>(issues: readonly T[]): Map<number, T> {
  return new Map([...claimantsByNumber(issues)].map(([n, claimants]) => [n, numberOwner(claimants)]));
}
