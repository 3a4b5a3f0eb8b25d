/**
 * Eleventy, wired for one build session: the `site` global, the filters, the render plan, the
 * HTML base plugin (the path prefix), the static assets, the watch target. What pages show is decided in src/site/;
 * how they look, in templates/. There is no config file: everything comes in through the
 * programmatic API's `config` callback, with the session as an argument.
 */
import path from 'node:path';
import { stemmerModule } from './stemmer.ts';
import Eleventy, { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import type { SiteData } from '../../site.ts';
import { routes } from '../../site/routes.ts';
import type { BuildSession } from '../session.ts';
import { filtersPlugin } from './filters.ts';
import type { RenderPlan } from './render-plan.ts';

/** The repository root: templates/ is found from here whatever the working directory. */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const TEMPLATES = path.join(ROOT, 'templates');

/** What templates see as `site`: the site data, plus which pages this build renders. */
export type SiteGlobal = SiteData & { render: RenderPlan };

export interface EleventyRun {
  /** Where Eleventy writes. */
  output: string;
  /** `build` (one write), `watch` or `serve` (the dev server). Default `build`. */
  runMode?: 'build' | 'watch' | 'serve';
  /**
   * The site data of this build, called once per build (in watch mode, once per rebuild). Default:
   * the session's last load (the build loads before Eleventy starts, so a mistake in the content
   * stops it with its own message).
   */
  load?: () => SiteData;
  /** More wiring, after the project's own (the dev server's hooks, the benchmark's watcher setting). */
  more?: (config: UserConfig) => void;
}

/** The project's Eleventy configuration for `session`. */
export function configure(config: UserConfig, session: BuildSession, load: () => SiteData): void {
  config.setTemplateFormats('njk');
  config.setIncludesDirectory('_includes');
  // read -> parse -> site data once per build (src/io/load.ts), plus which pages to render.
  config.addGlobalData('site', (): SiteGlobal => {
    const site = load();
    return { ...site, render: session.caches.render.plan(site) };
  });
  config.addPlugin(filtersPlugin(session.caches.exports));
  config.addPlugin((inner: UserConfig) => session.caches.render.plugin(inner));
  // The path prefix on every internal link (src/site/routes.ts: views hold root-relative links without it).
  config.addPlugin(HtmlBasePlugin);
  config.addPassthroughCopy({ [path.join(TEMPLATES, 'assets')]: routes.assets });
  // The search page's stemmer (templates/stem-js.njk), from its package.
  config.addGlobalData('stemmer', stemmerModule);
  config.addWatchTarget(session.contentDir);
  // Eleventy waits until a changed file's size has been stable for 150 ms (polling every 25 ms)
  // before it rebuilds: most of the wait after saving one issue. An editor's save is one write,
  // finished long before 50 ms; a file still being written when the build reads it only costs
  // one more build, which Eleventy queues when the file changes again.
  config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
}

/** An Eleventy instance for one run of `session`'s site into `run.output`. */
export function eleventyFor(session: BuildSession, run: EleventyRun): Eleventy {
  const load =
    run.load ??
    ((): SiteData => {
      if (session.loaded === null) throw new Error('the archive was not loaded before Eleventy started');
      return session.loaded.site;
    });
  return new Eleventy(TEMPLATES, run.output, {
    // No config file: the configuration is `configure`, with the session.
    configPath: false,
    pathPrefix: session.pathPrefix,
    quietMode: true,
    runMode: run.runMode ?? 'build',
    source: run.runMode === undefined || run.runMode === 'build' ? 'script' : 'cli',
    config(config) {
      configure(config, session, load);
      run.more?.(config);
    },
  });
}
