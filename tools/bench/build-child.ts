/**
 * Child process: `build-child.ts CONTENT OUT` runs the real full build (parse + Eleventy +
 * Pagefind) once and prints one JSON line: the build's own report and the process's peak RSS.
 */
import { buildSite } from '../../src/build/build.ts';
import { preferSpeedOverSourceMaps } from '../../src/build/runtime.ts';

preferSpeedOverSourceMaps();

const [contentDir, outputDir] = process.argv.slice(2);
if (!contentDir || !outputDir) throw new Error('usage: build-child.ts CONTENT OUT');
const report = await buildSite({ contentDir, outputDir, quiet: true });
process.stdout.write(`${JSON.stringify({ ...report, maxRssKB: process.resourceUsage().maxRSS })}\n`);
