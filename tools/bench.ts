/**
 * The performance benchmark: `npm run bench [-- --sizes 50,200,1000 | --quick] [--runs 3] [--profile] [--no-browser] [--no-incremental] [--links 670 | --no-links]`.
 *
 * For each archive size it generates a corpus (bench/corpus/<n>), then measures, each build in
 * its own process (builds and baselines `--runs` times each, alternating; medians reported):
 * parse throughput at steady state and on the first run, the full build (parse + Eleventy + Pagefind) into
 * bench/site/<n>, a baseline (plain Markdown pages through one layout + the Pagefind CLI, as many
 * pages of the same average size, bench/baseline/<n>), the rebuild after one edit in watch mode,
 * peak memory, the site's size, the largest issue page, and what searching costs a reader: the bytes
 * of opening the search page and typing a two-word query (served with gzip), by kind of file, and
 * the time from the last keystroke to the first result (tools/bench/search-page.ts).
 * Also how fast saved web pages are read against the same issues as text (tools/bench/html-input.ts); and, when
 * ../shared/corpus is there, how on topic related summaries are on the real archive
 * (tools/bench/related-score.ts, also `npm run score-related`).
 * Then the scale of a link newsletter (`--links N`, default 670 issues of about 76 items: a weekly
 * digest over 13 years, tools/generate/links.ts): its full build's wall and CPU time and peak
 * memory, and what a search costs a reader on it (bytes to the first result).
 * Prints a table and writes bench/results.json.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './gen-corpus.ts';
import { LAYOUTS } from './generate/spec.ts';
import { entriesOf, generateCorpus, type CorpusFile } from './generate/index.ts';
import { generateLinkCorpus } from './generate/links.ts';
import { readNewsletters } from '../src/io/read.ts';
import { parseArchive } from '../src/parse.ts';
import { newParseCache } from '../src/parse/parse-cache.ts';
import { parseCategories } from '../src/records/categories.ts';
import { readNewsletterFile } from '../src/records/newsletter-file.ts';
import { runMeasured, tsxArgs, type ChildResult } from './bench/child.ts';
import { writeBaselineSource } from './bench/baseline.ts';
import { siteStats, type SiteStats } from './bench/site-stats.ts';
import { measureSearchCost, type SearchCost } from './bench/search-page.ts';
import { measureIncremental, type IncrementalResult } from './bench/incremental.ts';
import { summariseProfile } from './bench/profile.ts';
import { type FeatureCost, measureFeatureCost } from './bench/features.ts';
import { type GrowthCase, measureParseGrowth } from './bench/growth.ts';
import { type HtmlInputResult, measureHtmlInput } from './bench/html-input.ts';
import { type RelatedScore, scoreRealArchive } from './bench/related-score.ts';
import type { Issue } from '../src/records/types.ts';
import type { Category } from '../src/records/categories.ts';
import { readOptionalText } from '../src/io/read.ts';
import { startScript } from '../scripts/environment.ts';

// As in `npm run build`: the parse is measured in this process.
startScript();

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const SEED = 'bench';
const here = (file: string): string => path.join(ROOT, 'tools/bench', file);

interface Args {
  sizes: number[];
  profile: boolean;
  browser: boolean;
  incremental: boolean;
  /** Full builds and baseline builds per size; the medians are reported. */
  runs: number;
  /** Issues of the link digest to build (0: none). */
  links: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [50, 200, 1000], profile: false, browser: true, incremental: true, runs: 3, links: LINK_ISSUES };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--quick') {
      args.sizes = [50];
      args.runs = 1;
      args.links = 50;
    } else if (flag === '--links') args.links = Math.max(0, Math.floor(Number(argv[++i])) || 0);
    else if (flag === '--no-links') args.links = 0;
    else if (flag === '--sizes')
      args.sizes = (argv[++i] ?? '')
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0);
    else if (flag === '--profile') args.profile = true;
    else if (flag === '--no-browser') args.browser = false;
    else if (flag === '--no-incremental') args.incremental = false;
    else if (flag === '--runs') args.runs = Math.max(1, Math.floor(Number(argv[++i])) || 1);
    else throw new Error(`unknown argument ${flag}`);
  }
  if (args.sizes.length === 0) throw new Error('--sizes needs a list like 50,200,1000');
  return args;
}

