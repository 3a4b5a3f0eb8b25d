/**
 * Child process: `watch-child.ts CONTENT OUT` runs Eleventy in watch mode with the project's
 * configuration (incremental builds on) and one build session, as the dev server does, and prints
 * `READY` once the first build is written. The parent then edits an issue and times how long
 * until the page changes.
 */
import { eleventyFor } from '../../src/io/eleventy/config.ts';
import { loadArchive } from '../../src/io/load.ts';
import { BuildSession } from '../../src/io/session.ts';
import { startScript } from '../../scripts/environment.ts';

startScript();

const [contentDir, outputDir] = process.argv.slice(2);
if (!contentDir || !outputDir) throw new Error('usage: watch-child.ts CONTENT OUT');
const session = new BuildSession({ contentDir, outputDir, quiet: true });
const elev = eleventyFor(session, {
  output: session.outputDir,
  load: () => loadArchive(session).site,
  // The benchmark's corpora live under bench/, which is gitignored, and Eleventy's watcher skips
  // gitignored paths: without this, edits to a benchmark corpus would never trigger a rebuild.
  more: (config) => config.setUseGitIgnore(false),
});
await elev.init();
elev.setIncrementalBuild(true);
await elev.watch();
process.stdout.write('READY\n');
