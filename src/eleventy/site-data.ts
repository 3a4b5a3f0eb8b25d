/**
 * The `site` global: the archive as loaded once per build, plus which pages this build renders.
 */
import type { SiteData } from '../collect.ts';
import { loadSite } from '../load-site.ts';
import { planRender, type RenderPlan } from './render-plan.ts';

export type SiteGlobal = SiteData & { render: RenderPlan };

export function siteGlobal(): SiteGlobal {
  const site = loadSite();
  return { ...site, render: planRender(site) };
}
