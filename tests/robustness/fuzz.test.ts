/**
 * Fuzzing the parser: at least 10,000 inputs made by mutating real and generated issues
 * (deleted, duplicated and shuffled lines, random bytes, huge parentheticals, cuts, repeated
 * labels and headings). The parser must never throw, must return well-formed records, and
 * must never hang.
 *
 * The inputs are parsed in a worker thread that reports after every input; the test watches
 * it. An input that runs past BUDGET_MS stops the worker and is retried alone in a fresh one;
 * only an input over budget twice counts as a hang, and fails the test naming the input
 * (regenerated here from its index, since every input is a pure function of it). The slowest
 * inputs are reported as diagnostics, not asserted on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseNewsletter } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';
import { LAYOUTS, renderFile, seeded, specFromRandom, type Rng } from '../../tools/generate/index.ts';
import type { Issue } from '../../src/records/types.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const INPUTS = Number(process.env.FUZZ_INPUTS ?? 10_000);
/**
 * Time one input may take. Healthy inputs here (at most a few tens of kilobytes) parse in
 * milliseconds, so this is a hang detector with two orders of magnitude of headroom, not a benchmark.
 */
const BUDGET_MS = 2_000;
/** Stop after this many hanging inputs: each costs two budgets, and three are enough to report. */
const MAX_HANGS = 3;

/**
 * Texts the mutations start from: the sample issues cut into windows of lines (each window
 * small, so ten thousand parses stay fast), and small generated issues in every layout.
 */
function seedTexts(): string[] {
  const texts: string[] = [];
  const dir = path.join(SAMPLE_ARCHIVE, 'newsletters');
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    for (let at = 0; at < text.length; at += 1500) texts.push(text.slice(at, at + 2500));
  }
  for (let seed = 0; seed < 8; seed++) {
    for (const layout of LAYOUTS) {
      texts.push(renderFile(specFromRandom(seeded(seed * 31 + 7), { entries: 1 + (seed % 3) }), layout, seed % 2 === 0));
    }
  }
  return texts;
}

const ODD = [
  '\u0000',
  '\r',
  '\r\n',
  '\t',
  '\u00a0',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200b',
  '🙂',
  'é',
  '(',
  ')',
  ':',
  '*',
  '**',
  '[',
  ']',
  '](',
  '#',
  '---',
  '\n\n',
  ' ',
  '“',
  '’',
  '\\',
  '<',
  '>',
  '&',
  '{{',
  '%}',
  '`',
];
const LABELS = [
  "Rohin's opinion:",
  'Rohin’s opinion:',
  'My opinion:',
  'Read more:',
  'Prerequisities:',
  '(summarized by Rohin)',
  '(H/T Ann)',
  '( AN #74 )',
  'HIGHLIGHTS',
  'Technical AI alignment',
  'MESA OPTIMIZATION',
  'New Comment',
  '3 comments, sorted by top',
  'Title (Author):',
  '---\nnumber: x\n---',
];

type Mutation = (text: string, r: Rng, other?: string) => string;

const lines = (text: string): string[] => text.split('\n');
const at = (r: Rng, length: number): number => r.int(0, Math.max(0, length));

