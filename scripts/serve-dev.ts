/**
 * `npm start`: Eleventy's dev server on http://localhost:8080 (PORT), rebuilding when a template,
 * an asset or a file in the content dir changes, and re-indexing for search after each build so
 * the search page works while editing. Honours CONTENT_DIR, PATH_PREFIX, OUTPUT_DIR.
 */
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { indexSite } from '../src/build.ts';
import { normalizePrefix } from '../src/collect.ts';
import { preferSpeedOverSourceMaps } from '../src/runtime.ts';

preferSpeedOverSourceMaps();

const root = path.resolve(import.meta.dirname, '..');
const outputDir = path.resolve(process.env.OUTPUT_DIR ?? '_site');
const pathPrefix = normalizePrefix(process.env.PATH_PREFIX);
process.env.CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? 'content');
process.env.PATH_PREFIX = pathPrefix;

const eleventy = new Eleventy(path.join(root, 'templates'), outputDir, {
  configPath: path.join(root, '.eleventy.ts'),
  pathPrefix,
  runMode: 'serve',
  source: 'cli',
  config(config) {
    config.on('eleventy.after', async () => {
      try {
        const pages = await indexSite(outputDir);
        process.stdout.write(`[search] indexed ${pages} summary pages\n`);
      } catch (error) {
        process.stderr.write(`[search] indexing failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    });
  },
});
await eleventy.init();
await eleventy.watch();
await eleventy.serve(Number(process.env.PORT ?? 8080));
