/**
 * Stage 8: the issue's number, title, date and id, from the best source that says them:
 * front matter, else the title line (`[AN #98]: ...`), else the file name (`an-098.txt`).
 */
import type { FrontMatterData, Warn } from './front-matter.ts';
import type { TitleLine } from './title-line.ts';
import { slugify } from './assign-ids.ts';

export interface Metadata {
  id: string;
  number: number | null;
  title: string | null;
  date: string | null;
  source: string | null;
}

/** `an-098.txt`, `AN98.md`, `alignment-newsletter-98.txt`, `2020/an_098.txt` -> 98. */
export function numberFromFileName(file: string): number | null {
  const base = file.split('/').pop()!.replace(/\.[^.]+$/, '');
  const m = /^(?:an|alignment[-_ ]?newsletter)[-_ #]*(\d{1,4})$/i.exec(base);
  return m ? Number(m[1]) : null;
}

/** The id an issue with this number gets: `an-098`. */
export function issueIdFor(number: number): string {
  return `an-${String(number).padStart(3, '0')}`;
}

/** Id from the file name when the number is unknown: `drafts/Week 12.txt` -> `drafts-week-12`. */
export function issueIdFromFile(file: string): string {
  return slugify(file.replace(/\.[^.\/]+$/, ''), 100) || 'issue';
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
