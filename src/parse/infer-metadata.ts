/**
 * Stage 8: the issue's number, title, date and id, from the best source that says them:
 * front matter, else the title line (`[AN #98]: ...`), else the file name (`an-098.txt`).
 */
import type { FrontMatterData, Warn } from './front-matter.ts';
import type { TitleLine } from './title-line.ts';
import { numberFromFileName } from '../records/citations.ts';
import { anchorSlug, shortHash } from '../records/slug.ts';

export interface Metadata {
  id: string;
  number: number | null;
  title: string | null;
  date: string | null;
  source: string | null;
}

/** The id an issue with this number gets: `an-098`. */
export function issueIdFor(number: number): string {
  return `an-${String(number).padStart(3, '0')}`;
}

/**
 * Id from the file name, for an issue that does not own its number (or has none):
 * `drafts/Week 12.txt` -> `drafts-week-12`, `digest.mbox#2` -> `digest-2`. A name with no Latin letters or digits gets a hash of
 * itself (`第九十八期.txt` -> `issue-1x9k2a`), never a counter that depends on the other files.
 */
export function issueIdFromFile(file: string): string {
  // A mailbox's message keeps its number: `digest.mbox#2` -> `digest-2`.
  return anchorSlug(file.replace(/\.[^./#]+(?=(?:#\d+)?$)/, ''), 100) || `issue-${shortHash(file)}`;
}

export function inferMetadata(file: string, front: FrontMatterData, titleLine: TitleLine | null, warn: Warn): Metadata {
  const fromName = numberFromFileName(file);
  const number = front.number ?? titleLine?.number ?? fromName;
  if (front.number !== null && titleLine?.number != null && titleLine.number !== front.number) {
    warn(titleLine.line, `the text says AN #${titleLine.number} but the front matter says ${front.number}; the front matter wins`);
  }
  return {
    id: number !== null ? issueIdFor(number) : issueIdFromFile(file),
    number,
    title: front.title ?? titleLine?.title ?? null,
    date: front.date ?? titleLine?.date ?? null,
    source: front.source,
  };
}
