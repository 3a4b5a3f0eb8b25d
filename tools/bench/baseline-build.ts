/**
 * Child process: `baseline-build.ts SRC OUT` renders the baseline Markdown pages with Eleventy
 * and indexes them with the Pagefind CLI, then prints one JSON line with its phase times.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEleventy } from './eleventy.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [src, out] = process.argv.slice(2);
if (!src || !out) throw new Error('usage: baseline-build.ts SRC OUT');

rmSync(out, { recursive: true, force: true });
const t0 = performance.now();
const Eleventy = await loadEleventy();
// No config file: the baseline is Eleventy's defaults plus the one layout in SRC/_includes.
const elev = new Eleventy(src, out, { quietMode: true, configPath: path.join(path.dirname(src), 'eleventy.config.mjs') });
await elev.write();
const t1 = performance.now();
const pagefind = spawnSync(path.join(ROOT, 'node_modules/.bin/pagefind'), ['--site', out, '--silent'], { stdio: 'inherit' });
if (pagefind.status !== 0) throw new Error(`pagefind exited with ${pagefind.status}`);
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ eleventyMs: t1 - t0, pagefindMs: t2 - t1, maxRssKB: process.resourceUsage().maxRSS })}\n`);
