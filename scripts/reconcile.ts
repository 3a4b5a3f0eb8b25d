/**
 * `npm run reconcile [-- --content DIR]`: merges the content dir's `database.csv` (the newsletter's
 * own spreadsheet) into its parsed issues and prints the reconciliation report on stdout: counts,
 * then every row of an archive issue that matched no entry, every entry that matched no row, and
 * every disagreement between text and database, each naming its file and line. The content dir is
 * `--content DIR`, else CONTENT_DIR, else `content`, as for the build.
 * Exit 0 with the report (unmatched rows and conflicts are for a person to look at, not errors);
 * exit 1 when the newsletters cannot be read or the database lacks a column the merge reads.
 */
import path from 'node:path';
import { DEFAULT_CONTENT_DIR, readContentSettings } from '../src/io/content-dir.ts';
import { describeFailure, userErrorIn } from '../src/io/errors.ts';
import { parseArchive, rulesFor } from '../src/parse.ts';
import { ReadError, readNewsletters, readOptionalText } from '../src/io/read.ts';
import { formatWarning } from '../src/io/report.ts';
import { DatabaseError, parseDatabase } from '../src/merge/database.ts';
import { mergeDatabase } from '../src/merge.ts';
import { createPeople, parsePeople } from '../src/merge/people.ts';
import { formatReconciliation } from '../src/merge/reconciliation.ts';
import { DATABASE_FILE, PEOPLE_FILE } from '../src/io/load.ts';
import { peopleNamed } from '../src/site/text/names.ts';
import { readEnvironment } from './environment.ts';
import { shownPath } from '../src/io/paths.ts';

function main(argv: string[]): number {
  const at = argv.indexOf('--content');
  const unknown = argv.filter((a, i) => !(a === '--content' || (at >= 0 && i === at + 1)));
  if (unknown.length > 0 || (at >= 0 && argv[at + 1] === undefined)) {
    process.stderr.write('usage: npm run reconcile [-- --content DIR]   (default: CONTENT_DIR, else content)\n');
    return 2;
  }
  const contentDir = at >= 0 ? argv[at + 1]! : readEnvironment().contentDir || DEFAULT_CONTENT_DIR;
  const databaseFile = path.join(contentDir, DATABASE_FILE);
  const peopleFile = path.join(contentDir, PEOPLE_FILE);
  const config = parsePeople(readOptionalText(peopleFile) ?? '', shownPath(peopleFile));
  const csv = readOptionalText(databaseFile);
  if (csv === null) {
    // Problems with the reference data itself; the newsletters' own warnings are `npm run parse`'s to print.
    for (const w of config.warnings) process.stderr.write(`${formatWarning(w)}\n`);
    process.stdout.write(`reconcile: ${databaseFile} does not exist: nothing to reconcile (the site builds from the text alone)\n`);
    return 0;
  }
  let database: ReturnType<typeof parseDatabase>;
  let read: ReturnType<typeof readNewsletters>;
  let settings: ReturnType<typeof readContentSettings>;
  try {
    settings = readContentSettings(contentDir);
    database = parseDatabase(csv, databaseFile, rulesFor({ vocabulary: settings.vocabulary, dialect: settings.dialect }).series);
    read = readNewsletters([path.join(contentDir, 'newsletters')]);
  } catch (error) {
    const known = error instanceof DatabaseError || error instanceof ReadError ? error : userErrorIn(error);
    if (known) {
      process.stderr.write(`error: ${known.message}\n`);
      return 1;
    }
    throw error;
  }
  const { vocabulary, dialect } = settings;
  const { issues } = parseArchive(read.files, { vocabulary, dialect });
  const people = createPeople(config.people, peopleNamed(issues));
  // Problems with the data files themselves; the newsletters' own warnings are `npm run parse`'s to print.
  for (const w of [...settings.warnings, ...database.warnings, ...config.warnings]) process.stderr.write(`${formatWarning(w)}\n`);
  const { report } = mergeDatabase(issues, database, { vocabulary, people });
  const newsletters = path.join(contentDir, 'newsletters');
  process.stdout.write(`${formatReconciliation(report, (file) => path.join(newsletters, file)).join('\n')}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // An unexpected failure: one line naming what failed; the stack with DEBUG=1.
  process.stderr.write(`error: ${describeFailure(error, readEnvironment().debug)}\n`);
  process.exitCode = 1;
}
