/**
 * The `site` global: the archive as loaded once per build, plus which pages this build renders.
 */
import type { UserConfig } from '@11ty/eleventy';
import type { SiteData } from '../../site.ts';
import { loadSite } from '../load.ts';
import { planRender, type RenderPlan } from './render-plan.ts';

export type SiteGlobal = SiteData & { render: RenderPlan };

/** The global as the plain config file sets it: options from the environment. */
export function siteGlobal(): SiteGlobal {
  const site = loadSite();
  return { ...site, render: planRender(site) };
}

/**
 * An Eleventy plugin (for the `config` option of `new Eleventy`) that sets the `site` global from
 * `load`, called once per build (in watch mode, once per rebuild). Plugins run after the config
 * file, so this global is the one templates see, and the caller's options need not travel
 * through the environment.
 */
export function sitePlugin(load: () => SiteData): (config: UserConfig) => void {
  return (config) => {
    config.addPlugin((inner: UserConfig) => {
      inner.addGlobalData('site', (): SiteGlobal => {
        const site = load();
        return { ...site, render: planRender(site) };
      });
    });
  };
}
