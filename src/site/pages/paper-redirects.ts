/**
 * Old addresses of summary pages, kept working. Every title used to have a page
 * (`/papers/<slug>/`), also a title no issue summarizes (a bare link, a "see also" item); such a
 * title is now an anchor on its issue page (src/site/archive/summary-pages.ts). A link to its old page
 * may have been shared: a small page there sends the reader to the summary page of the same
 * paper when the archive has one, else to the item on its issue page (the appearance the old page
 * led with: the oldest). Never over a page or file the site writes. Pure.
 */
import type { EntryView } from '../archive/entry.ts';
import type { RedirectView } from './redirects.ts';
import { addressOf, routes } from '../routes.ts';

export interface MovedTitle {
  /** The title's page slug, where its page was. */
  slug: string;
  title: string;
  /** Its appearances, newest first. */
  newestFirst: readonly EntryView[];
}

/**
 * One redirect per title whose page is gone, by path (code point order). `taken`: every path
 * another page or file of the site is written at.
 */
export function paperRedirects(moved: readonly MovedTitle[], taken: ReadonlySet<string>, siteUrl: string): RedirectView[] {
  const redirects: RedirectView[] = [];
  for (const { slug, title, newestFirst } of moved) {
    const path = routes.paper(slug);
    const oldest = newestFirst[newestFirst.length - 1];
    if (oldest === undefined || taken.has(path)) continue;
    const page = oldest.summaryHref;
    const to =
      page === null
        ? { label: `${title} in ${oldest.issue.caption}`, href: oldest.entryHref, canonical: oldest.entryCanonical }
        : { label: title, href: page, canonical: addressOf(page.replace(/^\//, ''), siteUrl).canonical };
    redirects.push({
      ...addressOf(path, siteUrl),
      pageTitle: `${title} (moved)`,
      to,
      source: `the old summary page of "${title}" (no issue summarizes it)`,
    });
  }
  return redirects.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
