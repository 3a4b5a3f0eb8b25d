/**
 * Child process: `build-child.ts CONTENT OUT` runs the real full build (parse + Eleventy +
 * Pagefind) once and prints one JSON line: the build's own report and the process's peak RSS.
 */
import { buildSite } from '../../src/io/build-site.ts';
import { BuildSession } from '../../src/io/session.ts';
import { startScript } from '../../scripts/environment.ts';

startScript();

const [contentDir, outputDir] = process.argv.slice(2);
if (!contentDir || !outputDir) throw new Error('usage: build-child.ts CONTENT OUT');
const report = await buildSite(new BuildSession({ contentDir, outputDir, quiet: true }));
process.stdout.write(`${JSON.stringify({ ...report, maxRssKB: process.resourceUsage().maxRSS })}\n`);
