/**
 * Fixture pairs: `tests/parse/fixtures/<case>.txt|md|html` with `<case>.json`, and every issue of
 * the default archive (`tests/fixtures/sample-archive/newsletters/<name>.txt`) with
 * `tests/parse/fixtures/archive/<name>.json`. Each `.json` is an expectation written by reading
 * its input, never the parser's output: it names the fields a reader can check (see `Expected`),
 * and the test compares only those. A missing `.json` fails; nothing here writes one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Entry, Issue } from '../../src/records/types.ts';
import { parse, ROOT } from '../support/parse-helpers.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

/** What a reader of the input expects of the issue. */
interface Expected {
  /** Issue fields, each compared as given (`number`, `title`, `date`, `commentsDropped`, ...). */
  issue?: Partial<Pick<Issue, 'number' | 'title' | 'date' | 'source' | 'excerpt' | 'permalink' | 'commentsDropped' | 'references'>> & {
    /** The intro starts with this text. */
    introStarts?: string;
  };
  /** Every warning, in order: its line and a phrase its message holds. */
  warnings?: { line: number; says: string }[];
  /** Every entry, in reading order. */
  entries: ExpectedEntry[];
}

/** One entry as a reader sees it; the first six fields are required of every expectation. */
interface ExpectedEntry {
  title: string;
  url: string | null;
  /** The heading path above it (`Entry.category`). */
  section: string[];
  authors: string | null;
  summarizers: string[];
  /** Who gave each opinion, in order ([] when it has none). */
  opinions: string[];
  highlight?: boolean;
  hatTips?: string[];
  outlet?: string | null;
  line?: number;
  /** The summary starts / ends with this text: where the parser cut it from the header and the labels. */
  summaryStarts?: string;
  summaryEnds?: string;
  /** The summary is empty. */
  noSummary?: true;
  /** How many `Read more:` and `Prerequisites:` labels it has. */
  readMore?: number;
  prerequisites?: number;
  references?: number[];
  /** The URLs of its `Related:` list. */
  related?: string[];
}

const REQUIRED = ['title', 'url', 'section', 'authors', 'summarizers', 'opinions'] as const;

/** The actual entry, in the shape and with only the fields of the expectation, so a failure diffs field by field. */
function project(entry: Entry, expected: ExpectedEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(expected) as (keyof ExpectedEntry)[]) {
    const want = expected[key];
    switch (key) {
      case 'section':
        out[key] = entry.category;
        break;
      case 'opinions':
        out[key] = entry.opinions.map((o) => o.by);
        break;
      case 'summaryStarts':
        out[key] = entry.summary.slice(0, String(want).length);
        break;
      case 'summaryEnds':
        out[key] = entry.summary.slice(-String(want).length);
        break;
      case 'noSummary':
        out[key] = entry.summary === '' ? true : entry.summary;
        break;
      case 'readMore':
      case 'prerequisites':
        out[key] = entry[key].length;
        break;
      case 'related':
        out[key] = entry.related.map((r) => r.url);
        break;
      case 'title':
      case 'url':
      case 'authors':
      case 'summarizers':
      case 'highlight':
      case 'hatTips':
      case 'outlet':
      case 'line':
      case 'references':
        out[key] = entry[key];
        break;
      default:
        throw new Error(`unknown expectation field "${String(key)}"`);
    }
  }
  return out;
}

function pairs(inputDir: string, expectedDir: string): { name: string; input: string; expected: string }[] {
  return readdirSync(inputDir)
    .filter((f) => /\.(txt|md|html)$/.test(f))
    .sort()
    .map((f) => ({ name: f, input: path.join(inputDir, f), expected: path.join(expectedDir, f.replace(/\.(txt|md|html)$/, '.json')) }));
}

const cases = [
  ...pairs(path.join(ROOT, 'tests', 'parse', 'fixtures'), path.join(ROOT, 'tests', 'parse', 'fixtures')),
  ...pairs(path.join(SAMPLE_ARCHIVE, 'newsletters'), path.join(ROOT, 'tests', 'parse', 'fixtures', 'archive')),
];

for (const c of cases) {
  test(`parsing ${path.relative(ROOT, c.input)} gives what ${path.relative(ROOT, c.expected)} expects`, () => {
    assert.ok(existsSync(c.expected), `${path.relative(ROOT, c.expected)} is missing: write what the input should give, by reading it`);
    const expected = JSON.parse(readFileSync(c.expected, 'utf8')) as Expected;
    const issue = parse(readFileSync(c.input, 'utf8'), c.name);

    const { introStarts, ...fields } = expected.issue ?? {};
    const actualIssue: Record<string, unknown> = {};
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) actualIssue[key] = issue[key];
    if (introStarts !== undefined) actualIssue.introStarts = issue.intro.slice(0, introStarts.length);
    assert.deepEqual(actualIssue, expected.issue ?? {}, 'the issue');

    const warnings = expected.warnings ?? [];
    assert.deepEqual(
      issue.warnings.map((w, i) => {
        const says = warnings[i]?.says;
        return { line: w.line, says: says !== undefined && w.message.includes(says) ? says : w.message };
      }),
      warnings,
      'the warnings',
    );

    assert.deepEqual(
      issue.entries.map((e) => e.title),
      expected.entries.map((e) => e.title),
      'the entry titles, in order',
    );
    expected.entries.forEach((want, i) => {
      for (const key of REQUIRED) assert.ok(key in want, `the expectation of entry ${i + 1} names its ${key}`);
      assert.deepEqual(project(issue.entries[i]!, want), want, `entry ${i + 1}, ${want.title}`);
    });
  });
}
