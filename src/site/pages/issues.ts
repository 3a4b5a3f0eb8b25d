/**
 * The issue pages (`/issues/<id>/`): each issue's headings and entries in reading order, its
 * "In this issue" list, prev/next, what it cites and who cites it; and the "cited by" pages of
 * issues cited more often than their page lists. Pure.
 */
import type { Issue } from '../../records/types.ts';
import type { EntryView, LinkView } from '../archive/entry.ts';
import { counted } from '../text/format.ts';
import type { IssueRef } from '../archive/issue-ref.ts';
import type { Excerpt, MarkdownRenderer } from '../text/markdown.ts';
import { wordCount } from '../../records/plain-text.ts';
import { categorySlug } from '../text/names.ts';
import { addressOf, type PageAddress, routes } from '../routes.ts';
import { sourceBase } from '../text/safe-url.ts';

/** One section of an issue in its "In this issue" list: a link to its heading, and how many summaries it holds. */
export interface TocItem {
  href: string;
  label: string;
  /** Summaries under the heading, its sub-sections' included. */
  count: number;
  children: TocItem[];
}

/**
 * How many citing issues an issue page lists. The list grows with the archive (every later issue
 * may cite an early one), and issue pages have a size budget; the full list is on the issue's
 * "cited by" page. The real archive's most-cited issue is cited by 6 issues, so there the issue
 * page shows them all and no "cited by" page is written.
 */
export const REFERENCED_BY_SHOWN = 6;

export type IssueBlock =
  | { kind: 'heading'; level: number; id: string; label: string; href: string | null }
  | { kind: 'entry'; level: number; entry: EntryView };

export interface IssueView extends IssueRef, PageAddress {
  number: number | null;
  /** `WR #98: Understanding neural net training…`, for `<title>`. */
  pageTitle: string;
  description: string;
  year: string | null;
  /** Where the issue was published (its source, an absolute http(s) address): the page's "Original post" link. */
  sourceHref: string | null;
  introHtml: string;
  /**
   * How the intro is set: `intro` (the editor's note before the summaries, set apart in italics),
   * or `essay` when the issue has no summaries and its text is the whole issue (body text).
   */
  introStyle: 'intro' | 'essay';
  /** Category headings and entries in reading order. */
  blocks: IssueBlock[];
  /**
   * The page's sections for its "In this issue" list: top-level headings with their
   * sub-sections; empty when the page has fewer than two headings. Sections, not every summary:
   * a list of all ~40 titles and anchors would repeat a tenth of the page.
   */
  toc: TocItem[];
  entryCount: number;
  /** What the issue holds, for its card and its page: `issueContentsLabel`. */
  contentsLabel: string;
  /** The issue before this one in time, and after it. */
  prev: IssueRef | null;
  next: IssueRef | null;
  /** Issues in the archive this one cites as `(WR #N)`. */
  cites: IssueRef[];
  /** Issues that cite this one, newest first: at most REFERENCED_BY_SHOWN of them. */
  referencedBy: IssueRef[];
  /** How many issues cite this one. */
  referencedByCount: number;
  /** The page listing every issue that cites this one (`All 36 issues that cite WR #34`), when `referencedBy` does not show them all. */
  citedByAll: LinkView | null;
}

/** Everything an issue page shows: its page is made again only when one of these changed (see SiteReuse). */
export interface IssuePageInput {
  issue: Issue;
  ref: IssueRef;
  /** The issue before it in time, and after it. */
  older: IssueRef | null;
  newer: IssueRef | null;
  /** Issues it cites, in order of first citation. */
  cited: IssueRef[];
  /** Issues citing it, newest first. */
  citing: IssueRef[];
  /** Its entries' views, in reading order. */
  entries: EntryView[];
  /** The highlight section's heading and page: highlights stand under it on the issue page, as the issue prints them. */
  highlights: LinkView;
  siteUrl: string;
  markdown: MarkdownRenderer;
  excerpt: Excerpt;
}

export function issueView(input: IssuePageInput): IssueView {
  const { issue, ref, older, newer, cited, citing, entries, highlights, siteUrl, markdown, excerpt } = input;
  const blocks = issueBlocks(issue, entries, highlights);
  const description =
    excerpt(issue.intro, 160) || excerpt(`${ref.numberLabel}, ${ref.dateLabel}: ${issue.entries.map((e) => e.title).join('; ')}`, 160);
  return {
    ...ref,
    ...addressOf(routes.issue(issue.id), siteUrl),
    number: issue.number,
    pageTitle: issue.number === null ? ref.title : `${ref.numberLabel}: ${ref.title}`,
    description,
    year: ref.year,
    sourceHref: sourceBase(issue.source),
    introHtml: markdown.render(issue.intro, sourceBase(issue.source)),
    introStyle: issue.entries.length === 0 ? 'essay' : 'intro',
    blocks,
    toc: issueToc(blocks),
    entryCount: issue.entries.length,
    contentsLabel: issueContentsLabel(issue),
    prev: older,
    next: newer,
    cites: cited,
    referencedBy: citing.slice(0, REFERENCED_BY_SHOWN),
    referencedByCount: citing.length,
    citedByAll:
      citing.length > REFERENCED_BY_SHOWN
        ? {
            href: addressOf(routes.citedBy(issue.id), siteUrl).href,
            label: `All ${citing.length} issues that cite ${issue.number === null ? 'this one' : ref.numberLabel}`,
          }
        : null,
  };
}

