/**
 * Site data from parsed issues: everything a template prints, prepared here. The public API of
 * the site stage, and a visible composition of the modules in `src/site/`, one per page family:
 *
 *   settings -> issues newest first -> names (people, categories) -> entries (view + record each)
 *   -> collections (what each page lists) + citation graph
 *   -> issue pages, "cited by" pages, summary pages, category pages, people pages, indexes
 *   -> redirects from people pages' old addresses
 *
 * Pure: issues and settings in, SiteData out; no I/O. What it may keep from one call to the
 * next comes in as `reuse` (docs/ARCHITECTURE.md, Incremental rebuilds). Every collection is built
 * in one pass over the entries with maps, and every display string (dates, labels, hrefs,
 * rendered Markdown) is computed once, so templates only loop and print.
 */
import { createPeople, type People } from './merge/people.ts';
import { numberOwners } from './records/citations.ts';
import { type CitationRules, NO_CITATIONS } from './records/dialect.ts';
import type { Category } from './records/categories.ts';
import type { DateBound, Issue } from './records/types.ts';
import { authorIndex, authorViews } from './site/pages/authors.ts';
import { categoryTree, categoryViews } from './site/pages/categories.ts';
import { citationGraph } from './site/archive/citation-graph.ts';
import { factsOf } from './site/archive/entry-facts.ts';
import { entryOutputs } from './site/archive/entry-outputs.ts';
import { collections } from './site/archive/page-lists.ts';
import { namesOf } from './site/archive/site-names.ts';
import {
  archiveFiles,
  feed,
  issueYears,
  newestDate,
  type SiteSettings,
  settingsView,
  searchFilters,
  staticPages,
  indexWording,
} from './site/pages/indexes.ts';
import { chronology } from './site/archive/chronology.ts';
import { type IssueRef, issueRef } from './site/archive/issue-ref.ts';
import { citedByView, type IssueView, issueView } from './site/pages/issues.ts';
import { createMarkdown, type MarkdownRenderer } from './site/text/markdown.ts';
import { formatDate, numberLabel } from './site/text/format.ts';
import { categorySlug, peopleNamed } from './site/text/names.ts';
import { type PaperView, paperView, paperWeights } from './site/pages/papers.ts';
import { personViews } from './site/pages/summarizers.ts';
import { fixedPaths } from './site/page-sources.ts';
import { familyLists } from './site/families.ts';
import { sitemapUrls, sitemapXml } from './site/pages/sitemap.ts';
import type { SiteData } from './site/site-data.ts';
import type { MovedTitle } from './site/pages/paper-redirects.ts';
import type { EntryView } from './site/archive/entry.ts';
import { SiteReuse } from './site/reuse.ts';
import { hasSummary, summaryPages } from './site/archive/summary-pages.ts';
import { searchRecords } from './site/pages/search-records.ts';
import { hrefOf, issueLinker, normalizePrefix, routes } from './site/routes.ts';
import { ALL_FEATURES, type Features } from './site/features.ts';
import { type PaperEntries, RelatedMemo, relatedPages } from './site/engines/related-pages.ts';
import { CiteMemo } from './site/pages/bib.ts';
import { extras } from './site/pages/extras.ts';
import { ChartMemo } from './site/pages/stats.ts';

export type { SiteSettings } from './site/pages/indexes.ts';

