/**
 * One entry as every page shows it (issue, summary, category and people pages): its view, made
 * once per entry and shared by all of them. Pure.
 */
import type { Paper } from '../../merge/paper.ts';
import type { Entry } from '../../records/types.ts';
import { pathLabel } from '../text/format.ts';
import { summaryWords } from './fullest.ts';
import type { IssueRef } from './issue-ref.ts';
import type { MarkdownRenderer } from '../text/markdown.ts';
import { addressOf, routes } from '../routes.ts';
import { resolveHref, sourceBase } from '../text/safe-url.ts';
import { hasSummary } from './summary-pages.ts';

/** A link as printed: `<a href="{{ href }}">{{ label }}</a>`. */
export interface LinkView {
  href: string;
  label: string;
}

export interface OpinionView {
  by: string;
  byHref: string;
  /** `Ada’s opinion`. */
  label: string;
  html: string;
}

/** The paper a summary is of: what its text says, completed from the newsletter's database (src/merge/paper.ts). */
export interface PaperInfoView {
  /** The link to the paper when it is safe to link to (`resolveHref`, against the issue's source): the title's link in the text, else the database's URL. */
  href: string | null;
  /** `arXiv`, `NeurIPS 2019`; null when unknown. */
  venue: string | null;
  /** The paper's year (`2019`), from the database; null when unknown. */
  year: string | null;
  /** Every author, each linked to their page, in the order the list gives them. */
  authors: LinkView[];
  /** The list names only some of the authors. */
  etAl: boolean;
  /** `Ada Lovelace, Alan Turing et al.`: the authors as one line of text, '' when none are known. */
  authorsLabel: string;
}

/** One entry, as shown on issue, summary, category and people pages. */
export interface EntryView {
  /** The anchor on the issue page (`Entry.id`). */
  anchor: string;
  title: string;
  /** The link to the paper the title carries, when it is safe to link to: `paper.href`. */
  titleUrl: string | null;
  /** The authors as the issue's text writes them (`Ada Lovelace et al`), null when it names none. */
  authors: string | null;
  paper: PaperInfoView;
  issue: IssueRef;
  /** The entry on its issue page: `issue.href#anchor`. */
  entryHref: string;
  entryCanonical: string;
  /**
   * Where the title's summary is: its summary page (`summaryHref`), or for an entry no page
   * summarizes, the entry itself on its issue page (`entryHref`). What lists of entries link to.
   */
  paperHref: string;
  /** The summary page of its title (or of the same paper under another title); null when the archive has none: the entry is an anchor only. */
  summaryHref: string | null;
  /** The entry is a summary (src/site/archive/summary-pages.ts): it says something of the paper, beyond its title. */
  isSummary: boolean;
  categories: LinkView[];
  /** `Technical AI alignment › Interpretability`, or '' when the entry has none. */
  categoryLabel: string;
  highlight: boolean;
  summarizers: LinkView[];
  hatTips: string[];
  /** Where the story was published, from its byline (`The Daily`); '' when none says. */
  outlet: string;
  summaryHtml: string;
  opinions: OpinionView[];
  readMoreHtml: string[];
  prerequisitesHtml: string[];
  /** About 200 characters of the summary as plain text, for lists. */
  excerpt: string;
  /** Its issue's year (`IssueRef.year`), null when unknown. */
  year: string | null;
  /** Words of its summary and opinions (`summaryWords`): which of a title's appearances leads its page. */
  words: number;
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
  /** The paper: the merged entry's, else the one its text alone describes. */
  paper: Paper;
  /** Slug of each label of the entry's topic (`paper.topic`: never a highlight section), same order. */
  categorySlugs: string[];
  excerpt: string;
  /** The title and the summary and opinions as `normalizeWords` gives them: what search ranking counts title mentions in. */
  words: { title: string; text: string };
}

export interface EntryViewInput {
  ref: IssueRef;
  entry: Entry;
  /** Where its issue was published (`Issue.source`): its relative links are resolved against it. */
  source?: string | null;
  facts: EntryFacts;
  /** The site's public address. */
  siteUrl: string;
  markdown: MarkdownRenderer;
  /** The slug of the summary page its title links to (`summaryPages`), or null: it has none. */
  summaryPage: string | null;
  /** The page keys of its summarizers and of its opinions' authors, same order (people.yml and the first-name rule applied). */
  summarizerKeys: readonly string[];
  opinionKeys: readonly string[];
  /** A person's link by key, a category's link by slug, an author's by slug: the spellings the whole archive settled on. */
  personLink: (key: string) => LinkView;
  categoryLink: (slug: string) => LinkView;
  authorLink: (slug: string) => LinkView;
}

/** `Ada Lovelace, Alan Turing et al.`. */
export function authorsLabel(names: readonly string[], etAl: boolean): string {
  return names.length === 0 ? '' : `${names.join(', ')}${etAl ? ' et al.' : ''}`;
}

export function entryView(input: EntryViewInput): EntryView {
  const { ref, entry, facts, siteUrl, markdown, personLink, categoryLink, authorLink } = input;
  const categories = facts.categorySlugs.map(categoryLink);
  const { paper } = facts;
  const authors = paper.authors.map((a) => authorLink(a.slug));
  const base = sourceBase(input.source);
  const href = resolveHref(paper.url, base);
  const entryHref = `${ref.href}#${entry.id}`;
  const summaryHref = input.summaryPage === null ? null : addressOf(routes.paper(input.summaryPage), siteUrl).href;
  return {
    anchor: entry.id,
    title: entry.title,
    titleUrl: href,
    authors: entry.authors,
    paper: {
      href,
      venue: paper.venue,
      year: paper.year === null ? null : String(paper.year),
      authors,
      etAl: paper.etAl,
      authorsLabel: authorsLabel(
        authors.map((a) => a.label),
        paper.etAl,
      ),
    },
    issue: ref,
    entryHref,
    entryCanonical: `${ref.canonical}#${entry.id}`,
    paperHref: summaryHref ?? entryHref,
    summaryHref,
    isSummary: hasSummary(entry),
    categories,
    categoryLabel: pathLabel(categories.map((c) => c.label)),
    highlight: paper.highlight,
    summarizers: input.summarizerKeys.map(personLink),
    hatTips: entry.hatTips,
    outlet: entry.outlet ?? '',
    summaryHtml: markdown.render(entry.summary, base),
    opinions: entry.opinions.map((opinion, i) => {
      const by = personLink(input.opinionKeys[i]!);
      return { by: by.label, byHref: by.href, label: `${by.label}’s opinion`, html: markdown.render(opinion.text, base) };
    }),
    readMoreHtml: entry.readMore.map((text) => markdown.render(text, base)),
    prerequisitesHtml: entry.prerequisites.map((text) => markdown.render(text, base)),
    excerpt: facts.excerpt,
    year: ref.year,
    words: summaryWords(
      entry.summary,
      entry.opinions.map((o) => o.text),
    ),
  };
}
