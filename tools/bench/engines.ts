/**
 * The cost of the archive-wide engines (related summaries, charts, BibTeX, topic feeds) on a
 * parsed archive cut to a given number of summaries: what adding them to a build would cost.
 * `tools/bench-engines.ts` runs it from the command line; the benchmark can call it per size.
 */
import type { Issue } from '../../src/records/types.ts';
import { splitNames } from '../../src/parse/authors.ts';
import { relatedSummaries, type RelatedInput } from '../../src/site/engines/related.ts';
import {
  categoriesOverTime,
  mostCitedIssues,
  perYearSparkline,
  summariesPerQuarter,
  summarizersOverTime,
  type ChartSummary,
  type CitedIssue,
} from '../../src/site/engines/charts.ts';
import { bibFile, paperEntry, summaryEntry, type BibEntry } from '../../src/site/engines/bibtex.ts';
import { subjectFeeds, type FeedSubject, type FeedSummary } from '../../src/site/engines/atom.ts';
import { plainExcerpt } from '../../src/records/plain-text.ts';
import { stableSlug } from '../../src/records/slug.ts';

export interface EngineTiming {
  /** CPU milliseconds of the first call in the process (cold: modules and V8 not warmed up). */
  firstMs: number;
  /** CPU milliseconds of the best of the later calls. */
  bestMs: number;
}

export interface EngineResult {
  summaries: number;
  issues: number;
  related: EngineTiming & { withReasons: Record<string, number>; emptyLists: number };
  charts: EngineTiming & { svgBytes: number; sparklines: number };
  bibtex: EngineTiming & { entries: number; bytes: number };
  feeds: EngineTiming & { feeds: number };
}

const SITE = 'https://archive.example/';

/** The first `count` summaries of the archive in issue order, and the issues they are in. */
export function takeSummaries(issues: readonly Issue[], count: number): { issue: Issue; entry: Issue['entries'][number] }[] {
  const out: { issue: Issue; entry: Issue['entries'][number] }[] = [];
  for (const issue of issues) {
    for (const entry of issue.entries) {
      if (out.length === count) return out;
      out.push({ issue, entry });
    }
  }
  return out;
}

function cpu(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function time(run: () => void, repeats: number): EngineTiming {
  const firstMs = cpu(run);
  let bestMs = Infinity;
  for (let i = 0; i < repeats; i++) bestMs = Math.min(bestMs, cpu(run));
  return { firstMs, bestMs: repeats === 0 ? firstMs : bestMs };
}

/** Runs every engine on `count` summaries of `issues` (1 cold run and `repeats` warm ones each). */
export function measureEngines(issues: readonly Issue[], count: number, repeats = 2): EngineResult {
  const taken = takeSummaries(issues, count);
  const key = (issue: Issue, entry: Issue['entries'][number]): string => `${issue.id}/${entry.id}`;
  const authorsOf = (entry: Issue['entries'][number]): string[] => (entry.authors === null ? [] : splitNames(entry.authors));

  const relatedInput: RelatedInput[] = taken.map(({ issue, entry }) => ({
    id: key(issue, entry),
    title: entry.title,
    summary: entry.summary,
    opinions: entry.opinions.map((o) => o.text),
    authors: authorsOf(entry),
    category: entry.category,
    issueNumber: issue.number,
    cites: entry.references,
  }));
  let related = new Map<string, { reasons: string[] }[]>();
  const relatedTime = time(() => {
    related = relatedSummaries(relatedInput);
  }, repeats);
  const withReasons: Record<string, number> = {};
  let emptyLists = 0;
  for (const list of related.values()) {
    if (list.length === 0) emptyLists++;
    for (const link of list) for (const reason of link.reasons) withReasons[reason] = (withReasons[reason] ?? 0) + 1;
  }

  const chartInput: ChartSummary[] = taken.map(({ issue, entry }) => ({
    date: issue.date,
    category: entry.category,
    summarizers: entry.summarizers,
  }));
  const citedBy = new Map<number, number>();
  for (const { entry } of taken) for (const n of new Set(entry.references)) citedBy.set(n, (citedBy.get(n) ?? 0) + 1);
  const cited: CitedIssue[] = [...citedBy].map(([n, c]) => ({ label: `AN #${n}`, title: `Issue ${n}`, citedBy: c }));
  const categories = new Map<string, ChartSummary[]>();
  for (const s of chartInput) {
    const label = s.category[s.category.length - 1];
    if (label !== undefined) categories.set(label, [...(categories.get(label) ?? []), s]);
  }
  let svgBytes = 0;
  const chartsTime = time(() => {
    svgBytes = 0;
    for (const chart of [
      summariesPerQuarter(chartInput, { id: 'quarters' }),
      categoriesOverTime(chartInput, { id: 'categories' }),
      summarizersOverTime(chartInput, { id: 'people' }),
      mostCitedIssues(cited, { id: 'cited' }),
    ])
      svgBytes += chart.svg.length;
    let i = 0;
    for (const [label, list] of categories) svgBytes += perYearSparkline(list, { id: `spark-${i++}`, label }).svg.length;
  }, repeats);

  let bib = '';
  let bibEntries = 0;
  const bibtexTime = time(() => {
    const entries: { id: string; entry: BibEntry }[] = [];
    for (const { issue, entry } of taken) {
      const slug = stableSlug(entry.title, 'summary');
      const paper = paperEntry({
        title: entry.title,
        authors: authorsOf(entry),
        venue: null,
        year: issue.date === null ? null : Number(issue.date.slice(0, 4)),
        url: entry.url,
      });
      if (paper) entries.push({ id: slug, entry: paper });
      entries.push({
        id: `${issue.id}/${entry.id}`,
        entry: summaryEntry({
          newsletter: 'Alignment Newsletter',
          issueNumber: issue.number,
          title: entry.title,
          summarizers: entry.summarizers,
          date: issue.date,
          url: `${SITE}papers/${slug}/`,
        }),
      });
    }
    bibEntries = entries.length;
    bib = bibFile(entries, 'Alignment Newsletter archive');
  }, repeats);

  let feedCount = 0;
  const feedsTime = time(() => {
    const subjects = new Map<string, FeedSubject>();
    const feedInput: FeedSummary[] = taken.map(({ issue, entry }) => {
      const keys = [...entry.category.map((c) => `category:${c}`), ...entry.summarizers.map((p) => `person:${p}`)];
      for (const k of keys) {
        const [kind, label] = [k.startsWith('person:') ? 'person' : 'category', k.slice(k.indexOf(':') + 1)] as const;
        const slug = stableSlug(label, kind);
        subjects.set(k, { key: k, label, kind, pageUrl: `${SITE}${kind}/${slug}/`, feedUrl: `${SITE}${kind}/${slug}/feed.xml` });
      }
      return {
        url: `${SITE}issues/${issue.id}/#${entry.id}`,
        title: entry.title,
        date: issue.date,
        issueNumber: issue.number,
        excerpt: plainExcerpt(entry.summary, 300),
        subjects: keys,
      };
    });
    feedCount = subjectFeeds(feedInput, [...subjects.values()], {
      siteTitle: 'Alignment Newsletter archive',
      fallbackDate: '2022-01-01',
    }).length;
  }, repeats);

  return {
    summaries: taken.length,
    issues: new Set(taken.map((t) => t.issue.id)).size,
    related: { ...relatedTime, withReasons, emptyLists },
    charts: { ...chartsTime, svgBytes, sparklines: categories.size },
    bibtex: { ...bibtexTime, entries: bibEntries, bytes: Buffer.byteLength(bib) },
    feeds: { ...feedsTime, feeds: feedCount },
  };
}
