/**
 * Many files at once: parses each, then checks what only the whole archive shows.
 * Two files claiming the same issue number both stay in the archive (nothing is dropped). The
 * number's owner (`numberOwner`: the file named `an-098.txt` for #98 before `AN98.md`, before a
 * file whose text alone says 98, then the first by path) keeps the number's id `an-098`, so adding
 * a stray copy never renames the issue readers link to. The others are named by their files.
 */
import type { Issue, ParseWarning, RawFile } from '../records/types.ts';
import type { ParseOptions } from '../parse.ts';
import { parseNewsletter } from '../parse.ts';
import { claimantsByNumber, issueIdFromFile, numberOwner } from './infer-metadata.ts';
import { archiveEvidence, certainAuthors, evidenceFor, type Evidence } from './archive-evidence.ts';
import { shortHash } from '../records/slug.ts';

export interface ParsedArchive {
  /** One issue a file, in file path order. */
  issues: Issue[];
  /** Every warning of every issue, plus the archive-wide ones. */
  warnings: ParseWarning[];
}

/**
 * Parsed issues by file, kept between calls with the same options: a rebuild in watch mode after
 * one edit parses one file, not the archive. The cached record is frozen, so it is shared, not
 * copied; each call gets its own shallow copy, whose id and warnings are adjusted below.
 */
const cache = new WeakMap<ParseOptions, Map<string, { text: string; known: string[]; issue: Issue }>>();
/** Each file's certain author names (archive-evidence.ts), by file, while its text is the same. */
const namesByFile = new Map<string, { text: string; names: string[] }>();

function deepFreeze<T extends object>(value: T): T {
  Object.freeze(value);
  for (const child of Array.isArray(value) ? (value as unknown[]) : Object.values(value)) {
    if (child !== null && typeof child === 'object' && !Object.isFrozen(child)) deepFreeze(child);
  }
  return value;
}

function parseCached(raw: RawFile, options: ParseOptions, evidence: Evidence): Issue {
  let byFile = cache.get(options);
  if (!byFile) {
    byFile = new Map();
    cache.set(options, byFile);
  }
  let hit = byFile.get(raw.file);
  // The file is parsed again when its text changes, or the archive's answer to one of its questions.
  const known = evidenceFor(raw.text, evidence);
  if (!hit || hit.text !== raw.text || hit.known.join('\n') !== known.join('\n')) {
    hit = { text: raw.text, known, issue: deepFreeze(parseNewsletter(raw, { ...options, knownAuthors: new Set(known) })) };
    byFile.set(raw.file, hit);
  }
  return { ...hit.issue, warnings: [...hit.issue.warnings] };
}

export function parseArchive(files: RawFile[], options: ParseOptions): ParsedArchive {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // What the archive says about names, for the cuts an issue's own text leaves open (archive-evidence.ts).
  // Each file's names are kept while its text is the same, so a rebuild after one edit reads one file.
  const evidence = archiveEvidence(sorted, (raw) => {
    let hit = namesByFile.get(raw.file);
    if (!hit || hit.text !== raw.text) {
      hit = { text: raw.text, names: certainAuthors(raw.text) };
      namesByFile.set(raw.file, hit);
    }
    return hit.names;
  });
  const issues = sorted.map((raw) => parseCached(raw, options, evidence));

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
  return { issues, warnings: issues.flatMap((i) => i.warnings) };
}