export interface CollectOptions {
  settings: SiteSettings;
  /** The section vocabulary, in file order: decides the order of categories on the site. */
  vocabulary?: Category[];
  /**
   * Who is who among summarizers and opinion authors (people.yml and the first-name rule:
   * src/merge/people.ts). Default: the first-name rule over the archive's own names.
   */
  people?: People;
  /** Parse warnings, only counted for the report. */
  warningCount?: number;
  /** Newest issues shown on the home page. */
  latestCount?: number;
  /** Issues in the Atom feed. */
  feedCount?: number;
  /**
   * A renderer to reuse (and its cache) across builds; it must link references as
   * `createMarkdown(issueLinker(issues), citations)` would. Default: a fresh one.
   */
  markdown?: MarkdownRenderer;
  /** How the newsletter cites its issues (its dialect's `citation`), for a fresh renderer. Default: it cites none. */
  citations?: CitationRules;
  /**
   * What is kept between calls (watch mode): entry views, export records, slugs and excerpts of
   * entries that did not change, and pages whose input did not change, so collecting after one
   * edit renders and slugs only what the edit touched (`SiteReuse`). Default: a fresh one,
   * used for this call only.
   */
  reuse?: SiteReuse;
  /** Which optional features are on (site.yml; src/site/features.ts). Default: all. */
  features?: Features;
  /** What related summaries keep between calls (src/site/engines/related-pages.ts). Default: a fresh one. */
  related?: RelatedMemo;
  /** Charts kept between calls (src/site/pages/stats.ts). Default: a fresh one. */
  charts?: ChartMemo;
  /** Each summary's BibTeX, kept between calls (src/site/pages/bib.ts). Default: a fresh one. */
  cite?: CiteMemo;
}

export { FAMILIES, FAMILY_NAMES, type FamilyName } from './site/families.ts';
export type { SiteData } from './site/site-data.ts';

/**
 * Builds everything the templates need. The issues may be merged with the newsletter's database
 * (`mergeDatabase`: each entry carries its `paper`); an entry that is not is shown with the paper
 * its text describes.
 */
