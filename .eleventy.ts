/**
 * Eleventy wiring only: the site global, the filters plugin, the feed plugin, static assets.
 * What pages show is decided in src/collect.ts; how they look, in templates/.
 */
import type { UserConfig } from '@11ty/eleventy';
import { rssPlugin } from '@11ty/eleventy-plugin-rss';
import { filtersPlugin } from './src/build/eleventy/filters.ts';
import { renderPlanPlugin } from './src/build/eleventy/render-plan.ts';
import { siteGlobal } from './src/build/eleventy/site-data.ts';
import { normalizePrefix } from './src/site/routes.ts';

export default function (config: UserConfig) {
  // read -> parse -> collect once per build (src/load-site.ts), plus which pages to render, with
  // options from the environment. The build and the dev server set their own `site` global, with
  // their options as arguments, through a plugin that runs after this file (sitePlugin).
  config.addGlobalData('site', siteGlobal);
  config.addPlugin(filtersPlugin);
  config.addPlugin(renderPlanPlugin);
  config.addPlugin(rssPlugin);
  config.addPassthroughCopy({ 'templates/assets': 'assets' });
  config.addWatchTarget(process.env.CONTENT_DIR ?? 'content');
  // Eleventy waits until a changed file's size has been stable for 150 ms (polling every 25 ms)
  // before it rebuilds: most of the wait after saving one issue. An editor's save is one write,
  // finished long before 50 ms; a file still being written when the build reads it only costs
  // one more build, which Eleventy queues when the file changes again.
  config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  return {
    // Output and input come from the caller (src/build.ts, scripts/serve-dev.ts); only the includes dir is fixed here.
    dir: { input: 'templates', includes: '_includes' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
    pathPrefix: normalizePrefix(process.env.PATH_PREFIX),
  };
}
