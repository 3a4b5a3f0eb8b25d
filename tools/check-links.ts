/**
 * `npm run links [-- dir]`: internal links and anchors of a built site (default OUTPUT_DIR or
 * _site), resolved under PATH_PREFIX. Prints each broken link as `page: href (reason)`, then a
 * count; exit 1 when any is broken.
 */
import { readEnvironment } from '../scripts/environment.ts';
import { DEFAULT_OUTPUT_DIR } from '../src/io/session.ts';
import { normalizePrefix } from '../src/site/routes.ts';
import { checkSite } from './support/link-check.ts';

const environment = readEnvironment();
const dir = process.argv[2] ?? environment.outputDir ?? DEFAULT_OUTPUT_DIR;
const prefix = normalizePrefix(environment.pathPrefix);
const report = checkSite(dir, prefix);
for (const b of report.broken) process.stdout.write(`${b.page}: ${b.href} (${b.reason})\n`);
process.stdout.write(`${report.pages} pages, ${report.links} internal links under ${prefix}: ${report.broken.length} broken\n`);
process.exit(report.broken.length > 0 ? 1 : 0);
