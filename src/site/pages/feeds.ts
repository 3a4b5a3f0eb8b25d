/**
 * An Atom feed for every category and every person (`categories/<slug>/feed.xml`,
 * `summarizers/<key>/feed.xml`): the newest summaries of each, made with `engines/atom.ts` from the
 * entries their pages list, and the link each page shows to its feed. Pure.
 */
import type { EntryView } from '../archive/entry.ts';
import { atomXml, type FeedDescriptor, type FeedSummary, subjectAtom, subjectFeeds } from '../engines/atom.ts';
import { addressOf, type PageAddress } from '../routes.ts';

/** A page's link to its feed: `<link rel="alternate">` in its head and a visible link. */
export interface FeedLink {
  href: string;
  /** `Interpretability — Weekly Robotics Archive`: the feed's own title. */
  title: string;
}

/** One feed file: where it lives and what it holds. */
export interface FeedView extends PageAddress {
  feed: FeedDescriptor;
  /** The feed file's text (engines/atom.ts `atomXml`). */
  xml: string;
}

/** A category or a person with a page, and the entries the page lists. */
export interface FeedSource {
  kind: 'category' | 'person';
  key: string;
  label: string;
  /** The page the feed belongs to. */
  page: PageAddress;
  /** Where the feed lives (`categories/<slug>/feed.xml`). */
  path: string;
  entries: readonly EntryView[];
}

export interface TopicFeedsInput {
  sources: readonly FeedSource[];
  siteTitle: string;
  siteUrl: string;
  /** The site's language: the feeds' `xml:lang`. */
  language: string;
  /** The archive's newest issue date (YYYY-MM-DD): `updated` of a feed whose summaries have no date. */
  fallbackDate: string;
}

function feedSummary(view: EntryView, key: string): FeedSummary {
  return {
    url: view.entryCanonical,
    title: view.title,
    date: view.issue.dateIso,
    issueNumber: view.issue.number,
    excerpt: view.excerpt,
    subjects: [key],
  };
}

/** One feed per source, in the sources' order. */
export function topicFeeds({ sources, siteTitle, siteUrl, language, fallbackDate }: TopicFeedsInput): FeedView[] {
  return sources.map((source) => {
    const address = addressOf(source.path, siteUrl);
    const [feed] = subjectFeeds(
      source.entries.map((view) => feedSummary(view, source.key)),
      [{ key: source.key, label: source.label, kind: source.kind, pageUrl: source.page.canonical, feedUrl: address.canonical }],
      { siteTitle, fallbackDate },
    );
    return { ...address, feed: feed!, xml: atomXml(subjectAtom(feed!, { title: siteTitle, language })) };
  });
}

/** The link a page shows to its feed. */
export function feedLink(view: FeedView): FeedLink {
  return { href: view.href, title: view.feed.title };
}
