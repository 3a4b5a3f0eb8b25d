/**
 * What the archive's issues say about each other, for the one place where an issue's own text can
 * be cut more than one way: a lone parenthetical in an issue flattened onto one line.
 *   ... with conditional oracles (jessicata) A Rationality Condition for CDT ...
 * `(jessicata)` may close a "see also" header or be an aside inside a title (`The Pursuit of
 * (Robotic) Happiness`). A name that the archive writes as an author where there is no doubt (a
 * parenthetical right before `(reviewed by ...)` or a header's colon, in any issue) is evidence:
 * there the parenthetical closes the header. Section headings are evidence too, from categories.yml
 * (the vocabulary every stage already has).
 *
 * Pure: texts in, names out. `parseArchive` gathers the evidence once over every file and hands
 * each issue only the names its own text asks about, so an issue is parsed again only when the
 * answer to one of its own questions changes.
 */
import type { RawFile } from '../records/types.ts';
import type { DialectRules } from '../records/dialect.ts';
import { foldName } from '../records/names.ts';
import { splitNames } from './authors.ts';

export interface Evidence {
  /** Author names and user names written where they certainly are authors, folded (`foldName`: `jessicata`). */
  authors: ReadonlySet<string>;
}

/** A lone parenthetical of one word followed by a capitalised word: the question evidence answers. */
const LONE = /\(([^()\s]{2,40})\)[*_]{0,2}\s+["“]?[\p{Lu}\p{N}]/gu;

/** The names one text writes as authors where there is no doubt (`DialectRules.certainAuthors`: before a summarizer credit or a header's colon), folded. */
export function certainAuthors(text: string, rules: DialectRules): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(rules.certainAuthors)) for (const name of splitNames(m[1]!)) out.push(foldName(name));
  return out;
}

/** The names every file of the archive writes as authors where there is no doubt; `namesOf` may hand back a memo of `certainAuthors`. */
export function archiveEvidence(files: readonly RawFile[], namesOf: (file: RawFile) => readonly string[]): Evidence {
  const authors = new Set<string>();
  for (const file of files) for (const name of namesOf(file)) authors.add(name);
  return { authors };
}

/** The lone parentheticals of one text that the evidence names as authors, sorted: the part of the evidence this text depends on. */
export function evidenceFor(text: string, evidence: Evidence): string[] {
  const asked = new Set<string>();
  for (const m of text.matchAll(LONE)) {
    const name = foldName(m[1]!);
    if (evidence.authors.has(name)) asked.add(name);
  }
  return [...asked].sort();
}