const MUTATIONS: Record<string, Mutation> = {
  deleteLines(text, r) {
    const ls = lines(text);
    for (let k = r.int(1, 5); k > 0 && ls.length > 1; k--) ls.splice(r.int(0, ls.length - 1), r.int(1, 3));
    return ls.join('\n');
  },
  duplicateLines(text, r) {
    const ls = lines(text);
    for (let k = r.int(1, 4); k > 0; k--) {
      const i = r.int(0, ls.length - 1);
      ls.splice(i, 0, ...ls.slice(i, i + r.int(1, 4)));
    }
    return ls.join('\n');
  },
  shuffleLines(text, r) {
    const ls = lines(text);
    for (let i = ls.length - 1; i > 0; i--) {
      const j = r.int(0, i);
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
    }
    return ls.join('\n');
  },
  randomCharacters(text, r) {
    let out = text;
    for (let k = r.int(1, 30); k > 0; k--) {
      const i = at(r, out.length);
      const insert = r.chance(0.5) ? r.pick(ODD) : String.fromCharCode(r.int(0, 0xffff));
      out = out.slice(0, i) + insert + out.slice(i + (r.chance(0.3) ? 1 : 0));
    }
    return out;
  },
  hugeParenthetical(text, r) {
    const i = at(r, text.length);
    const n = r.int(200, 4_000);
    const kinds = [
      () => '('.repeat(n),
      () => ')'.repeat(n),
      () => `(${'a '.repeat(n)})`,
      () => '(x) '.repeat(n / 4),
      () => `(summarized by ${'Rohin and '.repeat(n / 10)}Flo)`,
      () => `${'(AN #1) '.repeat(n / 8)}:`,
      () => `Title ${'(A) '.repeat(n / 4)}: summary.`,
      () => '(('.repeat(n / 2) + '))'.repeat(n / 2),
    ];
    return text.slice(0, i) + r.pick(kinds)() + text.slice(i);
  },
  repeatedLabels(text, r) {
    const i = at(r, text.length);
    const label = r.pick(LABELS);
    return text.slice(0, i) + ` ${label} `.repeat(r.int(1, 300)) + text.slice(i);
  },
  cut(text, r) {
    return text.slice(0, at(r, text.length));
  },
  flatten(text) {
    return text.replace(/\s*\n\s*/g, ' ');
  },
  spliceAnother(text, r, other = '') {
    const i = at(r, text.length);
    return text.slice(0, i) + other + text.slice(i);
  },
  longLine(text, r) {
    const i = at(r, text.length);
    return text.slice(0, i) + r.pick(['word ', 'x', 'Title (A): ', '\u00a0', '*', ' ']).repeat(r.int(1_000, 5_000)) + text.slice(i);
  },
};
const NAMES = Object.keys(MUTATIONS);

/** Input number `index`: a seed text with one to three mutations, a pure function of the index. */
export function fuzzInput(index: number, texts: string[]): { text: string; recipe: string } {
  const r = seeded(0x5eed + index * 2654435761);
  let text = r.pick(texts);
  const applied: string[] = [];
  for (let k = r.int(1, 3); k > 0; k--) {
    const name = r.pick(NAMES);
    applied.push(name);
    text = name === 'spliceAnother' ? MUTATIONS.spliceAnother!(text, r, r.pick(texts)) : MUTATIONS[name]!(text, r);
  }
  return { text, recipe: applied.join('+') };
}

/** Problems with the shape of a parsed issue; [] when it is well-formed. */
export function shapeProblems(issue: Issue, text: string, file: string): string[] {
  const problems: string[] = [];
  const lineCount = text.split(/\r\n|\r|\n/).length;
  if (issue.file !== file) problems.push('file changed');
  if (typeof issue.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(issue.id)) problems.push(`bad issue id ${JSON.stringify(issue.id)}`);
  if (!Array.isArray(issue.entries)) return [...problems, 'entries is not an array'];
  const ids = new Set<string>();
  for (const entry of issue.entries) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(entry.id)) problems.push(`bad entry id ${JSON.stringify(entry.id)}`);
    if (ids.has(entry.id)) problems.push(`duplicate entry id ${entry.id}`);
    ids.add(entry.id);
    if (!Number.isInteger(entry.line) || entry.line < 1 || entry.line > lineCount)
      problems.push(`entry line ${entry.line} outside 1..${lineCount}`);
    if (typeof entry.title !== 'string' || typeof entry.summary !== 'string') problems.push('entry title or summary is not text');
  }
  for (const w of issue.warnings) {
    if (w.file !== file) problems.push(`warning for another file: ${w.file}`);
    if (!Number.isInteger(w.line) || w.line < 0 || w.line > lineCount) problems.push(`warning line ${w.line} outside 0..${lineCount}`);
    if (typeof w.message !== 'string' || w.message === '') problems.push('warning without a message');
  }
  if (!Number.isInteger(issue.commentsDropped) || issue.commentsDropped < 0) problems.push('bad commentsDropped');
  try {
    JSON.stringify(issue);
  } catch {
    problems.push('not serialisable');
  }
  return problems;
}

interface Progress {
  index: number;
  ms: number;
  recipe: string;
  length: number;
  problems: string[];
}

