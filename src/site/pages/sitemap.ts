/**
 * sitemap.xml: the canonical URL of every static page but the 404 page, then of every page of
 * each family the registry lists in the sitemap (src/site/families.ts), in the registry's order.
 * Feeds, .bib files and redirects are not pages a search engine should list. Pure.
 */
import type { Element as XastElement, ElementContent as XastChild } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { FAMILIES, type FamilyLists, type FamilyRegistry, listOf } from '../families.ts';
import type { StaticPageName, StaticPageView } from './indexes.ts';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The static pages the sitemap lists, in its order: all but the 404 page. */
export const SITEMAP_PAGES: readonly StaticPageName[] = ['home', 'issues', 'categories', 'summarizers', 'authors', 'search'];

/** Every URL the sitemap lists, in its order. */
export function sitemapUrls(
  site: { pages: Record<StaticPageName, StaticPageView> } & FamilyLists,
  registry: FamilyRegistry = FAMILIES,
): string[] {
  return [
    ...SITEMAP_PAGES.map((name) => site.pages[name].canonical),
    ...Object.entries(registry).flatMap(([name, family]) =>
      family.sitemap ? listOf(site, name).map((view) => (view as { canonical: string }).canonical) : [],
    ),
  ];
}

/** sitemap.xml's text: one `<url><loc>` a line. */
export function sitemapXml(urls: readonly string[]): string {
  const children = urls.flatMap((loc): XastChild[] => [{ type: 'text', value: '\n  ' }, x('url', [x('loc', loc)]) as XastElement]);
  const root = x('urlset', { xmlns: SITEMAP_NS }, [...children, { type: 'text', value: '\n' }]);
  return `${toXml([{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' }, { type: 'text', value: '\n' }, root])}\n`;
}
