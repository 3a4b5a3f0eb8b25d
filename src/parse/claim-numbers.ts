/**
 * Archive stage: two files claiming the same issue number both stay in the archive (nothing is
 * dropped). The number's owner (`numberOwner`: the file named `wr-098.txt` for #98 before
 * `AN98.md`, before a file whose text alone says 98, then the first by path) keeps the number's id
 * `wr-098`, so adding a stray copy never renames the issue readers link to. The others are named
 * by their files, with a warning.
 */
import { claimantsByNumber, numberOwner } from '../records/citations.ts';
import { shortHash } from '../records/slug.ts';
import type { Issue } from '../records/types.ts';
import { issueIdFromFile } from './infer-metadata.ts';

/** Gives every issue an id no other issue of the archive has; changes the issues' `id` and `warnings`. */
export function claimNumbers(issues: Issue[]): void {
  const named: Issue[] = issues.filter((issue) => issue.number === null);
  for (const [number, claimants] of claimantsByNumber(issues)) {
    if (claimants.length < 2) continue;
    const kept = numberOwner(claimants);
    for (const issue of claimants) {
      if (issue === kept) continue;
      issue.id = issueIdFromFile(issue.file);
      named.push(issue);
      issue.warnings.push({
        file: issue.file,
        line: 0,
        message: `issue number ${number} is also claimed by ${kept.file}; this file is published under its own file name`,
      });
    }
  }

  // Issues named by their files come after the numbers' owners, which keep `an-NNN`. When a file
  // name slugs like an id already given (`Notes.txt` beside `notes.md`), the later one by path
  // gets a hash of its own name: never a counter, which would change as files come and go.
  const taken = new Set(issues.filter((issue) => !named.includes(issue)).map((issue) => issue.id));
  for (const issue of named.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    let id = issue.id;
    if (taken.has(id)) id = `${issue.id}-${shortHash(issue.file)}`;
    for (let n = 2; taken.has(id); n++) id = `${issue.id}-${shortHash(issue.file)}-${n}`;
    issue.id = id;
    taken.add(id);
  }
}