/**
 * What an issue holds, as its card and its page say it: `1 summary`, `12 summaries`. An issue
 * written as one essay has no summary entries, its whole text being the intro (`This newsletter
 * is a combined summary + opinion for the ... sequence`): it is
 * `Essay, 4,210 words, no summaries`, not `0 summaries`. An issue with neither says
 * `No summaries`.
 */
export function issueContentsLabel(issue: Pick<Issue, 'entries' | 'intro'>): string {
  if (issue.entries.length > 0) return counted(issue.entries.length, 'summary', 'summaries');
  const words = wordCount(issue.intro);
  return words === 0 ? 'No summaries' : `Essay, ${counted(words, 'word', 'words')}, no summaries`;
}

/** `/issues/<id>/cited-by/`: every issue that cites one issue, for issues cited more often than their page lists. */
export interface CitedByView extends PageAddress {
  /** The cited issue. */
  issue: IssueRef;
  pageTitle: string;
  description: string;
  /** Newest first. */
  issues: IssueRef[];
  /** `8 issues`. */
  countLabel: string;
}

/** The "cited by" page of an issue, or null when its own page lists every issue citing it. */
export function citedByView(issue: Issue, ref: IssueRef, citing: IssueRef[], siteUrl: string): CitedByView | null {
  if (citing.length <= REFERENCED_BY_SHOWN) return null;
  const name = issue.number === null ? ref.title : ref.numberLabel;
  return {
    ...addressOf(routes.citedBy(issue.id), siteUrl),
    issue: ref,
    pageTitle: `Issues citing ${name}`,
    description: `The ${counted(citing.length, 'issue', 'issues')} of the newsletter that cite ${name}, newest first.`,
    issues: citing,
    countLabel: counted(citing.length, 'issue', 'issues'),
  };
}

/**
 * Category headings and entries in reading order. A heading is emitted where the top-level
 * section or the sub-section changes; entry titles sit one level below their nearest heading,
 * so the page's headings never skip a level.
 */
export function issueBlocks(issue: Issue, views: EntryView[], highlights: LinkView): IssueBlock[] {
  const blocks: IssueBlock[] = [];
  const usedIds = new Set(issue.entries.map((e) => e.id));
  const headingId = (label: string): string => {
    const base = `section-${categorySlug(label)}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  let top: string | null = null;
  let sub: string | null = null;
  let anyHeading = false;
  issue.entries.forEach((entry, i) => {
    const view = views[i]!;
    // A highlight stands under Highlights on its issue's page, as the issue prints it, even when a
    // "Listed among the highlights." stub gave it a topic (its category, linked from the summary).
    const filedUnder = entry.highlight ? [highlights.label] : entry.category;
    const [first, ...rest] = filedUnder;
    const nextTop = first ?? (anyHeading ? 'Other summaries' : null);
    const nextSub = rest.length > 0 ? rest[rest.length - 1]! : null;
    const topLink = entry.highlight ? highlights : first === undefined ? null : (view.categories[0] ?? null);
    const subLink = rest.length > 0 ? (view.categories[view.categories.length - 1] ?? null) : null;
    if (nextTop !== top && nextTop !== null) {
      blocks.push({ kind: 'heading', level: 2, id: headingId(nextTop), label: topLink?.label ?? nextTop, href: topLink?.href ?? null });
      anyHeading = true;
      sub = null;
    }
    top = nextTop;
    if (nextSub !== null && nextSub !== sub) {
      blocks.push({ kind: 'heading', level: 3, id: headingId(nextSub), label: subLink?.label ?? nextSub, href: subLink?.href ?? null });
    }
    sub = nextSub;
    blocks.push({ kind: 'entry', level: top === null ? 2 : sub === null ? 3 : 4, entry: view });
  });
  return blocks;
}

/** The "In this issue" list from an issue's blocks: sections, sub-sections and their counts. */
export function issueToc(blocks: IssueBlock[]): TocItem[] {
  const items: TocItem[] = [];
  let top: TocItem | null = null;
  let sub: TocItem | null = null;
  let headings = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      headings++;
      const item: TocItem = { href: `#${block.id}`, label: block.label, count: 0, children: [] };
      if (block.level === 2 || top === null) {
        items.push(item);
        top = item;
        sub = null;
      } else {
        top.children.push(item);
        sub = item;
      }
    } else if (top !== null) {
      // Level 3: directly under the top-level heading; level 4: under its latest sub-section.
      top.count++;
      if (block.level === 4 && sub !== null) sub.count++;
    }
  }
  return headings < 2 ? [] : items;
}
