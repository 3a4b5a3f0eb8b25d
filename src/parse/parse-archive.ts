/**
 * Many files at once: parses each, then checks what only the whole archive shows.
 * Two files claiming the same issue number both stay in the archive (nothing is dropped); the
 * first by file path keeps the number's id and the others are told apart by their file names.
 */
import type { Issue, ParseWarning, RawFile } from '../types.ts';
import type { ParseOptions } from '../parse.ts';
import { parseNewsletter } from '../parse.ts';
import { issueIdFromFile } from './infer-metadata.ts';

export interface ParsedArchive {
  /** Every file's issue, newest number first is NOT implied: in file path order. */
  issues: Issue[];
  /** Every warning of every issue, plus the archive-wide ones. */
  warnings: ParseWarning[];
}

export function parseArchive(files: RawFile[], options: ParseOptions): ParsedArchive {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const issues = sorted.map((raw) => parseNewsletter(raw, options));
  const byId = new Map<string, Issue>();
  const byNumber = new Map<number, Issue>();
  for (const issue of issues) {
    if (issue.number !== null) {
      const first = byNumber.get(issue.number);
      if (first) {
        issue.warnings.push({
          file: issue.file,
          line: 0,
          message: `issue number ${issue.number} is also claimed by ${first.file}; this file is published under its own file name`,
        });
      } else byNumber.set(issue.number, issue);
    }
    let id = byId.has(issue.id) ? issueIdFromFile(issue.file) : issue.id;
    for (let n = 2; byId.has(id); n++) id = `${issueIdFromFile(issue.file)}-${n}`;
    issue.id = id;
    byId.set(id, issue);
  }
  return { issues, warnings: issues.flatMap((i) => i.warnings) };
}
