/**
 * The parse CLI (a contract: docs/ARCHITECTURE.md, The parse CLI):
 *   npm run parse -- <file or dir>... [--strict] [--report]
 * Prints `{ "issues": Issue[] }` as JSON on stdout and nothing else; warnings go to stderr.
 * Exit 1 when a path cannot be read or a setting is not usable; with --strict, also when there
 * is any warning.
 *
 * The settings (categories.yml, site.yml's editor) are read from the same content dir as the
 * build's, so both report the same warnings: CONTENT_DIR when it is set, else the content dir
 * the first path lies in (the folder holding its `newsletters/`), else the project's `content/`.
 */
import path from 'node:path';
import { checkContentDir, contentDirOf, readContentSettings, SAMPLE_CONTENT_DIR } from '../src/io/content-dir.ts';
import { describeFailure, userErrorIn } from '../src/io/errors.ts';
import { parseArchive } from '../src/parse.ts';
import { readNewsletters } from '../src/io/read.ts';
import { formatWarning } from '../src/io/report.ts';
import { readEnvironment } from './environment.ts';

function main(argv: string[]): number {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const paths = argv.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--strict' && f !== '--report');
  if (paths.length === 0 || unknown.length > 0) {
    process.stderr.write('usage: npm run parse -- <file or dir>... [--strict] [--report]\n');
    return 2;
  }
  const given = readEnvironment().contentDir;
  const contentDir = path.resolve(given ?? contentDirOf(paths[0]!) ?? SAMPLE_CONTENT_DIR);
  let read: ReturnType<typeof readNewsletters>;
  let settings: ReturnType<typeof readContentSettings>;
  try {
    if (given !== undefined) checkContentDir(contentDir);
    settings = readContentSettings(contentDir);
    read = readNewsletters(paths, undefined, { within: [contentDir] });
  } catch (error) {
    const known = userErrorIn(error);
    if (known) {
      process.stderr.write(`error: ${known.message}\n`);
      return 1;
    }
    throw error;
  }
  const { issues, warnings } = parseArchive(read.files, { vocabulary: settings.vocabulary, dialect: settings.dialect });
  const all = [...settings.warnings, ...read.problems, ...warnings];
  for (const w of all) process.stderr.write(`${formatWarning(w)}\n`);
  if (flags.has('--report')) {
    const entries = issues.reduce((n, i) => n + i.entries.length, 0);
    process.stderr.write(
      `report: ${read.files.length + read.problems.filter((p) => p.line === 0 || p.message.startsWith('binary')).length} files, ${issues.length} issues, ${entries} entries, ${all.length} warnings\n`,
    );
  }
  process.stdout.write(`${JSON.stringify({ issues }, null, 2)}\n`);
  return flags.has('--strict') && all.length > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // An unexpected failure: one line naming what failed; the stack with DEBUG=1.
  process.stderr.write(`error: ${describeFailure(error, readEnvironment().debug)}\n`);
  process.exitCode = 1;
}
