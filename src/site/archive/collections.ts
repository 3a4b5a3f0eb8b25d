/**
 * One pass over every entry of the archive: each entry's facts, view and export record (kept
 * between builds by SiteReuse), the spelling each person and category is shown with, and what
 * every page family lists: the appearances of each summary, the entries of each category and
 * person, each issue's entries, and which issues cite which. Pure, with maps (no nested scans).
 */
import type { MergedEntry } from '../../merge/paper.ts';
import { textPaper } from '../../merge/paper.ts';
import { splitAuthors } from '../../merge/author-names.ts';
import { foldName, nameAsShown } from '../../records/names.ts';
import type { People, Person } from '../../merge/people.ts';
import type { Entry, Issue } from '../../records/types.ts';
import type { CategoryIndex } from '../pages/categories.ts';
import { type EntryFacts, type EntryView, entryView, type LinkView } from './entry.ts';
import { type SummaryRecord, summaryRecord } from '../pages/exports.ts';
import type { IssueRef } from './issue-ref.ts';
import type { MarkdownRenderer } from '../text/markdown.ts';
import { plainExcerpt } from '../../records/plain-text.ts';
import { categorySlug, paperSlug, Spellings } from '../text/names.ts';
import type { PersonIndex } from '../pages/summarizers.ts';
import type { SiteReuse } from '../reuse.ts';
import { addressOf, routes } from '../routes.ts';
import { normalizeWords } from '../engines/search-rank.ts';

/** An entry of the archive: as parsed, or merged with the database (then it carries its `paper`). */
export type SiteEntry = Entry | MergedEntry;

