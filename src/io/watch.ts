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
import { siteOutputRules } from './build-site.ts';
import { checkContentDir } from './content-dir.ts';
import { eleventyFor } from './eleventy/config.ts';
import { explainRenderError } from './eleventy/explain-error.ts';
import { loadArchive } from './load.ts';
import { checkOutputDir, SITE_STAMP } from './output/guard.ts';
import { readManifest, writeManifest } from './output/manifest.ts';
import { copyStatic } from './output/static.ts';
import { failureLine, inStage, StageError } from './errors.ts';
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

const TOOL = 'npm start (newsletter archive)';

/** Folders of the output written by other steps than the page templates: the copied assets, the search index. */
const OWN_FOLDERS = [routes.assets, routes.pagefind].map((folder) => folder.replace(/\/$/, ''));

/** Watches the session's content dir, templates and stylesheet, and rebuilds the session's site in place. */
export async function watchSite(session: BuildSession, options: WatchOptions = {}): Promise<SiteWatcher> {
  const { contentDir, outputDir } = session;
  checkContentDir(contentDir);
  checkOutputDir(outputDir, siteOutputRules(contentDir));
  const lock = acquireLock(outputDir, 'the dev server');
  const onError = options.onError ?? ((error: unknown) => process.stderr.write(`[dev] ${failureLine(error)}\n`));
  try {
    mkdirSync(outputDir, { recursive: true });
    /** What the dev server has written into the output (its stamp lists it): a page no longer planned is removed, nothing else. */
    let written: ReadonlySet<string> = readManifest(outputDir, SITE_STAMP) ?? new Set();
    let copied = new Set<string>();
    /** What this rebuild writes: every planned page, the assets and the index, and static/'s files. Listed in the stamp before it is written. */
    const planned = (site: SiteData): Set<string> =>
      new Set([...plannedPaths(site).map(pageFile), ...OWN_FOLDERS.map((folder) => `${folder}/`), ...copied]);
    const stamp = (files: ReadonlySet<string>): void => writeManifest(outputDir, SITE_STAMP, TOOL, files);
    // Loaded once before Eleventy starts, so a mistake in the content stops `npm start` with its
    // own message.
    let loaded = loadArchive(session);
    stamp(new Set([...written, ...planned(loaded.site)]));
    /** Builds started and not yet indexed. */
    let building = 0;
    /** Each rebuild loads the archive again; a mistake saved meanwhile (a broken categories.yml) is reported and the last good archive kept. */
    const load = (): SiteData => {
      try {
        loaded = loadArchive(session);
      } catch (error) {
        onError(new StageError('load', error));
      }
      // Listed before Eleventy writes it: a dev server stopped half-way leaves nothing unlisted.
      stamp(new Set([...written, ...planned(loaded.site)]));
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
            const copy = await inStage('static', () => copyStatic(contentDir, outputDir, copied));
            for (const note of copy.notes) onError(new StageError('static', new Error(note)));
            copied = new Set(copy.files);
            const now = planned(loaded.site);
            const removed = pruneOutput(outputDir, written, now);
            written = now;
            stamp(now);
            const indexed = await inStage('index', () => indexSite(outputDir, searchInputOf(loaded.site)));
            options.onRebuild?.({ removed, indexed });
          } catch (error) {
            onError(error);
          } finally {
            building--;
          }
        });
      },
    });
    // A rebuild that fails is reported once, by page and newsletter file, in one line (Eleventy's
    // own report is a stack of its wrappers, and names neither): its writes go through here.
    eleventy.logger.overrideLogger({
      log: () => {},
      info: () => {},
      error: () => {},
      warn: (message) => void (session.quiet || process.stderr.write(`${message}\n`)),
    });
    const write = eleventy.write.bind(eleventy);
    eleventy.write = async () => {
      const exitCode = process.exitCode;
      try {
        return await write();
      } catch (error) {
        // Eleventy marks the process failed (exit code 1) for a failed rebuild in watch mode; the
        // dev server goes on, and reports it here.
        process.exitCode = exitCode;
        // Some pages of this build may be missing: the next one renders them all.
        session.caches.render.forget();
        onError(new StageError('render', explainRenderError(error, outputDir, loaded)));
        // No eleventy.after for a failed build: it is not building any more.
        building = Math.max(0, building - 1);
        throw error;
      }
    };
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
