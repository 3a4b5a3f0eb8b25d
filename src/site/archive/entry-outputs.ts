/**
 * Each entry's outputs: its view (what the pages print) and its export record, made once and
 * handed back from an earlier build while nothing they show changed (SiteReuse `views`).
 */
import type { Issue } from '../../records/types.ts';
import { type EntryFacts, type EntryView, entryView } from './entry.ts';
import { factsOf, type SiteEntry } from './entry-facts.ts';
import type { IssueRef } from './issue-ref.ts';
import type { Names } from './site-names.ts';
import { type SummaryRecord, summaryRecord } from './summary-record.ts';
import type { MarkdownRenderer } from '../text/markdown.ts';
import type { SiteReuse } from '../reuse.ts';

export interface EntryOutput {
  view: EntryView;
  record: SummaryRecord;
  facts: EntryFacts;
  /** Page keys of its summarizers and opinion authors. */
  summarizerKeys: readonly string[];
  opinionKeys: readonly string[];
}

/** Makes each entry's view and export record, or hands back the ones from an earlier call when nothing they show changed. */
export function entryOutputs(input: {
  reuse: SiteReuse;
  names: Names;
  markdown: MarkdownRenderer;
  siteUrl: string;
  refOf: (issue: Issue) => IssueRef;
  /** The summary page each title links to (`summaryPages`). */
  pageOf: (slug: string) => string | null;
}): (issue: Issue, entry: SiteEntry) => EntryOutput {
  const { reuse, names, markdown, siteUrl, refOf, pageOf } = input;
  const issueContexts = new Map<string, string>();
  /** Everything besides the entry itself that its view and record show. */
  const contextOf = (issue: Issue, facts: EntryFacts, people: readonly string[]): string => {
    let forIssue = issueContexts.get(issue.id);
    if (forIssue === undefined) {
      forIssue = JSON.stringify([siteUrl, issue.source, issue.title, refOf(issue)]);
      issueContexts.set(issue.id, forIssue);
    }
    const spellings = [
      ...facts.categorySlugs.map((slug) => names.category.best(slug)),
      ...people,
      ...people.map((key) => names.person.best(key)),
      ...facts.paper.authors.flatMap((a) => {
        const slug = names.authorSlugOf(a.slug);
        return [slug, names.author.best(slug)];
      }),
    ];
    return `${forIssue}${JSON.stringify(spellings)}`;
  };
  return (issue, entry) => {
    const facts = factsOf(entry, reuse);
    const summarizerKeys = entry.summarizers.map(names.personKeyOf);
    const opinionKeys = entry.opinions.map((o) => names.personKeyOf(o.by));
    const summaryPage = pageOf(facts.paperSlug);
    const context = contextOf(issue, facts, [...summarizerKeys, '|', ...opinionKeys, '|', summaryPage ?? '']);
    const kept = reuse.views.get(entry);
    if (kept !== undefined && kept.context === context && kept.markdown === markdown)
      return { view: kept.view, record: kept.record, facts, summarizerKeys, opinionKeys };
    const ref = refOf(issue);
    const view = entryView({
      ref,
      entry,
      source: issue.source,
      facts,
      siteUrl,
      markdown,
      summaryPage,
      summarizerKeys,
      opinionKeys,
      personLink: names.personLink,
      categoryLink: names.categoryLinkBySlug,
      authorLink: names.authorLink,
    });
    const record = summaryRecord({
      issue,
      entry,
      paper: view.paper,
      entryCanonical: view.entryCanonical,
      summaryPage,
      issueLabel: ref.numberLabel,
      siteUrl,
      topic: facts.paper.topic,
    });
    if (Object.isFrozen(entry)) reuse.views.set(entry, { context, markdown, view, record });
    return { view, record, facts, summarizerKeys, opinionKeys };
  };
}
