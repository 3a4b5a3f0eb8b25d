/**
 * The parse CLI (DESIGN.md §4):
 *   npm run parse -- <file or dir>... [--strict] [--report]
 * Prints `{ "issues": Issue[] }` as JSON on stdout and nothing else; warnings go to stderr.
 * Exit 1 when a path cannot be read; with --strict, also when there is any warning.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCategories } from '../src/categories.ts';
import { parseArchive } from '../src/parse.ts';
import { ReadError, readNewsletters, readOptionalText } from '../src/read.ts';
import { formatWarning } from '../src/report.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function main(argv: string[]): number {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const paths = argv.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--strict' && f !== '--report');
  if (paths.length === 0 || unknown.length > 0) {
    process.stderr.write('usage: npm run parse -- <file or dir>... [--strict] [--report]\n');
    return 2;
  }
  const contentDir = process.env['CONTENT_DIR'] ?? path.join(root, 'content');
  const categories = readOptionalText(path.join(contentDir, 'categories.yml')) ?? readOptionalText(path.join(root, 'content', 'categories.yml')) ?? '[]';
  let read;
  try {
    read = readNewsletters(paths);
  } catch (error) {
    if (error instanceof ReadError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const { issues, warnings } = parseArchive(read.files, { vocabulary: parseCategories(categories) });
  const all = [...read.problems, ...warnings];
  for (const w of all) process.stderr.write(`${formatWarning(w)}\n`);
  if (flags.has('--report')) {
    const entries = issues.reduce((n, i) => n + i.entries.length, 0);
    process.stderr.write(
      `report: ${read.files.length + read.problems.filter((p) => p.message.startsWith('binary')).length} files, ${issues.length} issues, ${entries} entries, ${all.length} warnings\n`,
    );
  }
  process.stdout.write(`${JSON.stringify({ issues }, null, 2)}\n`);
  return flags.has('--strict') && all.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
