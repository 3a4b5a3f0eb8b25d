/**
 * Scores the parser on a link newsletter's Markdown files against the reference reading
 * (reference-reader.ts), per era: items found (recall, precision, F1), and for the items both
 * readings find, agreement on the URL, the section path and whether the item has a summary; for
 * each issue, agreement on its number and date. Items are paired by title (case, markup and
 * punctuation aside), else by URL. Not part of the product.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArchive, type ParseOptions } from '../../src/parse.ts';
import type { Entry, Issue } from '../../src/records/types.ts';
import { readReference, type ReferenceIssue, type ReferenceItem } from './reference-reader.ts';

export interface LinkScore {
  set: string;
  issues: number;
  found: number;
  reference: number;
  parsed: number;
  url: [number, number];
  section: [number, number];
  summary: [number, number];
  number: [number, number];
  date: [number, number];
}

const key = (title: string): string =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const sameUrl = (a: string | null, b: string): boolean => a !== null && a.trim().replace(/\/$/, '') === b.trim().replace(/\/$/, '');
const samePath = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => key(x) === key(b[i]!));

function empty(set: string): LinkScore {
  return { set, issues: 0, found: 0, reference: 0, parsed: 0, url: [0, 0], section: [0, 0], summary: [0, 0], number: [0, 0], date: [0, 0] };
}

const agree = (tally: [number, number], ok: boolean): void => {
  tally[1]++;
  if (ok) tally[0]++;
};

/** Pairs each parsed entry with the reference item of the same title (else URL), each used once. */
function pair(entries: Entry[], items: ReferenceItem[]): { pairs: [Entry, ReferenceItem][]; extra: Entry[]; missed: ReferenceItem[] } {
  const left = new Set(items);
  const pairs: [Entry, ReferenceItem][] = [];
  const extra: Entry[] = [];
  for (const entry of entries) {
    const k = key(entry.title);
    const match = [...left].find((r) => key(r.title) === k) ?? [...left].find((r) => sameUrl(entry.url, r.url));
    if (match) {
      left.delete(match);
      pairs.push([entry, match]);
    } else extra.push(entry);
  }
  return { pairs, extra, missed: [...left] };
}

/** Scores every `.md` file of `dir` (parsed as one archive, as the build does), per era. */
export function scoreLinkNewsletter(
  dir: string,
  options: ParseOptions,
  eraOf: (ref: ReferenceIssue) => string,
  report: (line: string) => void,
): LinkScore[] {
  const files = readdirSync(dir)
    .filter((f) => /\.(md|markdown)$/.test(f))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));
  const { issues } = parseArchive(files, options);
  const byFile = new Map<string, Issue>(issues.map((i) => [i.file, i]));
  const scores = new Map<string, LinkScore>();
  const total = empty('all');
  for (const { file, text } of files) {
    const ref = readReference(file, text);
    const issue = byFile.get(file)!;
    const era = eraOf(ref);
    if (!scores.has(era)) scores.set(era, empty(era));
    for (const score of [scores.get(era)!, total]) {
      score.issues++;
      agree(score.number, issue.number === ref.number);
      agree(score.date, issue.date === ref.date);
    }
    if (issue.number !== ref.number) report(`${file}: number: reference ${ref.number}, parsed ${issue.number}`);
    if (issue.date !== ref.date) report(`${file}: date: reference ${ref.date}, parsed ${issue.date}`);
    const { pairs, extra, missed } = pair(issue.entries, ref.items);
    for (const score of [scores.get(era)!, total]) {
      score.found += pairs.length;
      score.reference += ref.items.length;
      score.parsed += issue.entries.length;
      for (const [entry, item] of pairs) {
        agree(score.url, sameUrl(entry.url, item.url));
        agree(score.section, samePath(entry.category, item.section));
        agree(score.summary, (entry.summary.trim() !== '') === item.hasSummary);
      }
    }
    for (const item of missed) report(`${file}: NOT FOUND "${item.title.slice(0, 90)}" (${item.section.join(' > ')})`);
    for (const entry of extra)
      report(`${file}:${entry.line}: NOT IN REFERENCE "${entry.title.slice(0, 90)}" (${entry.category.join(' > ')})`);
    for (const [entry, item] of pairs) {
      if (!sameUrl(entry.url, item.url))
        report(`${file}:${entry.line}: url differs for "${item.title.slice(0, 60)}": ${item.url} / ${entry.url}`);
      if (!samePath(entry.category, item.section))
        report(
          `${file}:${entry.line}: section differs for "${item.title.slice(0, 60)}": ${JSON.stringify(item.section)} / ${JSON.stringify(entry.category)}`,
        );
      if ((entry.summary.trim() !== '') !== item.hasSummary)
        report(
          `${file}:${entry.line}: summary presence differs for "${item.title.slice(0, 60)}": reference ${item.hasSummary}, parsed ${entry.summary !== ''}`,
        );
    }
  }
  return [...[...scores.values()].sort((a, b) => (a.set < b.set ? -1 : 1)), total];
}

const share = ([ok, all]: [number, number]): string => (all === 0 ? '-' : `${(ok / all).toFixed(3)} (${all - ok})`);

/** The scores as Markdown table rows. */
export function linkScoreTable(title: string, scores: LinkScore[]): string[] {
  const rows = [
    `| ${title} | issues | recall | precision | items F1 | URL | section | summary presence | number | date |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of scores) {
    const recall = s.reference === 0 ? 1 : s.found / s.reference;
    const precision = s.parsed === 0 ? 1 : s.found / s.parsed;
    const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
    const name = s.set === 'all' ? '**all**' : s.set;
    rows.push(
      `| ${name} | ${s.issues} | ${s.found}/${s.reference} | ${s.found}/${s.parsed} | ${f1.toFixed(3)} | ${share(s.url)} | ${share(s.section)} | ${share(s.summary)} | ${share(s.number)} | ${share(s.date)} |`,
    );
  }
  return rows;
}
