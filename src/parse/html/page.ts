/**
 * HTML stage: what a page says about itself, read before anything is removed.
 *
 * - Its title: `<title>` (else `og:title`), without the suffix a blog platform adds: Substack's
 *   `Post - by Ann Lee - The Newsletter`, and ` | Site` or ` - Site` when `og:site_name` (or
 *   `application-name`) names that site.
 * - Its date: `article:published_time` (and the like) in the head, else the first
 *   `<time datetime="2021-03-04...">`: YYYY-MM-DD, when it is a calendar date.
 * - Where it was published: `<link rel="canonical">`, else `og:url`, else `<base href>`, else
 *   the link of a forum's crosspost notice ("Crossposted from the AI Alignment Forum", "Originally
 *   published at ..."). Relative links are resolved against `<base href>` when there is one,
 *   else against that address (`links.ts`).
 */
import { isIsoDate } from '../front-matter.ts';
import { findElement, squash, textOf, textStart, wordCount } from './nodes.ts';
import type { HtmlElement } from './tree.ts';
import { parseWebAddress } from '../../records/web-address.ts';

export interface PageFacts {
  title: string | null;
  titleLine: number;
  date: string | null;
  /** Where the page was published (an absolute http(s) URL), or null. */
  source: string | null;
  /** What relative links are resolved against (`<base href>`, else `source`), or null. */
  base: string | null;
  /** The text of the page's style sheets (`<style>`), for the classes they make bold or italic. */
  styles: string[];
}

const DATE_META = new Set([
  'article:published_time',
  'og:published_time',
  'published_time',
  'date',
  'dc.date',
  'dc.date.issued',
  'pubdate',
]);
const CROSSPOST =
  /^(?:cross-?posted (?:from|to)|originally (?:posted|published)|this (?:post|article|essay) (?:was )?(?:first |originally )?(?:appeared|published|posted))\b/i;

function absoluteHttp(url: string | undefined): string | null {
  if (url === undefined) return null;
  return parseWebAddress(url.trim())?.href ?? null;
}

function metaContent(head: HtmlElement[], test: (key: string) => boolean): string | null {
  for (const meta of head) {
    const key = (meta.attrs.property ?? meta.attrs.name ?? meta.attrs.itemprop ?? '').toLowerCase();
    if (key !== '' && test(key) && meta.attrs.content !== undefined) return meta.attrs.content;
  }
  return null;
}

function isoDate(text: string | null | undefined): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[T\s]|$)/.exec(text ?? '');
  return m && isIsoDate(m[1]!) ? m[1]! : null;
}

/** The title without a blog platform's suffix: ` - by Author - Newsletter`, ` | Site name`. */
export function withoutPlatformSuffix(title: string, siteName: string | null): string {
  let out = title.replace(/\s+-\s+by\s+[^-|]+?\s+-\s+[^-|]+$/i, '');
  if (siteName !== null && siteName.trim() !== '') {
    const site = siteName.trim().toLowerCase();
    const m = /^(.+?)\s+[|\-–—·]\s+([^|\-–—·]+)$/.exec(out);
    if (m && m[2]!.trim().toLowerCase() === site) out = m[1]!;
  }
  return out.trim() || title;
}

/** The elements the facts are read from, found in one walk of the tree. */
interface Found {
  metas: HtmlElement[];
  styles: string[];
  title: HtmlElement | null;
  time: HtmlElement | null;
  base: HtmlElement | null;
  canonical: HtmlElement | null;
  crosspost: string | null;
}

/** The link of a crosspost notice (`<div>Crossposted from the <a href="https://...">AI Alignment Forum</a>. ...</div>`), or null. */
function noticeLink(element: HtmlElement): string | null {
  const first = element.children[0];
  if (first?.type !== 'text' || !CROSSPOST.test(first.value.trimStart())) return null;
  // A notice is short: its first 400 characters hold all of it.
  const start = textStart(element, 400);
  if (start.length >= 400 || wordCount(start) > 40) return null;
  const link = findElement(element, (a) => a.name === 'a' && absoluteHttp(a.attrs.href) !== null);
  return link ? absoluteHttp(link.attrs.href) : null;
}

function walk(parent: HtmlElement, found: Found): void {
  for (const e of parent.children) {
    if (e.type !== 'element') continue;
    const name = e.name;
    if (name === 'meta') found.metas.push(e);
    else if (name === 'style') found.styles.push(textOf(e));
    else if (name === 'title') found.title ??= e;
    else if (name === 'time') {
      if (found.time === null && isoDate(e.attrs.datetime) !== null) found.time = e;
    } else if (name === 'base') {
      if (found.base === null && e.attrs.href !== undefined) found.base = e;
    } else if (name === 'link') {
      if (found.canonical === null && (e.attrs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) found.canonical = e;
    } else if (found.crosspost === null) found.crosspost = noticeLink(e);
    walk(e, found);
  }
}

export function pageFacts(root: HtmlElement): PageFacts {
  const found: Found = { metas: [], styles: [], title: null, time: null, base: null, canonical: null, crosspost: null };
  walk(root, found);
  const { metas } = found;
  const ogTitle = metaContent(metas, (k) => k === 'og:title' || k === 'twitter:title');
  const rawTitle = (found.title ? squash(textOf(found.title)) : '') || squash(ogTitle ?? '');
  const siteName = metaContent(metas, (k) => k === 'og:site_name' || k === 'application-name');
  const title = rawTitle === '' ? null : withoutPlatformSuffix(rawTitle, siteName);
  const date = isoDate(metaContent(metas, (k) => DATE_META.has(k))) ?? isoDate(found.time?.attrs.datetime);
  const base = absoluteHttp(found.base?.attrs.href);
  const source =
    absoluteHttp(found.canonical?.attrs.href) ??
    absoluteHttp(metaContent(metas, (k) => k === 'og:url') ?? undefined) ??
    base ??
    found.crosspost;
  return { title, titleLine: found.title?.line ?? 0, date, source, base: base ?? source, styles: found.styles };
}
