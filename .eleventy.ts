/**
 * Eleventy wiring only: the site global, the filters plugin, the feed plugin, static assets.
 * What pages show is decided in src/collect.ts; how they look, in templates/.
 */
import type { UserConfig } from '@11ty/eleventy';
import { rssPlugin } from '@11ty/eleventy-plugin-rss';
import { filtersPlugin } from './src/eleventy/filters.ts';
import { loadSite } from './src/load-site.ts';
import { normalizePrefix } from './src/collect.ts';

export default function (config: UserConfig) {
  config.addGlobalData('site', () => loadSite());
  config.addPlugin(filtersPlugin);
  config.addPlugin(rssPlugin);
  config.addPassthroughCopy({ 'templates/assets': 'assets' });
  config.addWatchTarget(process.env.CONTENT_DIR ?? 'content');

  return {
    // Output and input come from the caller (src/build.ts, scripts/serve-dev.ts); only the includes dir is fixed here.
    dir: { input: 'templates', includes: '_includes' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
    pathPrefix: normalizePrefix(process.env.PATH_PREFIX),
  };
}
