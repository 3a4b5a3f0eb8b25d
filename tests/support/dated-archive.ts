/**
 * A small hand-made archive whose issues know their dates in every way the archive can: front
 * matter, the dates file (a day, a month), an arXiv paper, an email footer, nothing at all.
 * `DATED` says what each issue's date is known to be, to check every page and file against.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSampleConventions } from './dialect.ts';

/** One issue in the export layout: a title, a category heading, two entries. */
function issueText(number: number, front: string, topic: string, extra = ''): string {
  return `---
number: ${number}
title: Notes number ${number}
${front}---
A short note from the editor of issue ${number}.

**Technical AI alignment**

**${topic} with robots, part ${number}** (Ada Quill) (summarized by Bo): Robots tend the ${topic.toLowerCase()} beds in trial ${number}.${extra}

**${topic} sensors, part ${number}** (Cy Dee) (summarized by Bo): Sensors for ${topic.toLowerCase()} are cheap now.

Bo's opinion: Useful for trial ${number}.
`;
}

export const FILES: Record<string, string> = {
  'n1.md': issueText(1, 'date: 2021-01-04\n', 'Compost'),
  'n2.md': issueText(2, '', 'Mulch'),
  'n3.md': issueText(3, '', 'Clay'),
  'n4.md': issueText(4, '', 'Loam', ' As [the paper](https://arxiv.org/abs/2102.00001) shows.'),
  'n5.md': issueText(
    5,
    '',
    'Peat',
    '\n\nCopyright © 2021 The Garden Letter, All rights reserved.\n\nWant to change how you receive these emails? You can unsubscribe from this list.',
  ),
  'n6.md': issueText(6, '', 'Sand'),
  'n7.md': issueText(7, 'date: 2021-03-01\n', 'Silt'),
};

/** The dates file: #2 to the day, #3 to the month, #7 corrected (its front matter says 2021-03-01). */
export const ISSUES_CSV = `file,number,date,title,url
n2.md,,2021-01-11,,https://garden.example/posts/2
,3,2021-01,,
n7.md,,2021-03-08,The seventh notes,https://garden.example/posts/7
`;

/** Each issue's own date, or null when it has none (then no page or file may state one for it). */
export const DATED: Record<string, string | null> = {
  'an-001': '2021-01-04',
  'an-002': '2021-01-11',
  'an-003': null,
  'an-004': null,
  'an-005': null,
  'an-006': null,
  'an-007': '2021-03-08',
};

/** Writes the archive into a new temp dir; returns its content dir. */
export function datedArchive(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsletter-dates-'));
  const content = path.join(dir, 'content');
  mkdirSync(path.join(content, 'newsletters'), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(content, 'newsletters', name), text);
  writeSampleConventions(content);
  writeFileSync(path.join(content, 'site.yml'), 'title: Garden Letter Archive\nurl: https://garden.example/\neditor: Bo\n');
  writeFileSync(path.join(content, 'issues.csv'), ISSUES_CSV);
  return content;
}