/** What depends on one entry alone, from the reuse memo for a frozen entry. */
export function factsOf(entry: SiteEntry, reuse: SiteReuse): EntryFacts {
  let facts = reuse.facts.get(entry);
  if (facts === undefined) {
    const paper = 'paper' in entry ? entry.paper : textPaper(entry);
    facts = {
      paperSlug: paperSlug(entry.title),
      paper,
      categorySlugs: paper.topic.map((label) => reuse.categorySlugs.get(label, () => categorySlug(label))),
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

/** People, categories and authors as shown: keys first, the display spelling decided after one pass over every entry. */
export interface Names {
  person: Spellings;
  category: Spellings;
  author: Spellings;
  /** The page key of a summarizer or opinion author as written (people.yml and the first-name rule applied). */
  personKeyOf: (name: string) => string;
  personLink: (key: string) => LinkView;
  categoryLinkBySlug: (slug: string) => LinkView;
  /** A category's link by label (slugged again). */
  categoryLink: (label: string) => LinkView;
  authorLink: (slug: string) => LinkView;
  /** An author's page slug from the slug of their name as written: people.yml's canonical name's, for an alias. */
  authorSlugOf: (slug: string) => string;
  /** Each alias's author slug, with its person's: the author pages' old addresses. */
  authorAliases: ReadonlyMap<string, AuthorAlias>;
  /** An author's family name (`van der Maaten`; an organisation's whole name), to sort by. */
  authorSurname: (slug: string) => string;
  /** The slug of the highlight section (`highlights`): every highlight is listed there as well as under its topic. */
  highlightsSlug: string;
}

/** The author page a spelling of a people.yml person leads to. */
export interface AuthorAlias {
  slug: string;
  name: string;
  surname: string;
}

/**
 * For every person people.yml declares, each of their spellings' author slugs with the canonical
 * name's (`alexander-turner` and `turntrout` -> `alex-turner`). Only people.yml: the first-name
 * rules are about how issues credit summarizers, not how papers list authors.
 */
export function authorAliasesOf(people: readonly Person[]): Map<string, AuthorAlias> {
  const out = new Map<string, AuthorAlias>();
  for (const person of people) {
    if (!person.declared) continue;
    const [canonical] = splitAuthors(person.name).names;
    if (canonical === undefined) continue;
    for (const spelling of person.names) {
      for (const name of splitAuthors(spelling).names) {
        if (name.slug !== canonical.slug && !out.has(name.slug))
          out.set(name.slug, { slug: canonical.slug, name: canonical.name, surname: canonical.surname });
      }
    }
  }
  return out;
}

export function namesOf(
  issues: readonly Issue[],
  input: { reuse: SiteReuse; siteUrl: string; people: People; highlightsLabel: string },
): Names {
  const { reuse, siteUrl, people, highlightsLabel } = input;
  const spellings = new Spellings();
  const category = new Spellings();
  const author = new Spellings();
  const surnames = new Map<string, string>();
  // people.yml names authors too: an alias's author page is its person's (`Alexander Turner` is `Alex Turner`).
  const authorAliases = authorAliasesOf(people.all);
  for (const { slug, name } of authorAliases.values()) author.prefer(slug, name);
  const authorSlugOf = (slug: string): string => authorAliases.get(slug)?.slug ?? slug;
  /** Each name as written: its person's key, and the spelling it counts as (null: a short form, which never names the person). */
  const resolved = new Map<string, { key: string; spelling: string | null }>();
  const resolve = (written: string): { key: string; spelling: string | null } => {
    let found = resolved.get(written);
    if (found === undefined) {
      const shown = nameAsShown(written);
      const person = people.resolve(shown);
      // A canonical name from people.yml is shown as given; otherwise the person's most frequent
      // spelling of their own name (`Ada Shah` over `ada shah`), never a short form of it
      // (`Ada`, resolved to the one Ada Shah by the first-name rule), which names them last.
      if (person.declared) spellings.prefer(person.slug, person.name);
      else if (foldName(shown) !== person.key) spellings.fallback(person.slug, person.name);
      found = { key: person.slug, spelling: foldName(shown) === person.key ? shown : null };
      resolved.set(written, found);
    }
    return found;
  };
  const personKeyOf = (written: string): string => resolve(written).key;
  const slugOf = (label: string): string => reuse.categorySlugs.get(label, () => categorySlug(label));
  const highlightsSlug = slugOf(highlightsLabel);
  let anyHighlight = false;
  for (const issue of issues) {
    for (const entry of issue.entries) {
      const facts = factsOf(entry, reuse);
      for (const name of [...entry.summarizers, ...entry.opinions.map((o) => o.by)]) {
        const { key, spelling } = resolve(name);
        if (spelling !== null) spellings.add(key, spelling);
      }
      facts.paper.topic.forEach((label, i) => {
        category.add(facts.categorySlugs[i]!, label.trim());
      });
      if (facts.paper.highlight) anyHighlight = true;
      for (const a of facts.paper.authors) {
        const slug = authorSlugOf(a.slug);
        author.add(slug, a.name);
        if (!surnames.has(slug)) surnames.set(slug, authorAliases.get(a.slug)?.surname ?? a.surname);
      }
    }
  }
  if (anyHighlight) category.add(highlightsSlug, highlightsLabel);
  const categoryLinkBySlug = (slug: string): LinkView => ({
    label: category.best(slug),
    href: addressOf(routes.category(slug), siteUrl).href,
  });
  return {
    person: spellings,
    category,
    author,
    personKeyOf,
    personLink: (key) => ({ label: spellings.best(key), href: addressOf(routes.person(key), siteUrl).href }),
    categoryLinkBySlug,
    categoryLink: (label) => categoryLinkBySlug(slugOf(label)),
    authorSlugOf,
    authorLink: (slug) => {
      const key = authorSlugOf(slug);
      return { label: author.best(key), href: addressOf(routes.author(key), siteUrl).href };
    },
    authorSurname: (slug) => surnames.get(slug) ?? slug,
    authorAliases,
    highlightsSlug,
  };
}

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

/** What each page family lists, gathered in one pass over every entry, newest issue first. */
export interface Collections {
  /** Each summary page's title and appearances, by paper slug: titles with no summary have none. */
  papers: Map<string, { title: string; appearances: EntryView[] }>;
  categories: CategoryIndex;
  people: PersonIndex;
  /** The summaries of each author's papers, by author slug, newest issue first. */
  authors: Map<string, EntryView[]>;
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

/**
 * `highlightsSlug`: the highlight section's category, where every highlight is listed as well as
 * under its topic (a highlight's topic comes from a "Listed among the highlights." stub or the
 * database's Category; `paper.topic`).
 */
export function collections(
  issues: readonly Issue[],
  outputOf: (issue: Issue, entry: SiteEntry) => EntryOutput,
  highlightsSlug: string,
  pageOf: (slug: string) => string | null,
  /** An author's page slug from their name's (people.yml applied: `Names.authorSlugOf`). */
  authorSlugOf: (slug: string) => string = (slug) => slug,
): Collections {
  const papers = new Map<string, { title: string; appearances: EntryView[] }>();
  const categoryEntries = new Map<string, EntryView[]>();
  const categoryChildren = new Map<string, Set<string>>();
  const categoryParent = new Map<string, string>();
  const summarized = new Map<string, EntryView[]>();
  const opined = new Map<string, EntryView[]>();
  const authored = new Map<string, EntryView[]>();
  const issueEntries = new Map<string, EntryView[]>();
  const records: SummaryRecord[] = [];
  const texts: EntryFacts['words'][] = [];
  for (const issue of issues) {
    const views: EntryView[] = [];
    for (const entry of issue.entries) {
      const { view, record, facts, summarizerKeys, opinionKeys } = outputOf(issue, entry);
      views.push(view);
      if (pageOf(facts.paperSlug) === facts.paperSlug) {
        const paper = papers.get(facts.paperSlug);
        if (paper) paper.appearances.push(view);
        else papers.set(facts.paperSlug, { title: entry.title, appearances: [view] });
      }
      if (facts.paper.highlight) push(categoryEntries, highlightsSlug, view);
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
      for (const key of summarizerKeys) push(summarized, key, view);
      for (const key of opinionKeys) push(opined, key, view);
      for (const author of facts.paper.authors) push(authored, authorSlugOf(author.slug), view);
      records.push(record);
      texts.push(facts.words);
    }
    issueEntries.set(issue.id, views);
  }
  return {
    papers,
    categories: { entries: categoryEntries, children: categoryChildren, parent: categoryParent },
    people: { summarized, opined },
    authors: authored,
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

/** `owners`: the issue that owns each number (`numberOwners`), where `(WR #N)` points. */
export function citationGraph(issues: readonly Issue[], owners: ReadonlyMap<number, Issue>): CitationGraph {
  const cites = new Map<string, Issue[]>();
  const citedBy = new Map<string, Issue[]>();
  for (const issue of issues) {
    const numbers = new Set<number>(issue.references);
    for (const entry of issue.entries) for (const n of entry.references) numbers.add(n);
    const targets = [...numbers]
      .map((n) => owners.get(n))
      .filter((target): target is Issue => target !== undefined && target.id !== issue.id);
    cites.set(issue.id, targets);
    for (const target of targets) push(citedBy, target.id, issue);
  }
  return { cites, citedBy };
}
