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
import type { SiteData } from '../site.ts';
import { plannedPaths } from '../site/page-sources.ts';
import { routes } from '../site/routes.ts';
import { siteOutputRules } from './build.ts';
import { checkContentDir } from './content-dir.ts';
import { eleventyFor } from './eleventy/config.ts';
import { loadArchive } from './load.ts';
import { checkOutputDir, SITE_STAMP, writeStamp } from './output/guard.ts';
import { acquireLock } from './output/lock.ts';
import { pageFile, pruneOutput } from './output/prune.ts';
import { indexSite, searchInputOf } from './pagefind.ts';
import { isWithin } from './paths.ts';
import type { BuildSession } from './session.ts';

export interface WatchOptions {
  /** Serve on this port (Eleventy's dev server), or only watch and build when absent. */
  port?: number;
  /** After each build and its index: pages removed because the archive no longer has them, pages indexed. */
  onRebuild?: (report: { removed: string[]; indexed: number }) => void;
  /** A rebuild's archive could not be loaded, or its index failed; the watcher goes on. Default: the message on stderr. */
  onError?: (error: unknown) => void;
}

export interface SiteWatcher {
  close(): Promise<void>;
}

/** Folders of the output written by other steps than the page templates: the copied assets, the search index. */
const OWN_FOLDERS = [routes.assets, routes.pagefind].map((folder) => folder.replace(/\/$/, ''));

/** Watches the session's content dir, templates and stylesheet, and rebuilds the session's site in place. */
export async function watchSite(session: BuildSession, options: WatchOptions = {}): Promise<SiteWatcher> {
  const { contentDir, outputDir } = session;
  checkContentDir(contentDir);
  checkOutputDir(outputDir, siteOutputRules(contentDir));
  const lock = acquireLock(outputDir, 'the dev server');
  const onError =
    options.onError ?? ((error: unknown) => process.stderr.write(`[dev] ${error instanceof Error ? error.message : String(error)}\n`));
  try {
    mkdirSync(outputDir, { recursive: true });
    writeStamp(outputDir, SITE_STAMP, 'npm start (newsletter archive)');
    // Loaded once before Eleventy starts, so a mistake in the content stops `npm start` with its
    // own message.
    let loaded = loadArchive(session);
    /** Builds started and not yet indexed. */
    let building = 0;
    /** Each rebuild loads the archive again; a mistake saved meanwhile (a broken categories.yml) is reported and the last good archive kept. */
    const load = (): SiteData => {
      try {
        loaded = loadArchive(session);
      } catch (error) {
        onError(error);
      }
      return loaded.site;
    };
    const eleventy = eleventyFor(session, {
      output: outputDir,
      runMode: options.port === undefined ? 'watch' : 'serve',
      load,
      more(config) {
        config.on('eleventy.before', () => {
          building++;
        });
        config.on('eleventy.after', async () => {
          try {
            const removed = pruneOutput(outputDir, new Set(plannedPaths(loaded.site).map(pageFile)), OWN_FOLDERS);
            const indexed = await indexSite(outputDir, searchInputOf(loaded.site));
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
    // (`File deleted: content/newsletters/wr-116.txt`, then nothing): the issue would stay on
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