export function collectSite(issuesIn: readonly Issue[], options: CollectOptions): SiteData {
  const settings: SiteSettings = {
    ...options.settings,
    pathPrefix: normalizePrefix(options.settings.pathPrefix),
    url: options.settings.url.endsWith('/') ? options.settings.url : `${options.settings.url}/`,
  };
  const siteUrl = settings.url;
  const reuse = options.reuse ?? new SiteReuse();
  const numberPrefix = (options.citations ?? NO_CITATIONS).numberPrefix;
  // Newest first, by number: an issue whose date is unknown stays in sequence, with what is known of its date.
  const order = chronology(issuesIn, {
    lowerBounds: (issue) => paperYearBound(issue, reuse),
    describe: (issue) =>
      issue.date === null
        ? numberLabel(issue.number, numberPrefix)
        : `${numberLabel(issue.number, numberPrefix)} (${formatDate(issue.date)})`,
  });
  const issues = order.ordered.map((place) => place.issue).reverse();
  const markdown = options.markdown ?? createMarkdown(issueLinker(issues), options.citations ?? NO_CITATIONS);
  const { pages, excerpt } = reuse;
  const refs = new Map<string, IssueRef>(
    order.ordered.map(({ issue, year, bounds, index }) => [
      issue.id,
      pages.page(`ref ${issue.id}`, issueRef, { issue, year, bounds, index, siteUrl, numberPrefix }),
    ]),
  );
  const refOf = (issue: Issue): IssueRef => refs.get(issue.id)!;

  const highlightSections = (options.vocabulary ?? []).filter((c) => c.highlight);
  const whoIsWho = options.people ?? createPeople([], peopleNamed(issues));
  const names = namesOf(issues, { reuse, siteUrl, people: whoIsWho, highlightsLabel: highlightSections[0]?.label ?? 'Highlights' });
  const pageOf = summaryPages(
    issues.flatMap((issue) =>
      issue.entries.map((entry) => {
        const facts = factsOf(entry, reuse);
        return { slug: facts.paperSlug, url: facts.paper.url, summary: hasSummary(entry) };
      }),
    ),
  );
  const all = collections(
    issues,
    entryOutputs({ reuse, names, markdown, siteUrl, refOf, pageOf }),
    names.highlightsSlug,
    pageOf,
    names.authorSlugOf,
  );
  const graph = citationGraph(issues, numberOwners(issues));
  const citingOf = (issue: Issue): IssueRef[] => (graph.citedBy.get(issue.id) ?? []).map(refOf);

  const issueViews: IssueView[] = issues.map((issue, i) => {
    const older = issues[i + 1];
    const newer = issues[i - 1];
    return pages.page(`issue ${issue.id}`, issueView, {
      issue,
      ref: refOf(issue),
      older: older ? refOf(older) : null,
      newer: newer ? refOf(newer) : null,
      cited: graph.cites.get(issue.id)!.map(refOf),
      citing: citingOf(issue),
      entries: all.issueEntries.get(issue.id)!,
      highlights: names.categoryLinkBySlug(names.highlightsSlug),
      siteUrl,
      markdown,
      excerpt,
    });
  });
  const citedByViews = issues.flatMap((issue) => citedByView(issue, refOf(issue), citingOf(issue), siteUrl) ?? []);

  const slugOf = (label: string): string => reuse.categorySlugs.get(label, () => categorySlug(label));
  const highlights = new Set([names.highlightsSlug, ...highlightSections.map((c) => slugOf(c.label))]);
  const sectionLabels = [...highlights].map((slug) => names.category.best(slug));
  const features = options.features ?? ALL_FEATURES;
  const owners = numberOwners(issues);
  const related = features.related
    ? relatedPages({
        entries: paperEntries(issues, reuse, all.papers),
        papers: all.papers,
        owns: (issue) => issue.number !== null && owners.get(issue.number) === issue,
        memo: options.related ?? new RelatedMemo(),
      })
    : null;
  const newsletter = settings.newsletter ?? settings.title;
  const allEntries = issues.flatMap((issue) => all.issueEntries.get(issue.id)!);
  const weights = paperWeights(all.papers, all.texts);
  const paperViews: PaperView[] = [...all.papers.entries()]
    .map(([slug, paper]) =>
      pages.page(`paper ${slug}`, paperView, {
        slug,
        title: paper.title,
        newestFirst: paper.appearances,
        sectionLabels,
        weight: weights.get(slug)!,
        siteUrl,
        excerpt,
        related: related?.get(slug) ?? [],
        citeAs: features.cite ? newsletter : null,
      }),
    )
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

  const categoryList = categoryViews({
    index: all.categories,
    spelling: (slug) => names.category.best(slug),
    link: names.categoryLink,
    order: new Map((options.vocabulary ?? []).map((c, i) => [slugOf(c.label), i])),
    highlights,
    searchHref: hrefOf(routes.search),
    siteUrl,
  });
  const tree = categoryTree(categoryList);
  const personList = personViews({ index: all.people, spelling: (key) => names.person.best(key), siteUrl });
  const summarizerPages = new Map(personList.map((p) => [p.slug, { href: p.href, label: `${p.name} as a summarizer` }]));
  const authors = authorViews({
    index: all.authors,
    spelling: (slug) => names.author.best(slug),
    surname: names.authorSurname,
    summarizer: (slug) => summarizerPages.get(slug) ?? null,
    siteUrl,
  });
  const authored = all.records.filter((r) => r.authors.length > 0).length;
  const shown = settingsView(settings);
  const {
    categories,
    people,
    feeds,
    bibFiles,
    stats: chartPages,
  } = extras({
    features,
    categories: categoryList,
    people: personList,
    entries: allEntries,
    cited: issues.flatMap((issue) => {
      const count = graph.citedBy.get(issue.id)?.length ?? 0;
      return count === 0 ? [] : [{ label: refOf(issue).numberLabel, title: refOf(issue).title, citedBy: count }];
    }),
    newestDate: newestDate(issues),
    siteTitle: settings.title,
    language: settings.language,
    newsletter,
    siteUrl,
    pages,
    charts: options.charts ?? new ChartMemo(),
    cite: options.cite ?? new CiteMemo(),
    paperEntries: new Map(paperViews.map((p) => [p.href, p.cite?.paperEntry ?? null])),
  });
  pages.done();
  const { records, kinds: searchKinds } = searchRecords(issueViews, new Set(paperViews.filter((p) => p.search.indexed).map((p) => p.href)));

  const authorList = authorIndex(authors, names.authorSurname, authored, siteUrl);
  const moved = movedTitles(issues, all.issueEntries, pageOf, reuse);
  const written = new Set(
    issues.flatMap((issue) => issue.entries.flatMap((entry) => factsOf(entry, reuse).paper.authors.map((a) => a.slug))),
  );
  const staticViews = staticPages(settings, { issues: issues.length, summaries: all.records.length });
  const families = familyLists(
    {
      siteUrl,
      issues: issueViews,
      citedBy: citedByViews,
      papers: paperViews,
      categories,
      people,
      authors,
      authorLetters: authorList.letterPages,
      feeds,
      bibFiles,
      chartPages,
      moved: { people: whoIsWho.all, authorAliases: names.authorAliases, written, titles: moved },
    },
    fixedPaths({ pages: staticViews }),
  );
  return {
    ...families,
    sitemap: sitemapXml(sitemapUrls({ pages: staticViews, ...families })),
    pages: staticViews,
    files: archiveFiles(settings),
    settings: shown,
    counts: {
      issues: issues.length,
      entries: all.records.length,
      papers: paperViews.length,
      categories: categories.length,
      summarizers: people.length,
      authors: authors.length,
      warnings: options.warningCount ?? 0,
    },
    ...indexWording(shown, {
      issues: issues.length,
      summaries: all.records.length,
      categories: categories.length,
      summarizers: people.length,
      authors: authors.length,
      dated: order.years.length > 0,
    }),
    latest: issueViews.slice(0, options.latestCount ?? 6),
    years: issueYears(issues.map(refOf)),
    categoryTree: tree,
    authorIndex: { lede: authorList.lede, groups: authorList.groups, letters: authorList.letters },
    // Highlights have a filter of their own; the category filter is for topics.
    searchFilters: searchFilters(
      issues.map(refOf),
      paperViews.map((p) => p.appearances.map((a) => a.year)),
      tree.filter((c) => !highlights.has(c.slug)),
      people,
      [
        ...paperViews
          .filter((p) => p.search.indexed)
          .map((p) => ({ venue: p.search.venue || null, year: p.search.year || null, opinion: p.search.hasOpinion })),
        ...records.flatMap((r) => (r.kind === 'one' ? [{ venue: r.meta.venue ?? null, year: r.meta.year ?? null, opinion: false }] : [])),
      ],
      searchKinds,
    ),
    feed: feed(issues, issueViews, options.feedCount ?? 20, settings),
    searchRecords: records,
    records: all.records,
    features,
  };
}

