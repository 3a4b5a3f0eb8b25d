/**
 * One entry as every page shows it (issue, summary, category and people pages): its view, made
 * once per entry and shared by all of them. Pure.
 */
import type { Entry, Issue } from '../records/types.ts';
import { pathLabel, yearOf } from './format.ts';
import type { IssueRef } from './issue-ref.ts';
import type { MarkdownRenderer } from './markdown.ts';
import { addressOf, routes } from './routes.ts';
import { safeHref } from './safe-url.ts';

/** A link as printed: `<a href="{{ href }}">{{ label }}</a>`. */
export interface LinkView {
  href: string;
  label: string;
}

export interface OpinionView {
  by: string;
  byHref: string;
  /** `Rohin’s opinion`. */
  label: string;
  html: string;
}

/** One entry, as shown on issue, summary, category and people pages. */
export interface EntryView {
  /** The anchor on the issue page (`Entry.id`). */
  anchor: string;
  title: string;
  /** The link the title carries in a Markdown export, when it is safe to link to (`safeHref`). */
  titleUrl: string | null;
  authors: string | null;
  issue: IssueRef;
  /** The entry on its issue page: `issue.href#anchor`. */
  entryHref: string;
  entryCanonical: string;
  paperHref: string;
  categories: LinkView[];
  /** `Technical AI alignment › Interpretability`, or '' when the entry has none. */
  categoryLabel: string;
  highlight: boolean;
  summarizers: LinkView[];
  hatTips: string[];
  summaryHtml: string;
  opinions: OpinionView[];
  readMoreHtml: string[];
  prerequisitesHtml: string[];
  /** About 200 characters of the summary as plain text, for lists. */
  excerpt: string;
  year: string | null;
}

/**
 * An entry view, recognised among the values of a page (the render plan fingerprints each entry
 * once and pages by their entries' fingerprints): by the fields no other view has.
 */
export function isEntryView(value: unknown): value is EntryView {
  return typeof value === 'object' && value !== null && 'anchor' in value && 'entryHref' in value && 'summaryHtml' in value;
}

/** What depends on one entry alone: worked out once per entry object (see SiteReuse). */
export interface EntryFacts {
  paperSlug: string;
  /** Slug of each `entry.category` label, same order. */
  categorySlugs: string[];
  summarizerKeys: string[];
  opinionKeys: string[];
  excerpt: string;
  /** The title and the summary and opinions as `normalizeWords` gives them: what search ranking counts title mentions in. */
  words: { title: string; text: string };
}

export interface EntryViewInput {
  issue: Issue;
  ref: IssueRef;
  entry: Entry;
  facts: EntryFacts;
  /** The site's public address. */
  siteUrl: string;
  markdown: MarkdownRenderer;
  /** A person's link by key, a category's link by slug: the spellings the whole archive settled on. */
  personLink: (key: string) => LinkView;
  categoryLink: (slug: string) => LinkView;
}

export function entryView({ issue, ref, entry, facts, siteUrl, markdown, personLink, categoryLink }: EntryViewInput): EntryView {
  const categories = facts.categorySlugs.map(categoryLink);
  return {
    anchor: entry.id,
    title: entry.title,
    titleUrl: safeHref(entry.url),
    authors: entry.authors,
    issue: ref,
    entryHref: `${ref.href}#${entry.id}`,
    entryCanonical: `${ref.canonical}#${entry.id}`,
    paperHref: addressOf(routes.paper(facts.paperSlug), siteUrl).href,
    categories,
    categoryLabel: pathLabel(categories.map((c) => c.label)),
    highlight: entry.highlight,
    summarizers: facts.summarizerKeys.map(personLink),
    hatTips: entry.hatTips,
    summaryHtml: markdown.render(entry.summary),
    opinions: entry.opinions.map((opinion, i) => {
      const by = personLink(facts.opinionKeys[i]!);
      return { by: by.label, byHref: by.href, label: `${by.label}’s opinion`, html: markdown.render(opinion.text) };
    }),
    readMoreHtml: entry.readMore.map((text) => markdown.render(text)),
    prerequisitesHtml: entry.prerequisites.map((text) => markdown.render(text)),
    excerpt: facts.excerpt,
    year: yearOf(issue.date),
  };
}
