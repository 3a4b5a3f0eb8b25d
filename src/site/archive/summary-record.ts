/**
 * The export record of one entry: the row it is in summaries.json and summaries.csv, with the raw
 * Markdown and the public URLs. Pure; made beside the entry's view (`entryOutputs`), kept as long
 * as the view is.
 */
import type { Entry, Issue } from '../../records/types.ts';
import type { PaperInfoView } from './entry.ts';
import { numberLabel } from '../text/format.ts';
import { addressOf, routes } from '../routes.ts';

/** One row of summaries.json / summaries.csv. */
export interface SummaryRecord {
  issue_id: string;
  issue_number: number | null;
  /** The issue's number as the newsletter writes it (`WR #98`, else `#98`); null when unknown. */
  issue_label: string | null;
  issue_date: string | null;
  issue_title: string | null;
  entry_id: string;
  title: string;
  /** Every author, one name each: the text's, completed from the newsletter's database. */
  authors: string[];
  /** The list names only some of the authors (`et al`). */
  authors_et_al: boolean;
  /** The paper itself: the title's link in the text, else the database's URL; null when unknown. */
  paper_url: string | null;
  venue: string | null;
  year: number | null;
  summarizers: string[];
  /** Hat tips in the header (`(via X)`): who pointed the newsletter to it. */
  hat_tips: string[];
  /** Heading path as the issue printed it (a highlight's starts with the highlights heading). */
  category: string[];
  /** Heading path of its topic, never the highlights heading: the text's, else the database's; [] when unknown. */
  topic: string[];
  highlight: boolean;
  summary: string;
  opinions: { by: string; text: string }[];
  read_more: string[];
  prerequisites: string[];
  references: number[];
  url: string;
  /** The summary page of its title (or of the same paper under another title); null when there is none. */
  summary_page: string | null;
}

export interface SummaryRecordInput {
  issue: Issue;
  entry: Entry;
  /** The paper as the entry's view shows it. */
  paper: PaperInfoView;
  /** The entry on its issue page, as an absolute URL. */
  entryCanonical: string;
  /** The slug of the summary page it links to, or null (`summaryPages`). */
  summaryPage: string | null;
  /** The issue's number as the site shows it (`IssueRef.numberLabel`). */
  issueLabel?: string;
  siteUrl: string;
  /** Its topic's heading path (the merged paper's `topic`). */
  topic?: readonly string[];
}

export function summaryRecord({
  issue,
  entry,
  paper,
  entryCanonical,
  summaryPage,
  issueLabel,
  siteUrl,
  topic = [],
}: SummaryRecordInput): SummaryRecord {
  return {
    issue_id: issue.id,
    issue_number: issue.number,
    issue_label: issue.number === null ? null : (issueLabel ?? numberLabel(issue.number)),
    issue_date: issue.date,
    issue_title: issue.title,
    entry_id: entry.id,
    title: entry.title,
    authors: paper.authors.map((a) => a.label),
    authors_et_al: paper.etAl,
    paper_url: paper.href,
    venue: paper.venue,
    year: paper.year === null ? null : Number(paper.year),
    summarizers: entry.summarizers,
    hat_tips: entry.hatTips,
    category: entry.category,
    topic: [...topic],
    highlight: entry.highlight,
    summary: entry.summary,
    opinions: entry.opinions.map((o) => ({ by: o.by, text: o.text })),
    read_more: entry.readMore,
    prerequisites: entry.prerequisites,
    references: entry.references,
    url: entryCanonical,
    summary_page: summaryPage === null ? null : addressOf(routes.paper(summaryPage), siteUrl).canonical,
  };
}
