/**
 * What goes into a topic's or a person's Atom feed: which summaries (the newest N), the feed's
 * title, id, links and `updated` date, ready for a feed template to print.
 *
 * Pure: summaries and subjects in, one descriptor per subject out, in the subjects' order. URLs
 * come from the caller (the site's routes), dates go out in RFC 3339 as Atom requires.
 *
 * Atom requires every entry to have an `<updated>` date, and a feed reader shows it as the
 * entry's date. A summary whose issue has no known date has none to give, and no other date is
 * true of it, so it is not in the feed: the feed's subtitle says how many are left out, and the
 * subject's page lists them all. A feed with no dated entry is `updated` at `fallbackDate`.
 *
 * The site's own feed of issues is made here too (`issueFeed`), and every feed is written as XML
 * by `atomXml`: the templates print the text.
 */
import type { Element as XastElement, ElementContent as XastChild } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { toHtml } from 'hast-util-to-html';

const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** One summary as a feed sees it. */
export interface FeedSummary {
  /** Absolute URL of the summary: the entry's link and, since it never changes, its Atom id. */
  url: string;
  title: string;
  /** Its issue's date, YYYY-MM-DD; null when unknown. */
  date: string | null;
  /** Its issue's number: feeds are in issue order, newest first; null when unknown. */
  issueNumber: number | null;
  /** Plain-text excerpt for the entry's `<summary>`. */
  excerpt: string;
  /** Keys of every subject (category, person) whose feed lists it. */
  subjects: string[];
}

/** A category or a person that has a page and a feed. */
export interface FeedSubject {
  key: string;
  /** As shown: `Interpretability`, `Ada Shah`. */
  label: string;
  kind: 'category' | 'person';
  /** Absolute URL of the subject's page: the feed's alternate link and its Atom id. */
  pageUrl: string;
  /** Absolute URL of the feed itself: its `rel="self"` link. */
  feedUrl: string;
}

export interface FeedOptions {
  /** The site's title, ending each feed's title. */
  siteTitle: string;
  /** Entries per feed. Default 20. */
  limit?: number;
  /** `updated` of a feed with no dated entry (YYYY-MM-DD): the archive's newest issue date, or 1970-01-01 when none has one. */
  fallbackDate: string;
}

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  /** RFC 3339: the issue's date at midnight UTC (only summaries of dated issues are in a feed). */
  updated: string;
  excerpt: string;
}

/** What every Atom feed says of itself: its id, title, subtitle, addresses and date. */
export interface FeedHead {
  /** Atom id: the page the feed stands for (stable, unique, and what a reader opens). */
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  alternateUrl: string;
  /** RFC 3339. */
  updated: string;
}

/** A category's or person's feed; `updated` is the latest date among the shown entries, else `fallbackDate`. */
export interface FeedDescriptor extends FeedHead {
  key: string;
  /** Newest first, at most `limit`, each of a dated issue. */
  entries: FeedEntry[];
  /** How many summaries the subject has in all (the feed shows the newest `limit` of the dated ones). */
  total: number;
  /** How many of them are of issues without a known date, and so in no feed. */
  undated: number;
}

/** `2020-05-06` -> `2020-05-06T00:00:00Z`; anything that is not a date is refused, naming it. */
export function rfc3339(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new Error(`feeds: "${date}" is not a YYYY-MM-DD date`);
  return `${date}T00:00:00Z`;
}

/** Descending, with null after every value. */
function descending<T extends string | number>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/**
 * Newest first, as the archive orders issues: by issue number (an undated issue keeps its place
 * in the sequence), then by date (for summaries of issues without a number), then URL, so the
 * order never depends on the input's.
 */
