/**
 * How the newsletter cites its own issues, and which file owns an issue number: one module for
 * every rule the parser and the site apply to a citation, so a change to what counts as one is made
 * here once. The citation's words are the dialect's (`citation: "WR #{number}"` in newsletter.yml,
 * compiled in `dialect.ts`); a newsletter without one cites nothing.
 *
 * A citation is written in several forms, and each use reads the forms it is given:
 * - a mention, wherever it stands: `(WR #74)`, `(**[WR #74](https://...)**)`, `see WR #12`.
 *   This is what an entry's `references` records (`mentionedIssues`): what the entry cites.
 * - a citation in running text, in parentheses: `(WR #74)`, `( WR #74 )`, `(WR#74)`. The site
 *   links these to the issue's page (`DialectRules.citation`, `citedIssues`) and counts an intro's citations by them.
 * - a link whose whole text is the issue: `[WR #72](https://...)` in a Markdown export;
 *   the site points it at its own copy of the issue (`linkTextIssue`).
 *
 * Two files may claim one number (`issue-98.md` and a stray `Issue98.md`). `numberOwner` decides
 * which one owns it: the owner gets the number's id (in the parser) and is where a citation of 98
 * points (on the site).
 */
import type { DialectRules } from './dialect.ts';

/** The issue numbers mentioned in the texts, in order of first mention, without repeats: an entry's `references`. */
export function mentionedIssues(texts: readonly string[], rules: DialectRules): number[] {
  const seen = new Set<number>();
  const mention = rules.mention;
  if (!mention) return [];
  for (const text of texts) if (text.includes('#')) for (const m of text.matchAll(mention)) seen.add(Number(m[1]));
  return [...seen];
}

/** The issue numbers cited in parentheses in a text, in order, repeats kept: `(WR #74)`. */
export function citedIssues(text: string, rules: Pick<DialectRules, 'citation'>): number[] {
  return rules.citation ? [...text.matchAll(rules.citation)].map((m) => Number(m[1])) : [];
}

/** The issue a link's text names (`WR #72` -> 72), or null when the text is anything else. */
export function linkTextIssue(text: string, rules: Pick<DialectRules, 'citationText'>): number | null {
  const match = rules.citationText?.exec(text);
  return match ? Number(match[1]) : null;
}

/** A Jekyll post's date before its name: `2021-01-18-99` -> `99`. */
const JEKYLL_DATE = /^\d{4}-\d{1,2}-\d{1,2}-/;

/** The base name of a file, without folders, extension or a Jekyll date. */
function baseName(file: string): string {
  return file
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '')
    .replace(JEKYLL_DATE, '');
}

/**
 * The issue number a file's name carries: the number alone, or after one or two words
 * (`issue-098.txt`, `WR98.md`, `weekly-robotics-98.txt`, `2020/wr_098.txt`, `2021-01-18-99.md`) -> 98.
 * A year after words is a name, not a number (`this-year-2018.md`).
 */
export function numberFromFileName(file: string): number | null {
  const base = baseName(file);
  const m = /^(?:(\p{L}+(?:[-_ ]\p{L}+)?)[-_ #]*)?(\d{1,6})$/u.exec(base);
  if (!m) return null;
  const number = Number(m[2]);
  if (m[1] !== undefined && m[2]!.length === 4 && /^(?:19|20)/.test(m[2]!)) return null;
  return number;
}

/**
 * How strongly a file claims the issue number its issue has: 0 when its name is one short word
 * and the number (`wr-098.txt`, `2020/WR-98.md`) or the number alone (`98.md`, `2021-01-18-98.md`),
 * 1 when its name carries the number otherwise (`WR98.md`, `weekly-robotics-98.txt`), 2 when only
 * its text says it. A function of the file alone.
 */
export function claimRank(file: string, number: number): number {
  if (numberFromFileName(file) !== number) return 2;
  return /^(?:\p{L}+-)?\d+$/u.test(baseName(file)) ? 0 : 1;
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
 * then the first by path. The owner is published under the number's id and is where a citation
 * of the number points; adding a file can take the number only from a weaker claim, so
 * `wr-098.txt` keeps its id whatever else claims 98.
 */
export function numberOwner<T extends { file: string; number: number | null }>(claimants: readonly T[]): T {
  const rank = (issue: T): number => (issue.number === null ? 3 : claimRank(issue.file, issue.number));
  return claimants.reduce((best, issue) => {
    const d = rank(issue) - rank(best);
    return d < 0 || (d === 0 && issue.file < best.file) ? issue : best;
  });
}

/** Each claimed number's owner (`numberOwner`): where a citation of the number points. */
export function numberOwners<T extends { file: string; number: number | null }>(issues: readonly T[]): Map<number, T> {
  return new Map([...claimantsByNumber(issues)].map(([n, claimants]) => [n, numberOwner(claimants)]));
}