/** The titles that have no summary page of their own (they had one before any was left out), with their appearances, newest first. */
function movedTitles(
  issues: readonly Issue[],
  views: ReadonlyMap<string, EntryView[]>,
  pageOf: (slug: string) => string | null,
  reuse: SiteReuse,
): MovedTitle[] {
  const moved = new Map<string, MovedTitle & { newestFirst: EntryView[] }>();
  for (const issue of issues) {
    const list = views.get(issue.id)!;
    issue.entries.forEach((entry, i) => {
      const slug = factsOf(entry, reuse).paperSlug;
      if (pageOf(slug) === slug) return;
      const title = moved.get(slug);
      if (title) title.newestFirst.push(list[i]!);
      else moved.set(slug, { slug, title: entry.title, newestFirst: [list[i]!] });
    });
  }
  return [...moved.values()];
}

/** The year of the newest paper an issue summarizes (the database's `Year`), as a lower bound of its date. */
function paperYearBound(issue: Issue, reuse: SiteReuse): DateBound[] {
  let newest: number | null = null;
  for (const entry of issue.entries) {
    const year = factsOf(entry, reuse).paper.year;
    if (year !== null && (newest === null || year > newest)) newest = year;
  }
  return newest === null
    ? []
    : [{ date: `${newest}-01-01`, precision: 'year', from: `it summarizes a paper of ${newest} (the database's Year)` }];
}

/** Each summary page's entries with their issues, by slug, newest issue first (as `issues` comes). */
function paperEntries(issues: readonly Issue[], reuse: SiteReuse, papers: ReadonlyMap<string, unknown>): Map<string, PaperEntries> {
  const out = new Map<string, { issue: Issue; entry: Issue['entries'][number] }[]>();
  for (const issue of issues) {
    for (const entry of issue.entries) {
      const slug = factsOf(entry, reuse).paperSlug;
      if (!papers.has(slug)) continue;
      const list = out.get(slug);
      if (list) list.push({ issue, entry });
      else out.set(slug, [{ issue, entry }]);
    }
  }
  return out;
}