interface SizeResult {
  issues: number;
  corpusMB: number;
  entries: number;
  parse: { ms: number; mbPerS: number; firstRunMbPerS: number; warnings: number };
  build: {
    ms: number;
    runsMs: number[];
    peakMB: number | null;
    pagesWritten: number | null;
    pagesIndexed: number | null;
    entriesParsed: number | null;
  };
  baseline: {
    pages: number;
    avgPageBytes: number;
    ms: number;
    runsMs: number[];
    peakMB: number | null;
    eleventyMs: number | null;
    pagefindMs: number | null;
  };
  ratio: number;
  /** What related summaries, citations, topic feeds and charts add to the site data (tools/bench/features.ts). */
  features: FeatureCost;
  incremental: IncrementalResult | null;
  site: SiteStats & { htmlBytes: number };
  search: SearchCost | null;
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** The link digest of the target: 670 weekly issues (13 years) of about 76 items, some 51,000 in all. */
const LINK_ISSUES = 670;
const LINK_ITEMS_PER_ISSUE = 76;
/** Two-word queries of the digest's words: common ones, and one of its made-up words beside a common one. */
const LINK_QUERIES = ['language model', 'robot policy', 'sensor chip', 'cloud startup', 'quilvas data'];

interface LinksResult {
  issues: number;
  items: number;
  corpusMB: number;
  build: {
    ms: number;
    cpuMs: number | null;
    peakMB: number | null;
    /** The whole process tree at once (Node and the Pagefind service), sampled. */
    treePeakMB: number | null;
    pagesWritten: number | null;
    pagesIndexed: number | null;
    entriesParsed: number | null;
  };
  /** The search index's metadata, which every search loads first (gzip, as served). */
  pagefindMetaKB: number;
  search: SearchCost | null;
}

/** The link digest: generated, built once in its own process (wall, CPU, peak memory), and searched in Chromium. */
async function benchLinks(issues: number, args: Args): Promise<LinksResult> {
  log(`\n== link digest: ${issues} issues`);
  const dir = path.join(BENCH, 'corpus', `links-${issues}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const written = writeCorpus({
    out: path.join(dir, 'newsletters'),
    issues,
    seed: SEED,
    layouts: [...LAYOUTS],
    madeUp: true,
    shape: 'links',
    itemsPerIssue: LINK_ITEMS_PER_ISSUE,
  });
  const items = generateLinkCorpus({ issues, seed: SEED, itemsPerIssue: LINK_ITEMS_PER_ISSUE }).reduce((n, f) => n + f.items.total, 0);
  log(`corpus: ${(written.bytes / 1e6).toFixed(2)} MB, ${items} items`);
  const siteDir = path.join(BENCH, 'site', `links-${issues}`);
  rmSync(siteDir, { recursive: true, force: true });
  const [cmd, argv] = tsxArgs(here('build-child.ts'), [dir, siteDir]);
  const run = await runMeasured(cmd, argv, { cwd: ROOT });
  if (run.code !== 0) fail('link digest build', run);
  log(
    `build: ${(run.ms / 1000).toFixed(1)} s wall, ${run.cpuMs === null ? 'n/a' : (run.cpuMs / 1000).toFixed(1)} s CPU, peak ${run.peakMB?.toFixed(0)} MB (largest process), ${run.treePeakMB?.toFixed(0) ?? 'n/a'} MB (all processes at once)`,
  );
  const pagefindDir = path.join(siteDir, 'pagefind');
  const meta = readdirSync(pagefindDir).find((f) => f.endsWith('.pf_meta'));
  const pagefindMetaKB = meta ? readFileSync(path.join(pagefindDir, meta)).length / 1024 : 0;
  let search: SearchCost | null = null;
  if (args.browser) {
    try {
      search = await measureSearchCost(siteDir, LINK_QUERIES);
      for (const q of search.queries)
        log(`search "${q.query}": ${(q.bytes / 1024).toFixed(1)} KB to the first result in ${q.requests} requests; ${q.results} results`);
    } catch (error) {
      log(`search: not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  }
  return {
    issues,
    items,
    corpusMB: written.bytes / 1e6,
    build: {
      ms: run.ms,
      cpuMs: run.cpuMs,
      peakMB: run.peakMB,
      treePeakMB: run.treePeakMB,
      pagesWritten: num(run.report?.pagesWritten),
      pagesIndexed: num(run.report?.pagesIndexed),
      entriesParsed: num(run.report?.entries),
    },
    pagefindMetaKB,
    search,
  };
}

function fail(step: string, result: ChildResult): never {
  throw new Error(`${step} failed (exit ${result.code}):\n${result.stderr.trim().split('\n').slice(-15).join('\n')}`);
}

function num(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * A content dir as the build expects it: newsletters/ plus the project's categories.yml, site.yml,
 * people.yml and newsletter.yml, and the newsletter's database as database.csv when it is there, so the build
 * merges it as a real archive's would.
 */
function prepareCorpus(n: number): { dir: string; bytes: number; files: CorpusFile[] } {
  const dir = path.join(BENCH, 'corpus', String(n));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const written = writeCorpus({ out: path.join(dir, 'newsletters'), issues: n, seed: SEED, layouts: [...LAYOUTS], madeUp: false });
  for (const name of ['categories.yml', 'site.yml', 'people.yml', 'newsletter.yml'])
    copyFileSync(path.join(ROOT, 'content', name), path.join(dir, name));
  // The same plan again (pure, deterministic) to know each file's spec and layout.
  const csv = readOptionalText(path.resolve(ROOT, '../shared/corpus/an-database.csv'));
  if (csv !== null) writeFileSync(path.join(dir, 'database.csv'), csv);
  const vocabulary = parseCategories(readFileSync(path.join(ROOT, 'content/categories.yml'), 'utf8'));
  const files = generateCorpus({ issues: n, seed: SEED, layouts: LAYOUTS, databaseCsv: csv, vocabulary });
  return { dir, bytes: written.bytes, files };
}

/**
 * Parse throughput at steady state: the parser is run until V8 has optimised it (at least 2 s and
 * 3 runs: one run of a 50-issue corpus is over before the optimising compiler has finished), then
 * the best of 5 runs is taken. The first run in this process is reported too (`firstRunMbPerS`):
 * what one cold parse of the archive costs, which the build time includes.
 */
function measureParse(newsletters: string): SizeResult['parse'] & { entries: number; issues: Issue[]; vocabulary: Category[] } {
  const vocabulary = parseCategories(readFileSync(path.join(ROOT, 'content/categories.yml'), 'utf8'));
  // The corpus is the sample newsletter's shape: it is read with its newsletter file, as the build reads it.
  const { dialect } = readNewsletterFile(readFileSync(path.join(ROOT, 'content/newsletter.yml'), 'utf8'), 'content/newsletter.yml');
  const { files } = readNewsletters([newsletters]);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const mbPerS = (ms: number): number => bytes / 1e6 / (ms / 1000);
  // One cache for every run, as a long-running build keeps one: each run's new options object
  // misses the parsed issues, so every file is parsed each time, while each file's certain author
  // names (archive evidence) are kept after the first run, as a rebuild keeps them.
  const cache = newParseCache();
  const first = performance.now();
  let result = parseArchive(files, { vocabulary, dialect }, cache);
  const firstMs = performance.now() - first;
  for (let runs = 1; runs < 3 || performance.now() - first < 2000; runs++) result = parseArchive(files, { vocabulary, dialect }, cache);
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    result = parseArchive(files, { vocabulary, dialect }, cache);
    best = Math.min(best, performance.now() - t);
  }
  return {
    ms: best,
    mbPerS: mbPerS(best),
    firstRunMbPerS: mbPerS(firstMs),
    warnings: result.warnings.length,
    entries: result.issues.reduce((n, i) => n + i.entries.length, 0),
    issues: result.issues,
    vocabulary: vocabulary.all,
  };
}

/** The run with the median time (the lower middle one for an even count). */
function medianRun(runs: ChildResult[]): ChildResult {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]!;
}

