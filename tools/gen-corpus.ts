/**
 * Writes a synthetic archive: `npm run gen-corpus -- --out DIR --issues N --seed S [--layouts a,b] [--made-up] [--force]`,
 * or a weekly link digest (`--shape links [--items-per-issue 76]`: tools/generate/links.ts).
 * Uses the newsletter's real summaries from ../shared/corpus/an-database.csv when that file exists
 * (relative to the repository root), made-up text otherwise (or with --made-up).
 *
 * DIR is replaced. So that a mistyped `--out content` cannot wipe an archive, a folder that is
 * not empty is replaced only when it is this command's own earlier output (it holds the stamp
 * file it leaves) or with `--force`; the project itself, a home folder, `.git` and `node_modules`
 * are refused even then.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCategories } from '../src/records/categories.ts';
import { readOptionalText } from '../src/io/read.ts';
import { checkOutputDir, CORPUS_STAMP, writeStamp } from '../src/io/output/guard.ts';
import { generateCorpus } from './generate/corpus.ts';
import { generateLinkCorpus } from './generate/links.ts';
import { LAYOUTS, isLayout, type Layout } from './generate/spec.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DATABASE_PATH = path.resolve(ROOT, '../shared/corpus/an-database.csv');
/**
 * The vocabulary the generated issues are written in: the Alignment Newsletter's, from the tests'
 * copy of the sample archive, so the generator works whatever the project's content/ holds.
 */
export const GENERATOR_CATEGORIES = path.join(ROOT, 'tests/fixtures/sample-archive/categories.yml');

export interface GenCorpusArgs {
  out: string;
  issues: number;
  seed: string;
  layouts: Layout[];
  madeUp: boolean;
  /** Replace a non-empty DIR that this command did not write. */
  force: boolean;
  /** `newsletter`: issues in the Alignment Newsletter's layouts; `links`: a weekly link digest. */
  shape: 'newsletter' | 'links';
  /** With `--shape links`: items per issue, on average. */
  itemsPerIssue: number;
}

export function parseArgs(argv: string[]): GenCorpusArgs {
  const args: GenCorpusArgs = {
    out: 'bench/corpus/custom',
    issues: 200,
    seed: '1',
    layouts: [...LAYOUTS],
    madeUp: false,
    force: false,
    shape: 'newsletter',
    itemsPerIssue: 76,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--out') args.out = value();
    else if (flag === '--issues') args.issues = Number(value());
    else if (flag === '--seed') args.seed = value();
    else if (flag === '--made-up') args.madeUp = true;
    else if (flag === '--force') args.force = true;
    else if (flag === '--shape') {
      const shape = value();
      if (shape !== 'newsletter' && shape !== 'links') throw new Error(`unknown shape ${shape}; known: newsletter, links`);
      args.shape = shape;
    } else if (flag === '--items-per-issue') args.itemsPerIssue = Number(value());
    else if (flag === '--layouts') {
      const names = value()
        .split(',')
        .map((s) => s.trim());
      const bad = names.filter((n) => !isLayout(n));
      if (bad.length > 0) throw new Error(`unknown layout(s) ${bad.join(', ')}; known: ${LAYOUTS.join(', ')}`);
      args.layouts = names.filter(isLayout);
    } else throw new Error(`unknown argument ${flag}`);
  }
  if (!Number.isInteger(args.issues) || args.issues < 1) throw new Error('--issues must be a positive integer');
  if (!Number.isInteger(args.itemsPerIssue) || args.itemsPerIssue < 1) throw new Error('--items-per-issue must be a positive integer');
  return args;
}

/** Generates and writes the corpus (replacing DIR, see above); returns what was written. */
export function writeCorpus(
  args: Omit<GenCorpusArgs, 'force' | 'shape' | 'itemsPerIssue'> & Partial<Pick<GenCorpusArgs, 'force' | 'shape' | 'itemsPerIssue'>>,
): { files: number; bytes: number; realText: boolean } {
  checkOutputDir(args.out, {
    name: '--out',
    stamp: CORPUS_STAMP,
    keep: [{ dir: ROOT, what: 'the project', inside: true }],
    force: args.force ?? false,
  });
  if (args.shape === 'links') {
    const digest = generateLinkCorpus({ issues: args.issues, seed: args.seed, itemsPerIssue: args.itemsPerIssue ?? 76 });
    return writeFiles(args.out, digest, false);
  }
  const databaseCsv = args.madeUp ? null : readOptionalText(DATABASE_PATH);
  const categories = readFileSync(GENERATOR_CATEGORIES, 'utf8');
  const files = generateCorpus({
    issues: args.issues,
    seed: args.seed,
    layouts: args.layouts,
    databaseCsv,
    vocabulary: parseCategories(categories),
  });
  return writeFiles(args.out, files, databaseCsv !== null);
}

/** Replaces DIR (checked by the caller) with the files and this command's stamp. */
function writeFiles(
  out: string,
  files: readonly { name: string; text: string }[],
  realText: boolean,
): { files: number; bytes: number; realText: boolean } {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeStamp(out, CORPUS_STAMP, 'npm run gen-corpus');
  let bytes = 0;
  for (const file of files) {
    writeFileSync(path.join(out, file.name), file.text);
    bytes += Buffer.byteLength(file.text);
  }
  return { files: files.length, bytes, realText };
}

/** How to build what was written: a content dir holds the issues in its newsletters/ folder. */
export function buildHint(out: string): string {
  const resolved = path.resolve(out);
  if (path.basename(resolved) === 'newsletters') {
    return `build it: CONTENT_DIR=${path.dirname(resolved)} npm run build\n`;
  }
  return `build it: the build reads issues from CONTENT_DIR/newsletters/, so write them with --out DIR/newsletters and run CONTENT_DIR=DIR npm run build\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const result = writeCorpus(args);
    process.stderr.write(
      `wrote ${result.files} issues (${(result.bytes / 1e6).toFixed(2)} MB, ${args.shape === 'links' ? 'a link digest, made-up text' : result.realText ? 'real summaries from the database' : 'made-up text'}) to ${args.out}\n`,
    );
    process.stderr.write(buildHint(args.out));
  } catch (error) {
    process.stderr.write(`gen-corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
