/**
 * One pass over every entry of the archive: each entry's facts, view and export record (kept
 * between builds by SiteReuse), the spelling each person and category is shown with, and what
 * every page family lists: the appearances of each summary, the entries of each category and
 * person, each issue's entries, and which issues cite which. Pure, with maps (no nested scans).
 */
import { citedIssues } from '../records/citations.ts';
import type { Entry, Issue } from '../records/types.ts';
import type { CategoryIndex } from './category.ts';
import { type EntryFacts, type EntryView, entryView, type LinkView } from './entry.ts';
import { type SummaryRecord, summaryRecord } from './exports.ts';
import { type IssueRef, issueTitle } from './issue-ref.ts';
import { type MarkdownRenderer, plainExcerpt } from './markdown.ts';
import { categorySlug, paperSlug, personKey, personName, Spellings } from './names.ts';
import type { PersonIndex } from './person.ts';
import type { SiteReuse } from './reuse.ts';
import { addressOf, routes } from './routes.ts';
import { normalizeWords } from './search-rank.ts';

/** What depends on one entry alone, from the reuse memo for a frozen entry. */
export function factsOf(entry: Entry, reuse: SiteReuse): EntryFacts {
  let facts = reuse.facts.get(entry);
  if (facts === undefined) {
    const keyOf = (name: string): string => reuse.personKeys.get(name, () => personKey(name));
    facts = {
      paperSlug: paperSlug(entry.title),
      categorySlugs: entry.category.map((label) => reuse.categorySlugs.get(label, () => categorySlug(label))),
      summarizerKeys: entry.summarizers.map(keyOf),
      opinionKeys: entry.opinions.map((o) => keyOf(o.by)),
      excerpt: plainExcerpt(entry.summary, 220),
      words: {
        title: normalizeWords(entry.title),
        text: normalizeWords([entry.summary, ...entry.opinions.map((o) => o.text)].join(' ')),
      },
    };
    if (Object.isFrozen(entry)) reuse.facts.set(entry, facts);
  }
  return facts;
}

/** People and categories as shown: keys first, the display spelling decided after one pass over every entry. */
export interface Names {
  person: Spellings;
  category: Spellings;
  personLink: (key: string) => LinkView;
  categoryLinkBySlug: (slug: string) => LinkView;
  /** A category's link by label (slugged again). */
  categoryLink: (label: string) => LinkView;
}

export function namesOf(issues: readonly Issue[], reuse: SiteReuse, siteUrl: string): Names {
  const person = new Spellings();
  const category = new Spellings();
  for (const issue of issues) {
    for (const entry of issue.entries) {
      const facts = factsOf(entry, reuse);
      entry.summarizers.forEach((name, i) => {
        person.add(facts.summarizerKeys[i]!, personName(name));
      });
      entry.opinions.forEach((opinion, i) => {
        person.add(facts.opinionKeys[i]!, personName(opinion.by));
      });
      entry.category.forEach((label, i) => {
        category.add(facts.categorySlugs[i]!, label.trim());
      });
    }
  }
  const categoryLinkBySlug = (slug: string): LinkView => ({
    label: category.best(slug),
    href: addressOf(routes.category(slug), siteUrl).href,
  });
  return {
    person,
    category,
    personLink: (key) => ({ label: person.best(key), href: addressOf(routes.person(key), siteUrl).href }),
    categoryLinkBySlug,
    categoryLink: (label) => categoryLinkBySlug(reuse.categorySlugs.get(label, () => categorySlug(label))),
  };
}

export interface EntryOutput {
  view: EntryView;
  record: SummaryRecord;
  facts: EntryFacts;
}