export function newestFirst(a: FeedSummary, b: FeedSummary): number {
  return descending(a.issueNumber, b.issueNumber) || descending(a.date, b.date) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/** `3 summaries of issues without a known date are not in this feed (a feed entry needs a date)`; of issues, `3 issues without ...`. */
export function undatedLabel(n: number, what: 'summaries' | 'issues' = 'summaries'): string {
  const one = n === 1;
  const who =
    what === 'issues'
      ? `${one ? 'issue' : 'issues'} without a known date`
      : `${one ? 'summary of an issue' : 'summaries of issues'} without a known date`;
  return `${n.toLocaleString('en')} ${who} ${one ? 'is' : 'are'} not in this feed (a feed entry needs a date)`;
}

/** One feed per subject, in the order the subjects are given; a subject with no summaries gets an empty feed. */
export function subjectFeeds(summaries: readonly FeedSummary[], subjects: readonly FeedSubject[], options: FeedOptions): FeedDescriptor[] {
  const limit = options.limit ?? 20;
  const fallback = rfc3339(options.fallbackDate);
  const bySubject = new Map<string, FeedSummary[]>();
  for (const summary of summaries) {
    for (const key of new Set(summary.subjects)) {
      const list = bySubject.get(key);
      if (list) list.push(summary);
      else bySubject.set(key, [summary]);
    }
  }
  return subjects.map((subject) => {
    // A summary listed twice (the same URL) is one entry, its newest: Atom ids must not repeat in a feed.
    const seen = new Set<string>();
    const all = [...(bySubject.get(subject.key) ?? [])].sort(newestFirst).filter((s) => !seen.has(s.url) && seen.add(s.url));
    const dated = all.filter((s): s is FeedSummary & { date: string } => s.date !== null);
    const shown = dated.slice(0, limit);
    const latest = shown.reduce<string | null>((max, s) => (max === null || s.date > max ? s.date : max), null);
    const updated = latest === null ? fallback : rfc3339(latest);
    const undated = all.length - dated.length;
    const subtitle = subject.kind === 'category' ? `New summaries in ${subject.label}` : `New summaries and opinions by ${subject.label}`;
    return {
      key: subject.key,
      id: subject.pageUrl,
      title: `${subject.label} — ${options.siteTitle}`,
      subtitle: undated === 0 ? subtitle : `${subtitle}; ${undatedLabel(undated)}`,
      selfUrl: subject.feedUrl,
      alternateUrl: subject.pageUrl,
      updated,
      entries: shown.map((s) => ({
        id: s.url,
        url: s.url,
        title: s.title,
        updated: rfc3339(s.date),
        excerpt: s.excerpt,
      })),
      total: all.length,
      undated,
    };
  });
}

/** One entry of an Atom document, ready to print. */
export interface AtomEntry {
  id: string;
  url: string;
  title: string;
  /** RFC 3339. */
  updated: string;
  /** Plain text. */
  summary: string;
  /** The entry's body as HTML (`<content type="html">`); absent: no content element. */
  html?: string;
}

/** An Atom document: the site's feed of issues, or a category's or person's feed of summaries. */
export interface AtomFeed extends FeedHead {
  /** The feed's `<author><name>`: the site's title. */
  author: string;
  /** `xml:lang`. */
  language: string;
  /** `xml:base`, when the feed has one. */
  base?: string;
  entries: AtomEntry[];
}

/** `tag` holding `text` (escaped by the serializer). */
const textElement = (name: string, text: string, attributes: Record<string, string> = {}): XastElement => x(name, attributes, text);

/**
 * An Atom document as XML text, two-space indented, one element a line, as feed readers and
 * people read it. Every value is text to the serializer (xast-util-to-xml), which escapes it and
 * drops the control characters XML cannot hold; an entry's HTML body is one more such text.
 */
export function atomXml(feed: AtomFeed): string {
  const lines = (indent: string, children: XastElement[]): XastChild[] =>
    children.flatMap((child): XastChild[] => [{ type: 'text', value: `\n${indent}` }, child]);
  const link = (href: string, rel: string, type: string): XastElement => x('link', { href, rel, type });
  const entry = (e: AtomEntry): XastElement =>
    x('entry', [
      ...lines('    ', [
        textElement('title', e.title),
        link(e.url, 'alternate', 'text/html'),
        textElement('id', e.id),
        textElement('updated', e.updated),
        textElement('summary', e.summary),
        ...(e.html === undefined ? [] : [textElement('content', e.html, { type: 'html' })]),
      ]),
      { type: 'text', value: '\n  ' },
    ]);
  const root = x('feed', { xmlns: ATOM_NS, ...(feed.base === undefined ? {} : { 'xml:base': feed.base }), 'xml:lang': feed.language }, [
    ...lines('  ', [
      textElement('title', feed.title),
      textElement('subtitle', feed.subtitle),
      link(feed.selfUrl, 'self', 'application/atom+xml'),
      link(feed.alternateUrl, 'alternate', 'text/html'),
      textElement('updated', feed.updated),
      textElement('id', feed.id),
      x('author', [textElement('name', feed.author)]),
      ...feed.entries.map(entry),
    ]),
    { type: 'text', value: '\n' },
  ]);
  return `${toXml([{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' }, { type: 'text', value: '\n' }, root], { closeEmptyElements: true, tightClose: true })}\n`;
}

/** An issue as the site's feed lists it: its page, title, date, description and the summaries it holds. */
export interface FeedIssue {
  url: string;
  title: string;
  /** YYYY-MM-DD: only dated issues are in a feed. */
  date: string;
  summary: string;
  /** Its summaries, in reading order: each links to its place on the issue page. */
  items: { url: string; title: string; excerpt: string }[];
}

/**
 * The site's own feed: the newest dated issues (the caller picks them), each with a list of its
 * summaries as HTML, `updated` at `updated` (the archive's newest issue date).
 */
export function issueFeed(input: {
  issues: readonly FeedIssue[];
  siteUrl: string;
  feedUrl: string;
  title: string;
  subtitle: string;
  language: string;
  updated: string;
}): AtomFeed {
  return {
    id: input.siteUrl,
    title: input.title,
    subtitle: input.subtitle,
    selfUrl: input.feedUrl,
    alternateUrl: input.siteUrl,
    updated: rfc3339(input.updated),
    author: input.title,
    language: input.language,
    base: input.siteUrl,
    entries: input.issues.map((issue) => ({
      id: issue.url,
      url: issue.url,
      title: issue.title,
      updated: rfc3339(issue.date),
      summary: issue.summary,
      html: toHtml({
        type: 'element',
        tagName: 'ul',
        properties: {},
        children: issue.items.map((item) => ({
          type: 'element',
          tagName: 'li',
          properties: {},
          children: [
            { type: 'element', tagName: 'a', properties: { href: item.url }, children: [{ type: 'text', value: item.title }] },
            ...(item.excerpt === '' ? [] : [{ type: 'text' as const, value: `: ${item.excerpt}` }]),
          ],
        })),
      }),
    })),
  };
}

/** A category's or person's feed descriptor as an Atom document. */
export function subjectAtom(feed: FeedDescriptor, site: { title: string; language: string }): AtomFeed {
  return {
    id: feed.id,
    title: feed.title,
    subtitle: feed.subtitle,
    selfUrl: feed.selfUrl,
    alternateUrl: feed.alternateUrl,
    updated: feed.updated,
    author: site.title,
    language: site.language,
    entries: feed.entries.map((e) => ({ id: e.id, url: e.url, title: e.title, updated: e.updated, summary: e.excerpt || e.title })),
  };
}
