/**
 * Child process: `watch-child.ts CONTENT OUT` runs Eleventy in watch mode with the project's
 * config (incremental builds on), as the dev server does, and prints `READY` once the first
 * build is written. The parent then edits an issue and times how long until the page changes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEleventy } from './eleventy.ts';
import { preferSpeedOverSourceMaps } from '../../src/build/runtime.ts';

preferSpeedOverSourceMaps();

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [contentDir, outputDir] = process.argv.slice(2);
if (!contentDir || !outputDir) throw new Error('usage: watch-child.ts CONTENT OUT');
process.env.CONTENT_DIR = path.resolve(contentDir);
process.env.SITE_QUIET = '1';
const Eleventy = await loadEleventy();
const elev = new Eleventy(path.join(ROOT, 'templates'), path.resolve(outputDir), {
  quietMode: true,
  configPath: path.join(ROOT, '.eleventy.ts'),
  // The benchmark's corpora live under bench/, which is gitignored, and Eleventy's watcher skips
  // gitignored paths: without this, edits to a benchmark corpus would never trigger a rebuild.
  config: (config) => (config as { setUseGitIgnore(use: boolean): void }).setUseGitIgnore(false),
});
await elev.init();
elev.setIncrementalBuild(true);
await elev.watch();
process.stdout.write('READY\n');
