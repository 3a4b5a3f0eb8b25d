/**
 * `npm run build`: the archive in content/ (or CONTENT_DIR) to a site in _site/ (or OUTPUT_DIR),
 * under PATH_PREFIX (e.g. `/newsletter-archive/` for GitHub Pages). Exit 1 on any failure.
 */
import { buildSite } from '../src/build.ts';
import { preferSpeedOverSourceMaps } from '../src/runtime.ts';

preferSpeedOverSourceMaps();

try {
  const report = await buildSite({
    contentDir: process.env.CONTENT_DIR,
    outputDir: process.env.OUTPUT_DIR,
    pathPrefix: process.env.PATH_PREFIX,
    siteUrl: process.env.SITE_URL,
    quiet: process.env.QUIET === '1',
  });
  process.stdout.write(
    `built ${report.outputDir} (prefix ${report.pathPrefix}): ${report.files} files, ${report.issues} issues, ` +
      `${report.entries} summaries, ${report.warnings} parse warnings; ${report.pagesWritten} pages written, ` +
      `${report.pagesIndexed} indexed for search, in ${report.ms} ms\n`,
  );
  // STRICT=1 (or --strict): the site is built, but any parse warning fails the build, as `npm run parse -- --strict` does.
  if ((process.env.STRICT === '1' || process.argv.includes('--strict')) && report.warnings > 0) {
    process.stderr.write(`strict: ${report.warnings} parse warnings; \`npm run parse -- ${process.env.CONTENT_DIR ?? 'content'}/newsletters\` lists them\n`);
    process.exitCode = 1;
  }
} catch (error) {
  process.stderr.write(`build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