/** Makes each entry's view and export record, or hands back the ones from an earlier call when nothing they show changed. */
export function entryOutputs(input: {
  reuse: SiteReuse;
  names: Names;
  markdown: MarkdownRenderer;
  siteUrl: string;
  refOf: (issue: Issue) => IssueRef;
}): (issue: Issue, entry: Entry) => EntryOutput {
  const { reuse, names, markdown, siteUrl, refOf } = input;
  const issueContexts = new Map<string, string>();
  /** Everything besides the entry itself that its view and record show. */
  const contextOf = (issue: Issue, facts: EntryFacts): string => {
    let forIssue = issueContexts.get(issue.id);
    if (forIssue === undefined) {
      forIssue = JSON.stringify([siteUrl, issue.id, issue.number, issue.date, issue.title, issueTitle(issue)]);
      issueContexts.set(issue.id, forIssue);
    }
    const spellings = [
      ...facts.categorySlugs.map((slug) => names.category.best(slug)),
      ...facts.summarizerKeys.map((key) => names.person.best(key)),
      ...facts.opinionKeys.map((key) => names.person.best(key)),
    ];
    return `${forIssue}${JSON.stringify(spellings)}`;
  };
  return (issue, entry) => {
    const facts = factsOf(entry, reuse);
    const context = contextOf(issue, facts);
    const kept = reuse.views.get(entry);
    if (kept !== undefined && kept.context === context && kept.markdown === markdown)
      return { view: kept.view, record: kept.record, facts };
    const view = entryView({
      issue,
      ref: refOf(issue),
      entry,
      facts,
      siteUrl,
      markdown,
      personLink: names.personLink,
      categoryLink: names.categoryLinkBySlug,
    });
    const record = summaryRecord({ issue, entry, entryCanonical: view.entryCanonical, paperSlug: facts.paperSlug, siteUrl });
    if (Object.isFrozen(entry)) reuse.views.set(entry, { context, markdown, view, record });
    return { view, record, facts };
  };
}

/** What each page family lists, gathered in one pass over every entry, newest issue first. */
export interface Collections {
  /** Each title's appearances, by paper slug. */
  papers: Map<string, { title: string; appearances: EntryView[] }>;
  categories: CategoryIndex;
  people: PersonIndex;
  /** Each issue's entry views, by issue id, in reading order. */
  issueEntries: Map<string, EntryView[]>;
  records: SummaryRecord[];
  /** Every entry's words, for search ranking. */
  texts: EntryFacts['words'][];
}

/** Appends `value` to the list under `key`, unless it is already the list's last item. */
function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

export function collections(issues: readonly Issue[], outputOf: (issue: Issue, entry: Entry) => EntryOutput): Collections {
  const papers = new Map<string, { title: string; appearances: EntryView[] }>();
  const categoryEntries = new Map<string, EntryView[]>();
  const categoryChildren = new Map<string, Set<string>>();
  const categoryParent = new Map<string, string>();
  const summarized = new Map<string, EntryView[]>();
  const opined = new Map<string, EntryView[]>();
  const issueEntries = new Map<string, EntryView[]>();
  const records: SummaryRecord[] = [];
  const texts: EntryFacts['words'][] = [];
  for (const issue of issues) {
    const views: EntryView[] = [];
    for (const entry of issue.entries) {
      const { view, record, facts } = outputOf(issue, entry);
      views.push(view);
      const paper = papers.get(facts.paperSlug);
      if (paper) paper.appearances.push(view);
      else papers.set(facts.paperSlug, { title: entry.title, appearances: [view] });
      facts.categorySlugs.forEach((slug, depth) => {
        push(categoryEntries, slug, view);
        const parentSlug = facts.categorySlugs[depth - 1];
        if (parentSlug !== undefined) {
          if (!categoryParent.has(slug)) categoryParent.set(slug, parentSlug);
          const children = categoryChildren.get(parentSlug) ?? new Set<string>();
          children.add(slug);
          categoryChildren.set(parentSlug, children);
        }
      });
      for (const key of facts.summarizerKeys) push(summarized, key, view);
      for (const key of facts.opinionKeys) push(opined, key, view);
      records.push(record);
      texts.push(facts.words);
    }
    issueEntries.set(issue.id, views);
  }
  return {
    papers,
    categories: { entries: categoryEntries, children: categoryChildren, parent: categoryParent },
    people: { summarized, opined },
    issueEntries,
    records,
    texts,
  };
}

/** Which issues of the archive each issue cites (intro and entries, in order of first citation), and which cite it (newest first). */
export interface CitationGraph {
  cites: Map<string, Issue[]>;
  citedBy: Map<string, Issue[]>;
}

/** `owners`: the issue that owns each number (`numberOwners`), where `(AN #N)` points. */
export function citationGraph(issues: readonly Issue[], owners: ReadonlyMap<number, Issue>): CitationGraph {
  const cites = new Map<string, Issue[]>();
  const citedBy = new Map<string, Issue[]>();
  for (const issue of issues) {
    const numbers = new Set<number>(citedIssues(issue.intro));
    for (const entry of issue.entries) for (const n of entry.references) numbers.add(n);
    const targets = [...numbers]
      .map((n) => owners.get(n))
      .filter((target): target is Issue => target !== undefined && target.id !== issue.id);
    cites.set(issue.id, targets);
    for (const target of targets) push(citedBy, target.id, issue);
  }
  return { cites, citedBy };
}
