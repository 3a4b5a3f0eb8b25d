/**
 * `npm run build`: the archive in content/ (or CONTENT_DIR) to a site in _site/ (or OUTPUT_DIR),
 * under PATH_PREFIX (e.g. `/newsletter-archive/` for GitHub Pages). Prints one line per stage;
 * exit 1 on any failure, told in one line naming the stage and the file (with its stack under DEBUG=1).
 */
import { buildSite } from '../src/io/build-site.ts';
import { DEFAULT_CONTENT_DIR } from '../src/io/content-dir.ts';
import { describeFailure } from '../src/io/errors.ts';
import { formatDuration, formatStage } from '../src/io/progress.ts';
import { BuildSession } from '../src/io/session.ts';
import { sessionOptions, startScript } from './environment.ts';
import { strictMessage } from '../src/io/strict.ts';
import { counted } from '../src/site/text/format.ts';

const environment = startScript();
try {
  const session = new BuildSession({
    ...sessionOptions(environment),
    progress: environment.quiet ? undefined : (stage) => process.stdout.write(`${formatStage(stage)}\n`),
    onNote: (note) => process.stderr.write(`note: ${note}\n`),
  });
  const report = await buildSite(session);
  process.stdout.write(
    `built ${report.outputDir} (prefix ${report.pathPrefix}): ${report.files} files, ${report.issues} issues, ` +
      `${report.entries} summaries, ${counted(report.warnings, 'warning', 'warnings')}` +
      (report.reconciliation
        ? `, ${report.reconciliation.rowsLinked} of ${report.reconciliation.rowsOfArchiveIssues} database rows linked`
        : '') +
      `; ${report.pagesWritten} pages written` +
      (report.staticFiles > 0 ? `, ${counted(report.staticFiles, 'file', 'files')} of static/ copied` : '') +
      ', ' +
      `${report.pagesIndexed} indexed for search, in ${formatDuration(report.ms)}\n`,
  );
  // STRICT=1 (or --strict): the site is built, but any warning fails the build, as `npm run parse -- --strict` does.
  if ((environment.strict || process.argv.includes('--strict')) && report.warnings > 0) {
    process.stderr.write(strictMessage(report, environment.contentDir ?? DEFAULT_CONTENT_DIR));
    process.exitCode = 1;
  }
} catch (error) {
  // One line naming the stage and the file; the stack with DEBUG=1.
  process.stderr.write(`build failed: ${describeFailure(error, environment.debug)}\n`);
  process.exit(1);
}