function runWorker(): void {
  const { from, to } = workerData as { from: number; to: number };
  const vocabulary = parseCategories(readFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), 'utf8'));
  const texts = seedTexts();
  for (let index = from; index < to; index++) {
    const { text, recipe } = fuzzInput(index, texts);
    const file = `fuzz-${index}.txt`;
    const started = performance.now();
    let problems: string[];
    try {
      problems = shapeProblems(parseNewsletter({ file, text }, { vocabulary, dialect: AN_DIALECT }), text, file);
    } catch (error) {
      problems = [`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
    }
    const message: Progress = { index, ms: performance.now() - started, recipe, length: text.length, problems };
    parentPort!.postMessage(message);
  }
}

interface RangeRun {
  reports: Progress[];
  /** The input that ran past the budget (the worker was stopped there), or null when the range finished. */
  stoppedAt: number | null;
}

/** Parses inputs [from, to) in a worker; stops the worker at the first input that runs past `budgetMs`. */
function fuzzRange(from: number, to: number, budgetMs: number): Promise<RangeRun> {
  return new Promise((resolve, reject) => {
    const reports: Progress[] = [];
    // Workers do not inherit tsx's loader: a small bootstrap registers it, then loads this same file.
    const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;
    const worker = new Worker(bootstrap, { eval: true, workerData: { from, to } });
    let current = from;
    let stoppedAt: number | null = null;
    // The first input also waits for the worker to start (loading tsx and the parser).
    let timer = setTimeout(onBudget, budgetMs + 20_000);
    function onBudget(): void {
      stoppedAt = current;
      void worker.terminate();
    }
    worker.on('message', (report: Progress) => {
      // A regular expression cannot always be interrupted: the input may still finish after the stop.
      if (stoppedAt !== null) return;
      reports.push(report);
      current = report.index + 1;
      clearTimeout(timer);
      timer = setTimeout(onBudget, budgetMs);
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.on('exit', () => {
      clearTimeout(timer);
      resolve({ reports, stoppedAt });
    });
  });
}

/** One input, described for a failure message: how it was made and how it starts. */
function describe(index: number): string {
  const { text, recipe } = fuzzInput(index, seedTexts());
  return `input ${index} (${recipe}, ${text.length} characters), starting ${JSON.stringify(text.slice(0, 160))}`;
}

if (isMainThread) {
  test(`the parser never throws, never hangs and always returns well-formed records on ${INPUTS} mutated inputs`, async (t) => {
    const reports: Progress[] = [];
    const hangs: string[] = [];
    let next = 0;
    while (next < INPUTS && hangs.length < MAX_HANGS) {
      const run = await fuzzRange(next, INPUTS, BUDGET_MS);
      reports.push(...run.reports);
      if (run.stoppedAt === null) break;
      // Retried alone in a fresh worker: a one-off pause (GC, a busy machine) is not a hang.
      const retry = await fuzzRange(run.stoppedAt, run.stoppedAt + 1, BUDGET_MS);
      if (retry.stoppedAt === null) reports.push(...retry.reports);
      else hangs.push(describe(run.stoppedAt));
      next = run.stoppedAt + 1;
    }
    const failed = reports.filter((r) => r.problems.length > 0);
    const total = reports.reduce((n, r) => n + r.ms, 0);
    const byRecipe = new Map<string, number>();
    for (const r of reports) for (const m of r.recipe.split('+')) byRecipe.set(m, (byRecipe.get(m) ?? 0) + 1);
    t.diagnostic(
      `parsed ${reports.length} inputs in ${Math.round(total)} ms; mutations used: ${[...byRecipe].map(([m, n]) => `${m} ${n}`).join(', ')}`,
    );
    const slowest = [...reports].sort((a, b) => b.ms - a.ms).slice(0, 3);
    for (const s of slowest) t.diagnostic(`slow: input ${s.index} (${s.recipe}, ${s.length} characters) in ${Math.round(s.ms)} ms`);
    assert.deepEqual(hangs, [], `inputs that ran past ${BUDGET_MS} ms twice (the run stops after ${MAX_HANGS})`);
    assert.equal(reports.length, INPUTS, 'every input was parsed');
    assert.deepEqual(
      failed.slice(0, 5).map((r) => `input ${r.index} (${r.recipe}): ${r.problems.join('; ')}`),
      [],
      `${failed.length} inputs failed`,
    );
  });
} else {
  runWorker();
}
