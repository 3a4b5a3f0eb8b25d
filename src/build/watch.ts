/**
 * The dev server (`npm start`): Eleventy in watch mode on the content dir, templates and
 * stylesheet, and after each build the output is brought in line with the archive (pages of a
 * deleted or renamed issue removed) and indexed again for search.
 *
 * Unlike a build, it writes into its output folder in place (only changed pages are written
 * again), so it holds the folder's lock while it runs and stamps the folder as the tool's own.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { parsePathPrefix } from './address.ts';
import { indexSite, siteOutputRules } from './build.ts';
import { checkContentDir } from './content-dir.ts';
import type { SiteData } from '../site.ts';
import { sitePlugin } from './eleventy/site-data.ts';
import { loadArchive, type LoadedArchive } from './load.ts';
import { plannedPaths } from '../site/page-sources.ts';
import { checkOutputDir, SITE_STAMP, writeStamp } from './output/guard.ts';
import { isWithin } from './paths.ts';
import { acquireLock } from './output/lock.ts';
import { pageFile, pruneOutput } from './output/prune.ts';

export interface WatchOptions {
  contentDir: string;
  outputDir: string;
  pathPrefix?: string;
  /** Serve on this port (Eleventy's dev server), or only watch and build when absent. */
  port?: number;
  /** After each build and its index: pages removed because the archive no longer has them, pages indexed. */
  onRebuild?: (report: { removed: string[]; indexed: number }) => void;
  /** A rebuild's archive could not be loaded, or its index failed; the watcher goes on. Default: the message on stderr. */
  onError?: (error: unknown) => void;
  quiet?: boolean;
}

export interface SiteWatcher {
  close(): Promise<void>;
}

/** Folders of the output written by other steps than the page templates. */
const OWN_FOLDERS = ['assets', 'pagefind'];

export async function watchSite(options: WatchOptions): Promise<SiteWatcher> {
  const root = path.resolve(import.meta.dirname, '../..');
  const contentDir = path.resolve(options.contentDir);
  const outputDir = path.resolve(options.outputDir);
  const pathPrefix = parsePathPrefix(options.pathPrefix);
  checkContentDir(contentDir);
  checkOutputDir(outputDir, siteOutputRules(contentDir));
  const lock = acquireLock(outputDir, 'the dev server');
  const onError =
    options.onError ?? ((error: unknown) => process.stderr.write(`[dev] ${error instanceof Error ? error.message : String(error)}\n`));
  try {
    mkdirSync(outputDir, { recursive: true });
    writeStamp(outputDir, SITE_STAMP, 'npm start (newsletter archive)');
    // The config file's render plan and watch targets read these (see .eleventy.ts).
    process.env.CONTENT_DIR = contentDir;
    process.env.PATH_PREFIX = pathPrefix;
    const loadOptions = { contentDir, pathPrefix, quiet: options.quiet };
    // Loaded once before Eleventy starts, so a mistake in the content stops `npm start` with its
    // own message.
    let loaded: LoadedArchive = loadArchive(loadOptions);
    /** Builds started and not yet indexed. */
    let building = 0;
    /** Each rebuild loads the archive again; a mistake saved meanwhile (a broken categories.yml) is reported and the last good archive kept. */
    const load = (): SiteData => {
      try {
        loaded = loadArchive(loadOptions);
      } catch (error) {
        onError(error);
      }
      return loaded.site;
    };
    const eleventy = new Eleventy(path.join(root, 'templates'), outputDir, {
      configPath: path.join(root, '.eleventy.ts'),
      pathPrefix,
      quietMode: true,
      runMode: options.port === undefined ? 'watch' : 'serve',
      source: 'cli',
      config(config) {
        sitePlugin(load)(config);
        config.on('eleventy.before', () => {
          building++;
        });
        config.on('eleventy.after', async () => {
          try {
            const removed = pruneOutput(outputDir, new Set(plannedPaths(loaded.site).map(pageFile)), OWN_FOLDERS);
            const indexed = await indexSite(outputDir);
            options.onRebuild?.({ removed, indexed });
          } catch (error) {
            onError(error);
          } finally {
            building--;
          }
        });
      },
    });
    await eleventy.init();
    const rebuild = await eleventy.watch();
    // Eleventy rebuilds when a watched file is added or changed, but only forgets a deleted one
    // (`File deleted: content/newsletters/an-116.txt`, then nothing): the issue would stay on
    // the site until the next edit. A deleted file in the content dir starts a rebuild too.
    eleventy.watcher.on('unlink', (file) => {
      if (isWithin(path.resolve(file), contentDir)) void rebuild(file);
    });
    if (options.port !== undefined) await eleventy.serve(options.port);
    return {
      close: async () => {
        await eleventy.stopWatch();
        // A rebuild already started (or queued a moment ago) still writes into the output: the
        // lock is released when it is done.
        const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
        await sleep(100);
        for (let waited = 0; building > 0 && waited < 600; waited++) await sleep(50);
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