function htmlBytes(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'pagefind') walk(full);
      } else if (e.name.endsWith('.html')) {
        pages++;
        bytes += readFileSync(full).length;
      }
    }
  };
  walk(dir);
  return { pages, bytes };
}

/** Inserts the token at the start of the first summary of a line-based or Markdown issue: it shows on that issue's page. */
function pickEdit(files: CorpusFile[], dir: string): { file: string; edit: (text: string, token: string) => string } | null {
  const candidates = files.filter((f) => f.layout === 'line-upper' || f.layout === 'markdown' || f.layout === 'line-title');
  const chosen = candidates[Math.floor(candidates.length / 2)];
  const entry = chosen && entriesOf(chosen.spec).find((e) => e.summary.length > 0);
  if (!chosen || !entry) return null;
  return {
    file: path.join(dir, 'newsletters', chosen.name),
    edit: (text, token) => {
      const at = text.indexOf(entry.title, text.startsWith('---') ? text.indexOf('\n---', 3) : 0);
      const colon = at < 0 ? -1 : text.indexOf(': ', at + entry.title.length);
      return colon < 0 ? text : `${text.slice(0, colon + 2)}${token} ${text.slice(colon + 2)}`;
    },
  };
}

async function benchSize(n: number, args: Args): Promise<SizeResult> {
  log(`\n== ${n} issues`);
  const corpus = prepareCorpus(n);
  const entries = corpus.files.reduce((k, f) => k + entriesOf(f.spec).length, 0);
  log(`corpus: ${(corpus.bytes / 1e6).toFixed(2)} MB, ${entries} entries`);

  const parsed = measureParse(path.join(corpus.dir, 'newsletters'));
  log(`parse: ${parsed.ms.toFixed(0)} ms, ${parsed.mbPerS.toFixed(1)} MB/s (first run ${parsed.firstRunMbPerS.toFixed(1)} MB/s)`);
  const features = measureFeatureCost(parsed.issues, parsed.vocabulary);
  const engines = features.engines;
  log(
    `site data: ${features.offMs.toFixed(0)} ms with no feature, ${features.onMs.toFixed(0)} ms with all; engines: related ${engines.related.bestMs.toFixed(0)}, charts ${engines.charts.bestMs.toFixed(0)}, BibTeX ${engines.bibtex.bestMs.toFixed(0)}, feeds ${engines.feeds.bestMs.toFixed(0)} ms`,
  );

  // Full build and baseline alternate, `runs` times each, and the medians are compared: on a shared
  // 2-core machine one run of either varies by about a quarter.
  const siteDir = path.join(BENCH, 'site', String(n));
  // bench/site is the benchmark's own: a site left by an older version (without the build's stamp) is cleared.
  rmSync(siteDir, { recursive: true, force: true });
  const [cmd, argv] = tsxArgs(here('build-child.ts'), [corpus.dir, siteDir]);
  const runBuild = async (): Promise<ChildResult> => {
    const run = await runMeasured(cmd, argv, { cwd: ROOT });
    if (run.code !== 0) fail('full build', run);
    log(`build: ${(run.ms / 1000).toFixed(1)} s, peak ${run.peakMB?.toFixed(0)} MB`);
    return run;
  };
  const builds = [await runBuild()];

  const stats = siteStats(siteDir);
  const html = htmlBytes(siteDir);
  const avgPageBytes = Math.round(html.bytes / Math.max(1, html.pages));

  const baselineDir = path.join(BENCH, 'baseline', String(n));
  const src = writeBaselineSource(baselineDir, html.pages, avgPageBytes);
  const [bcmd, bargv] = tsxArgs(here('baseline-build.ts'), [src, path.join(baselineDir, 'site')]);
  const runBaseline = async (): Promise<ChildResult> => {
    const run = await runMeasured(bcmd, bargv, { cwd: ROOT });
    if (run.code !== 0) fail('baseline build', run);
    log(`baseline: ${html.pages} pages of ${avgPageBytes} B: ${(run.ms / 1000).toFixed(1)} s`);
    return run;
  };
  const baselines = [await runBaseline()];
  for (let i = 1; i < args.runs; i++) {
    builds.push(await runBuild());
    baselines.push(await runBaseline());
  }
  const build = medianRun(builds);
  const baseline = medianRun(baselines);

  let incremental: IncrementalResult | null = null;
  const edit = pickEdit(corpus.files, corpus.dir);
  if (args.incremental && edit) {
    incremental = await measureIncremental(
      here('watch-child.ts'),
      corpus.dir,
      path.join(BENCH, 'site', `${n}-watch`),
      edit.file,
      edit.edit,
    );
    log(`incremental: ${incremental.ms === null ? incremental.note : `${incremental.ms.toFixed(0)} ms`}`);
  }

  let search: SearchCost | null = null;
  if (args.browser) {
    try {
      search = await measureSearchCost(siteDir);
      for (const q of search.queries) {
        const kinds = Object.entries(q.byKind)
          .map(([kind, bytes]) => `${kind} ${(bytes / 1024).toFixed(1)}`)
          .join(', ');
        log(
          `search "${q.query}": ${(q.bytes / 1024).toFixed(1)} KB in ${q.requests} requests (${kinds}); first result ${q.firstResultMs === null ? 'none' : `${q.firstResultMs.toFixed(0)} ms`} after the last key`,
        );
      }
    } catch (error) {
      log(`search: not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  }

  return {
    issues: n,
    corpusMB: corpus.bytes / 1e6,
    entries,
    parse: { ms: parsed.ms, mbPerS: parsed.mbPerS, firstRunMbPerS: parsed.firstRunMbPerS, warnings: parsed.warnings },
    build: {
      ms: build.ms,
      runsMs: builds.map((r) => r.ms),
      peakMB: build.peakMB,
      pagesWritten: num(build.report?.pagesWritten),
      pagesIndexed: num(build.report?.pagesIndexed),
      entriesParsed: num(build.report?.entries),
    },
    baseline: {
      pages: html.pages,
      avgPageBytes,
      ms: baseline.ms,
      runsMs: baselines.map((r) => r.ms),
      peakMB: baseline.peakMB,
      eleventyMs: num(baseline.report?.eleventyMs),
      pagefindMs: num(baseline.report?.pagefindMs),
    },
    ratio: build.ms / baseline.ms,
    features,
    incremental,
    site: { ...stats, htmlBytes: html.bytes },
    search,
  };
}

async function profileBuild(n: number): Promise<ReturnType<typeof summariseProfile> | null> {
  const dir = path.join(BENCH, 'profile');
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.join(BENCH, 'site', `${n}-profile`), { recursive: true, force: true });
  const [cmd, argv] = tsxArgs(
    here('build-child.ts'),
    [path.join(BENCH, 'corpus', String(n)), path.join(BENCH, 'site', `${n}-profile`)],
    ['--cpu-prof', '--cpu-prof-dir', dir],
  );
  const run = await runMeasured(cmd, argv, { cwd: ROOT });
  if (run.code !== 0) fail('profiled build', run);
  const profiles = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  // The build's own process writes the largest profile (tsx's loader may add a small one).
  const largest = profiles.map((f) => path.join(dir, f)).sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
  return largest ? summariseProfile(largest, ROOT) : null;
}

const fmt = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? 'n/a' : x.toFixed(digits));

function table(results: SizeResult[]): string {
  const rows: [string, (r: SizeResult) => string][] = [
    ['corpus (MB / entries)', (r) => `${fmt(r.corpusMB, 2)} / ${r.entries}`],
    ['parse throughput (MB/s, steady state)', (r) => fmt(r.parse.mbPerS)],
    ['parse, first run in the process (MB/s)', (r) => fmt(r.parse.firstRunMbPerS)],
    ['full build (s)', (r) => fmt(r.build.ms / 1000, 2)],
    ['baseline build (s)', (r) => fmt(r.baseline.ms / 1000, 2)],
    ['build / baseline', (r) => fmt(r.ratio, 2)],
    ['pages (baseline: same count)', (r) => String(r.baseline.pages)],
    ['site data: no feature / all features (CPU ms)', (r) => `${fmt(r.features.offMs, 0)} / ${fmt(r.features.onMs, 0)}`],
    [
      '  engines alone: related / charts / BibTeX / feeds (CPU ms)',
      (r) => {
        const e = r.features.engines;
        return [e.related, e.charts, e.bibtex, e.feeds].map((t) => fmt(t.bestMs, 0)).join(' / ');
      },
    ],
    ['rebuild after one edit (ms)', (r) => (r.incremental ? (r.incremental.ms === null ? 'none' : fmt(r.incremental.ms, 0)) : 'n/a')],
    ['peak memory, build (MB)', (r) => fmt(r.build.peakMB, 0)],
    ['peak memory, baseline (MB)', (r) => fmt(r.baseline.peakMB, 0)],
    ['_site size (MB)', (r) => fmt(r.site.totalBytes / 1e6, 1)],
    ['largest issue page (KB)', (r) => (r.site.largestIssuePage ? fmt(r.site.largestIssuePage.bytes / 1024, 1) : 'n/a')],
    ['issue pages over 60 KB', (r) => String(r.site.issuePagesOver60KB)],
    ['pages with JS besides enhance.js (not search)', (r) => String(r.site.pagesWithScriptCount)],
    [
      'search: page + two-word query, gzip (KB, median / max)',
      (r) => (r.search ? `${fmt(r.search.medianBytes / 1024, 0)} / ${fmt(r.search.maxBytes / 1024, 0)}` : 'n/a'),
    ],
    ['search: first result after last key (ms, median)', (r) => fmt(r.search?.medianFirstResultMs, 0)],
  ];
  const header = `| | ${results.map((r) => `${r.issues} issues`).join(' | ')} |`;
  const rule = `| --- | ${results.map(() => '---:').join(' | ')} |`;
  return [header, rule, ...rows.map(([name, cell]) => `| ${name} | ${results.map(cell).join(' | ')} |`)].join('\n');
}

function targets(
  results: SizeResult[],
  growth: GrowthCase[],
  html: HtmlInputResult | null,
  related: RelatedScore | null,
  links: LinksResult | null,
): Record<string, { target: string; value: string; met: boolean | null }> {
  const at = (n: number): SizeResult | undefined => results.find((r) => r.issues === n);
  const r200 = at(200);
  const r1000 = at(1000);
  const minParse = Math.min(...results.map((r) => r.parse.mbPerS));
  return {
    buildVsBaseline: {
      target: '<= 1.1x baseline at 200 issues',
      value: r200 ? `${r200.ratio.toFixed(2)}x` : 'n/a',
      met: r200 ? r200.ratio <= 1.1 : null,
    },
    parse: { target: '>= 20 MB/s', value: `${minParse.toFixed(1)} MB/s (slowest size)`, met: minParse >= 20 },
    incremental: {
      target: '< 1 s at 200 issues',
      value: r200?.incremental?.ms != null ? `${r200.incremental.ms.toFixed(0)} ms` : 'n/a',
      met: r200?.incremental ? r200.incremental.ms !== null && r200.incremental.ms < 1000 : null,
    },
    linear: {
      target: '1,000-issue build <= 6x the 200-issue build',
      value: r200 && r1000 ? `${(r1000.build.ms / r200.build.ms).toFixed(2)}x` : 'n/a',
      met: r200 && r1000 ? r1000.build.ms / r200.build.ms <= 6 : null,
    },
    parseGrowth: {
      target: 'backtracking-prone texts: 4x the run costs < 3x the CPU time (tools/bench/growth.ts)',
      value: growth.map((g) => `${g.name} ${g.ratio.toFixed(1)}x (${g.smallMs.toFixed(0)} -> ${g.largeMs.toFixed(0)} ms)`).join('; '),
      met: growth.every((g) => g.ratio < 3),
    },
    htmlParse: {
      target: 'saved web pages (real/html) parse at >= 5 MB/s (steady state)',
      value: html
        ? `${html.html.mbPerS.toFixed(1)} MB/s (${html.html.mb.toFixed(2)} MB in ${html.html.ms.toFixed(0)} ms, CPU ${html.html.cpuMs.toFixed(0)} ms)`
        : 'n/a',
      met: html ? html.html.mbPerS >= 5 : null,
    },
    htmlVsText: {
      target: 'the same issues as web pages take <= 2x their time as page text (real/html vs real/text)',
      value: html
        ? `${html.timeRatio.toFixed(2)}x the time (${html.html.ms.toFixed(0)} vs ${html.text.ms.toFixed(0)} ms); byte for byte ${html.throughputRatio.toFixed(2)}x slower (${html.html.mbPerS.toFixed(1)} vs ${html.text.mbPerS.toFixed(1)} MB/s)`
        : 'n/a',
      met: html ? html.timeRatio <= 2 : null,
    },
    htmlLinear: {
      target: '100,000 paragraphs of HTML cost <= 5x the CPU time of 25,000 (linear: 4x)',
      value: html
        ? `${html.paragraphGrowth.toFixed(2)}x (${html.paragraphs.map((p) => `${p.n}: ${p.cpuMs.toFixed(0)} ms`).join(', ')})`
        : 'n/a',
      met: html ? html.paragraphGrowth <= 5 : null,
    },
    issuePageSize: {
      target: 'no issue page over 60 KB',
      value: `${Math.max(...results.map((r) => r.site.issuePagesOver60KB))} over; largest ${fmt(Math.max(...results.map((r) => r.site.largestIssuePage?.bytes ?? 0)) / 1024)} KB`,
      met: results.every((r) => r.site.issuePagesOver60KB === 0),
    },
    noJavaScript: {
      target: 'no JavaScript on pages except search, besides the small enhancement script (about 2 KB)',
      value: `${Math.max(...results.map((r) => r.site.pagesWithScriptCount))} pages with another <script>`,
      met: results.every((r) => r.site.pagesWithScriptCount === 0),
    },
    searchBytes: {
      target: 'search page + first two-word query <= 200 KB transferred at 200 issues (gzip)',
      value: r200?.search
        ? `${(r200.search.maxBytes / 1024).toFixed(1)} KB at most, ${(r200.search.medianBytes / 1024).toFixed(1)} KB median, over ${r200.search.queries.length} queries`
        : 'n/a',
      met: r200?.search ? r200.search.maxBytes <= 200 * 1024 : null,
    },
    relatedOnTopic: {
      target: ">= 65% of related links stay in the page's database category (the real archive in ../shared, tools/bench/related-score.ts)",
      value: related ? `${(100 * related.share).toFixed(1)}% (${related.onTopic} of ${related.links} links)` : 'n/a (no ../shared/corpus)',
      met: related ? related.share >= 0.65 : null,
    },
    linksBuild: {
      target: `link digest of ${LINK_ISSUES} issues (about 51,000 items) builds in <= 4 minutes and <= 3 GB on 2 cores`,
      value: links
        ? `${links.issues} issues, ${links.items} items: ${(links.build.ms / 1000).toFixed(0)} s wall, ${links.build.cpuMs === null ? 'n/a' : (links.build.cpuMs / 1000).toFixed(0)} s CPU, ${links.build.peakMB?.toFixed(0)} MB the largest process, ${links.build.treePeakMB?.toFixed(0) ?? 'n/a'} MB all processes at once`
        : 'n/a',
      // Memory: every process of the build at once (Node and the Pagefind service), where it can be sampled.
      met:
        links && links.issues >= LINK_ISSUES
          ? links.build.ms <= 240_000 && (links.build.treePeakMB ?? links.build.peakMB ?? Infinity) <= 3 * 1024
          : null,
    },
    linksSearch: {
      target: 'search on the link digest <= 250 KB transferred to the first result (gzip)',
      value: links?.search
        ? `${(links.search.maxBytes / 1024).toFixed(1)} KB at most over ${links.search.queries.length} queries (index metadata ${links.pagefindMetaKB.toFixed(0)} KB)`
        : 'n/a',
      met: links?.search && links.issues >= LINK_ISSUES ? links.search.maxBytes <= 250 * 1024 : null,
    },
    searchLatency: {
      target: 'first result <= 150 ms after the last keystroke at 200 issues (median, debounce included)',
      value: r200?.search?.medianFirstResultMs != null ? `${r200.search.medianFirstResultMs.toFixed(0)} ms` : 'n/a',
      met: r200?.search?.medianFirstResultMs != null ? r200.search.medianFirstResultMs <= 150 : null,
    },
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const csv = readOptionalText(path.resolve(ROOT, '../shared/corpus/an-database.csv'));
  log(`corpus text: ${csv ? 'real summaries (../shared/corpus/an-database.csv)' : 'made-up (no ../shared/corpus/an-database.csv)'}`);
  const results: SizeResult[] = [];
  for (const n of args.sizes) results.push(await benchSize(n, args));
  const profile = args.profile ? await profileBuild(args.sizes.includes(200) ? 200 : (args.sizes[0] ?? 50)) : null;
  const growth = measureParseGrowth(parseCategories(readFileSync(path.join(ROOT, 'content/categories.yml'), 'utf8')));
  const html = measureHtmlInput(ROOT);
  if (html)
    log(
      `HTML input: ${html.html.mbPerS.toFixed(1)} MB/s as web pages, ${html.text.mbPerS.toFixed(1)} MB/s as page text (${html.timeRatio.toFixed(2)}x the time); 100,000 paragraphs ${html.paragraphGrowth.toFixed(2)}x the CPU of 25,000`,
    );
  const realPages = path.resolve(ROOT, '../shared/corpus/real/html');
  const related =
    csv !== null && existsSync(realPages)
      ? scoreRealArchive({
          newsletters: realPages,
          database: path.resolve(ROOT, '../shared/corpus/an-database.csv'),
          settings: path.join(ROOT, 'tests/fixtures/sample-archive'),
        })
      : null;
  const links = args.links > 0 ? await benchLinks(args.links, args) : null;
  const met = targets(results, growth, html, related, links);
  const out = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memGB: Math.round(os.totalmem() / 1e9),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    corpusText: csv ? 'real (an-database.csv)' : 'made-up',
    seed: SEED,
    results,
    growth,
    htmlInput: html,
    related,
    links,
    targets: met,
    profile,
  };
  mkdirSync(BENCH, { recursive: true });
  writeFileSync(path.join(BENCH, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`\n${table(results)}\n\nTargets:\n`);
  for (const t of Object.values(met))
    process.stdout.write(`  ${t.met === null ? '  -  ' : t.met ? ' met ' : 'NOT met'}  ${t.target}: ${t.value}\n`);
  if (profile) {
    process.stdout.write(`\nProfile of the full build (self time, ${fmt(profile.totalMs / 1000)} s sampled):\n`);
    for (const m of profile.modules.slice(0, 10)) process.stdout.write(`  ${fmt(m.share * 100)}%  ${m.name}\n`);
    process.stdout.write('Top functions:\n');
    for (const f of profile.functions.slice(0, 12)) process.stdout.write(`  ${fmt(f.share * 100)}%  ${f.name}\n`);
  }
  process.stdout.write(`\nwrote bench/results.json\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
