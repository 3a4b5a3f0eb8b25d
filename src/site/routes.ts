/**
 * Where every page and file of the site lives: one table of paths, and the one way a path becomes
 * a link and an absolute URL. Pure.
 *
 * A path is relative to the site root (`issues/wr-098/`). Links inside the site are root-relative
 * without the path prefix (`/issues/wr-098/`): Eleventy's HTML base plugin adds PATH_PREFIX to
 * every href/src of the HTML it writes. Absolute URLs (feed, sitemap, Open Graph, exports) start
 * with the site's public address, which holds the prefix already (`https://me.github.io/repo/`).
 *
 * A new page family gets its path function here, and its views get their address from `addressOf`.
 */
import { numberOwners } from '../records/citations.ts';
import type { Issue } from '../records/types.ts';

/** Where a page lives: `path` is relative to the site root (`issues/wr-098/`). */
export interface PageAddress {
  path: string;
  /** For Eleventy's `permalink`: `/issues/wr-098/`. */
  permalink: string;
  /**
   * For links inside the site: root-relative, without the path prefix (`/issues/wr-098/`).
   * Eleventy's HTML base plugin adds PATH_PREFIX to every href/src in the HTML it writes.
   */
  href: string;
  /** Absolute URL, for Open Graph, the feed and the sitemap. */
  canonical: string;
}

/** Paths of the site, relative to its root. */
export const routes = {
  home: '',
  issues: 'issues/',
  categories: 'categories/',
  summarizers: 'summarizers/',
  authors: 'authors/',
  search: 'search/',
  notFound: '404.html',
  feed: 'feed.xml',
  sitemap: 'sitemap.xml',
  summariesJson: 'summaries.json',
  summariesCsv: 'summaries.csv',
  /** BibTeX of every summary (and its paper). */
  summariesBib: 'summaries.bib',
  /** The archive in charts. */
  stats: 'stats/',
  /** The folder `templates/assets/` is copied to. */
  assets: 'assets/',
  css: 'assets/site.css',
  searchScript: 'assets/search.js',
  enhanceScript: 'assets/enhance.js',
  stemScript: 'assets/stem.js',
  /** The folder Pagefind's bundle is written to. */
  pagefind: 'pagefind/',
  issue: (id: string): string => `issues/${id}/`,
  /** Every issue that cites issue `id`. */
  citedBy: (id: string): string => `issues/${id}/cited-by/`,
  /** A summary's page: every appearance of one title. */
  paper: (slug: string): string => `papers/${slug}/`,
  category: (slug: string): string => `categories/${slug}/`,
  person: (key: string): string => `summarizers/${key}/`,
  /** A category's Atom feed and `.bib` file, beside its page. */
  categoryFeed: (slug: string): string => `categories/${slug}/feed.xml`,
  categoryBib: (slug: string): string => `categories/${slug}/summaries.bib`,
  personFeed: (key: string): string => `summarizers/${key}/feed.xml`,
  /** An author's page: the summaries of every paper they wrote. */
  author: (slug: string): string => `authors/${slug}/`,
  /** The authors of one initial, when the index is too long for one page (two segments: never an author's own page). */
  authorLetter: (id: string): string => `authors/letter/${id}/`,
} as const;

/** The files the site writes besides its pages (feed, sitemap, exports): made from the whole archive. */
export const ARCHIVE_FILES: readonly string[] = [routes.feed, routes.sitemap, routes.summariesJson, routes.summariesCsv];

/** The link to a path inside the site: `issues/wr-098/` -> `/issues/wr-098/`. */
export function hrefOf(path: string): string {
  return `/${path}`;
}

/** A page's address; `siteUrl` is the site's public address, ending in `/`. */
export function addressOf(path: string, siteUrl: string): PageAddress {
  return { path, permalink: `/${path}`, href: hrefOf(path), canonical: `${siteUrl}${path}` };
}

/** Ensures `/`, `/repo/`: a leading and a trailing slash. */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Where `(WR #N)` points in this archive: the page of the issue that owns N (`numberOwners`), or null when N is not in it. */
export function issueLinker(issues: readonly Issue[]): (issueNumber: number) => string | null {
  const byNumber = numberOwners(issues);
  return (n) => {
    const target = byNumber.get(n);
    return target ? hrefOf(routes.issue(target.id)) : null;
  };
}

/**
 * What `issueLinker` depends on, as a string: two archives with the same key link references
 * the same way, so a Markdown renderer (and its cache) can be kept across rebuilds while the key
 * stays the same.
 */
export function issueLinkKey(issues: readonly Issue[]): string {
  return [...numberOwners(issues)]
    .map(([n, issue]) => `${n}:${issue.id}`)
    .sort()
    .join(' ');
}
