/**
 * Checks a built site against the archive it was built from, the way a researcher meets it:
 *   npm run check-site -- --site DIR [--content DIR] [--max-bytes 300000] [--json]
 *
 * What it checks, each with its numbers:
 * - pages: every HTML page's size (the largest five, and any over `--max-bytes`);
 * - dates (with `--content`: the archive is read again, as the build reads it, for what is known of
 *   each issue's date): how many issues have a day, a year only, bounds only, nothing; every
 *   `<time datetime>` of every page is a date some issue has, and one beside an issue's link is that
 *   issue's own; every Atom file parses and every entry's `<updated>` is its own issue's date; the
 *   sitemap states no date an issue does not have; `summaries.json` and `summaries.csv` give each
 *   summary its issue's date or none; a `.bib` entry's `year` and `month` fit what is known;
 * - BibTeX: every `.bib` file parses, its keys are unique, no escape is left in a title
 *   (`\textbackslash`);
 * - links: links of the newsletter text left relative and pointing nowhere in the site; issue pages
 *   linking their original post, of those whose address is known;
 * - search's year filter against /stats/: summary pages per year as search declares them.
 * - people: a people.yml alias has no page of its own (its address redirects).
 *
 * Exits 1 when a check fails. Not part of `npm test`: it reads a site and an archive it is given.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { parse as parseCsv } from 'csv-parse/sync';
import { loadArchive } from '../src/io/load.ts';
import { BuildSession } from '../src/io/session.ts';
import { stableSlug } from '../src/records/slug.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

export interface Check {
  name: string;
  /** What was counted, in words with numbers. */
  facts: string[];
  /** What does not hold; empty when the check passes. */
  failures: string[];
}

export interface IssueDates {
  /** YYYY-MM-DD, or null. */
  date: string | null;
  /** The year when known (from the date or bounds in one year). */
  year: string | null;
  /** Years the date lies within when the year is unknown. */
  notBefore: string | null;
  notAfter: string | null;
  /** The issue page's "Original post" address, when the archive knows it. */
  source: string | null;
}

const argValue = (argv: string[], name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** Every file under `dir` whose name ends in `ext`, relative to `dir`, with `/` separators. */
export function filesUnder(dir: string, ext: string, skip: readonly string[] = ['pagefind']): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skip.includes(rel)) walk(rel);
      } else if (entry.name.endsWith(ext)) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

const isRedirect = (html: string): boolean => /<meta http-equiv="refresh"/i.test(html);
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

/** The site path of an address (`https://x.example/issues/an-001/#a` -> `/issues/an-001/`). */
function sitePath(href: string): string {
  try {
    return new URL(href, 'https://site.invalid/').pathname;
  } catch {
    return href;
  }
}

const issueIdOfPath = (p: string): string | null => /\/issues\/([^/]+)\/$/.exec(p)?.[1] ?? null;

export function checkPageSizes(site: string, maxBytes: number): Check {
  const sizes = filesUnder(site, '.html').map((file) => ({ file, bytes: statSync(path.join(site, file)).size }));
  sizes.sort((a, b) => b.bytes - a.bytes);
  const over = sizes.filter((s) => s.bytes > maxBytes);
  return {
    name: 'page sizes',
    facts: [
      `${sizes.length} HTML pages; the largest: ${sizes
        .slice(0, 5)
        .map((s) => `${s.file} ${kb(s.bytes)}`)
        .join(', ')}`,
    ],
    failures: over.map((s) => `${s.file} is ${kb(s.bytes)}, over ${kb(maxBytes)}`),
  };
}

function atomChildren(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < parent.childNodes.length; i++) {
    const node = parent.childNodes[i]!;
    if (node.nodeType === 1 && (node as Element).namespaceURI === ATOM && (node as Element).localName === name) out.push(node as Element);
  }
  return out;
}

function parseXmlStrict(text: string): { document: ReturnType<DOMParser['parseFromString']> | null; problems: string[] } {
  const problems: string[] = [];
  try {
    const document = new DOMParser({ onError: (level, message) => void problems.push(`${level}: ${message}`) }).parseFromString(
      text,
      'text/xml',
    );
    return { document, problems };
  } catch (error) {
    return { document: null, problems: [...problems, (error as Error).message] };
  }
}

/** Every Atom file: it parses, and each entry's `<updated>` is the date of the issue it links. */
export function checkFeeds(site: string, dates: ReadonlyMap<string, IssueDates>): Check {
  const feeds = filesUnder(site, '.xml').filter((f) => f !== 'sitemap.xml');
  const failures: string[] = [];
  let entries = 0;
  let feedsWithEntries = 0;
  const undatedLeftOut = new Set<string>();
  for (const file of feeds) {
    const { document, problems } = parseXmlStrict(readFileSync(path.join(site, file), 'utf8'));
    const root = document?.documentElement as Element | null | undefined;
    if (!root || problems.length > 0 || root.namespaceURI !== ATOM || root.localName !== 'feed') {
      failures.push(`${file}: not an Atom feed (${problems.join('; ') || 'no <feed> root'})`);
      continue;
    }
    const list = atomChildren(root, 'entry');
    if (list.length > 0) feedsWithEntries++;
    let newest = '';
    for (const entry of list) {
      entries++;
      const updated = atomChildren(entry, 'updated')[0]?.textContent?.trim() ?? '';
      const href = atomChildren(entry, 'link')[0]?.getAttribute('href') ?? '';
      if (updated > newest) newest = updated;
      const id = issueIdOfPath(sitePath(href));
      const issue = id === null ? undefined : dates.get(id);
      if (issue === undefined) {
        failures.push(`${file}: an entry links ${href}, not an issue of the archive`);
        continue;
      }
      if (issue.date === null) undatedLeftOut.add(id!);
      if (issue.date === null || updated !== `${issue.date}T00:00:00Z`)
        failures.push(`${file}: the entry for ${href} carries ${updated}; its issue's date is ${issue.date ?? 'unknown'}`);
    }
    const feedUpdated = atomChildren(root, 'updated')[0]?.textContent?.trim() ?? '';
    if (list.length > 0 && feedUpdated !== newest)
      failures.push(`${file}: the feed's <updated> ${feedUpdated} is not its newest entry's ${newest}`);
  }
  return {
    name: 'feeds',
    facts: [`${feeds.length} Atom files parsed, ${feedsWithEntries} with entries, ${entries} entries`],
    failures,
  };
}

/** Dates in the pages: every `<time datetime>` is an issue's date; one in a list item with an issue's link is that issue's. */
export function checkPageDates(site: string, dates: ReadonlyMap<string, IssueDates>): Check {
  const known = new Set([...dates.values()].map((d) => d.date).filter((d): d is string => d !== null));
  const failures: string[] = [];
  let times = 0;
  let paired = 0;
  let undatedKickers = 0;
  for (const file of filesUnder(site, '.html')) {
    const html = readFileSync(path.join(site, file), 'utf8');
    for (const m of html.matchAll(/<time datetime="([^"]*)"/g)) {
      times++;
      const value = m[1]!.slice(0, 10);
      if (!known.has(value)) failures.push(`${file}: <time datetime="${m[1]}"> is no issue's date`);
    }
    // An issue's link and a time in the same list item or line: the time must be that issue's date.
    for (const m of html.matchAll(/<a href="([^"]*\/issues\/([^/"#]+)\/)"[^>]*>(?:(?!<\/li>|<a ).)*?<time datetime="([^"]*)"/g)) {
      const issue = dates.get(m[2]!);
      if (issue === undefined) continue;
      paired++;
      if (issue.date !== m[3]) failures.push(`${file}: ${m[1]} is shown with ${m[3]}; its date is ${issue.date ?? 'unknown'}`);
    }
    const own = /^issues\/([^/]+)\/index\.html$/.exec(file)?.[1];
    if (own !== undefined && dates.has(own)) {
      const kicker = /<p class="kicker">(.*?)<\/p>/.exec(html)?.[1] ?? '';
      const time = /<time datetime="([^"]*)"/.exec(kicker)?.[1] ?? null;
      const date = dates.get(own)!.date;
      if (date === null) undatedKickers++;
      if (time !== date) failures.push(`${file}: the heading states ${time ?? 'no date'}; the issue's date is ${date ?? 'unknown'}`);
    }
  }
  return {
    name: 'dates in pages',
    facts: [`${times} <time> elements, ${paired} of them beside an issue's link; ${undatedKickers} undated issue pages state no date`],
    failures,
  };
}

export function checkSitemap(site: string, dates: ReadonlyMap<string, IssueDates>): Check {
  const file = path.join(site, 'sitemap.xml');
  if (!existsSync(file)) return { name: 'sitemap', facts: ['no sitemap.xml'], failures: [] };
  const text = readFileSync(file, 'utf8');
  const urls = [...text.matchAll(/<url>(.*?)<\/url>/gs)].map((m) => m[1]!);
  const failures: string[] = [];
  let lastmods = 0;
  for (const url of urls) {
    const loc = /<loc>([^<]*)<\/loc>/.exec(url)?.[1] ?? '';
    const lastmod = /<lastmod>([^<]*)<\/lastmod>/.exec(url)?.[1];
    if (lastmod === undefined) continue;
    lastmods++;
    const id = issueIdOfPath(sitePath(loc));
    const date = id === null ? undefined : dates.get(id)?.date;
    if (date !== lastmod.slice(0, 10))
      failures.push(`sitemap.xml: ${loc} has <lastmod>${lastmod}</lastmod>, which is not its issue's date`);
  }
  return { name: 'sitemap', facts: [`${urls.length} addresses, ${lastmods} with <lastmod>`], failures };
}

/** summaries.json and summaries.csv: each summary's issue_date is its issue's date, or empty. */
export function checkExports(site: string, dates: ReadonlyMap<string, IssueDates>): Check {
  const failures: string[] = [];
  const facts: string[] = [];
  const json = path.join(site, 'summaries.json');
  if (existsSync(json)) {
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as unknown;
    const records = (Array.isArray(parsed) ? parsed : ((parsed as { summaries?: unknown[] }).summaries ?? [])) as {
      issue_id: string;
      issue_date: string | null;
    }[];
    let dated = 0;
    for (const r of records) {
      const want = dates.get(r.issue_id)?.date ?? null;
      if ((r.issue_date ?? null) !== want)
        failures.push(`summaries.json: a summary of ${r.issue_id} carries ${r.issue_date}; its issue's date is ${want ?? 'unknown'}`);
      if (r.issue_date) dated++;
    }
    facts.push(`summaries.json: ${records.length} records, ${dated} with an issue_date`);
  }
  const csv = path.join(site, 'summaries.csv');
  if (existsSync(csv)) {
    const rows = parseCsv(readFileSync(csv, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    const columns = rows[0] === undefined ? [] : Object.keys(rows[0]);
    for (const r of rows) {
      const want = dates.get(r.issue_id ?? '')?.date ?? '';
      if ((r.issue_date ?? '') !== want)
        failures.push(`summaries.csv: a row of ${r.issue_id} carries ${r.issue_date}; its issue's date is ${want || 'unknown'}`);
    }
    const spreadsheet = [
      'Category',
      'Highlight?',
      'Title',
      'Authors',
      'Venue',
      'Year',
      'H/T',
      'Email',
      'Summarizer',
      'Summary',
      'My opinion',
      'Prerequisites',
      'Read more',
      'URL',
    ];
    const missing = spreadsheet.filter((c) => !columns.includes(c));
    if (missing.length > 0) failures.push(`summaries.csv lacks the spreadsheet's columns ${missing.join(', ')}`);
    facts.push(
      `summaries.csv: ${rows.length} rows, ${columns.length} columns (the spreadsheet's ${spreadsheet.length - missing.length} of ${spreadsheet.length}, H/T ${columns.includes('H/T') ? 'included' : 'missing'})`,
    );
  }
  return { name: 'exports', facts, failures };
}

/** Every .bib file: parses, keys unique, no escape left in a field, a summary's year and month fit its issue. */
export function checkBibtex(site: string, dates: ReadonlyMap<string, IssueDates>): Check {
  const failures: string[] = [];
  let entries = 0;
  const files = filesUnder(site, '.bib');
  const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  for (const file of files) {
    const text = readFileSync(path.join(site, file), 'utf8');
    const library = parseBibtex(text, { sentenceCase: false, english: false });
    if (library.errors.length > 0) failures.push(`${file}: ${library.errors.length} parse errors (${library.errors[0]!.error})`);
    const seen = new Map<string, number>();
    for (const entry of library.entries) {
      entries++;
      seen.set(entry.key, (seen.get(entry.key) ?? 0) + 1);
      const title = String(entry.fields.title ?? '');
      // A Markdown escape left in (`Q\&A` read as such, not as `Q&A`): a backslash before punctuation in the title as read.
      if (/\\[!-/:-@[-`{-~]/.test(title)) failures.push(`${file}: ${entry.key}'s title keeps an escape: ${title}`);
      const url = String(entry.fields.url ?? '');
      const id = /\/issues\/([^/]+)\/#/.exec(url)?.[1];
      const issue = id === undefined ? undefined : dates.get(id);
      if (issue === undefined) continue;
      const year = entry.fields.year === undefined ? null : String(entry.fields.year);
      // The parser gives a month as its number (`may` -> 5) or as written.
      const raw = entry.fields.month === undefined ? null : String(entry.fields.month).toLowerCase();
      const month = raw === null ? null : /^\d+$/.test(raw) ? (MONTHS[Number(raw) - 1] ?? raw) : raw.slice(0, 3);
      if (year !== issue.year) failures.push(`${file}: ${entry.key} has year ${year}; its issue's year is ${issue.year ?? 'unknown'}`);
      if (month !== null && (issue.date === null || MONTHS[Number(issue.date.slice(5, 7)) - 1] !== month))
        failures.push(`${file}: ${entry.key} has month ${month}; its issue's date is ${issue.date ?? 'unknown'}`);
    }
    for (const [key, n] of seen) if (n > 1) failures.push(`${file}: the key ${key} is used ${n} times`);
  }
  return { name: 'BibTeX', facts: [`${files.length} .bib files, ${entries} entries parsed`], failures };
}

/** Links in issue and summary pages: relative ones that lead nowhere in the site; the original post. */
export function checkLinks(site: string, dates: ReadonlyMap<string, IssueDates>): Check {
  const failures: string[] = [];
  let links = 0;
  let relativeNowhere = 0;
  let toSourceHost = 0;
  let withSource = 0;
  let linked = 0;
  const examples: string[] = [];
  const exists = (p: string): boolean => {
    const local = decodeURIComponent(p.replace(/^\//, ''));
    return existsSync(path.join(site, local)) && (!p.endsWith('/') || existsSync(path.join(site, local, 'index.html')));
  };
  for (const file of filesUnder(site, '.html').filter((f) => /^(issues|papers)\//.test(f))) {
    const html = readFileSync(path.join(site, file), 'utf8');
    if (isRedirect(html)) continue;
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
    const own = /^issues\/([^/]+)\/index\.html$/.exec(file)?.[1];
    const source = own === undefined ? null : (dates.get(own)?.source ?? null);
    const host = source === null ? null : new URL(source).host.replace(/^www\./, '');
    for (const m of main.matchAll(/<a [^>]*href="([^"]*)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      links++;
      if (/^(https?:|mailto:|#)/.test(href)) {
        if (host !== null && href.startsWith('http') && new URL(href).host.replace(/^www\./, '') === host) toSourceHost++;
        continue;
      }
      const target = href.split('#')[0]!.split('?')[0]!;
      if (target !== '' && !exists(target.startsWith('/') ? target : `/${path.posix.join(path.posix.dirname(file), target)}`)) {
        relativeNowhere++;
        if (examples.length < 5) examples.push(`${file}: ${href}`);
      }
    }
    if (own !== undefined && dates.has(own) && source !== null) {
      withSource++;
      if (/>Original post<\/a>/.test(html)) linked++;
      else failures.push(`${file}: no "Original post" link though its address is known (${source})`);
    }
  }
  if (relativeNowhere > 0) failures.push(`${relativeNowhere} links lead nowhere in the site, e.g. ${examples.join('; ')}`);
  const issues = [...dates.values()].length;
  return {
    name: 'links',
    facts: [
      `${links} links in issue and summary pages; ${relativeNowhere} relative links leading nowhere; ${toSourceHost} links to the host each issue was published on (resolved or written so)`,
      `${linked} of ${issues} issue pages link their original post (${withSource} have a known address)`,
    ],
    failures,
  };
}

/** The summary pages per year as search's year filter declares them, against the counts /stats/ prints. */
export function checkYearFilter(site: string): Check {
  const years = new Map<string, number>();
  let pages = 0;
  for (const file of filesUnder(site, '.html').filter((f) => f.startsWith('papers/'))) {
    const html = readFileSync(path.join(site, file), 'utf8');
    if (isRedirect(html) || !/data-pagefind-body/.test(html)) continue;
    pages++;
    const declared = new Set([...html.matchAll(/data-pagefind-filter="year:([^"]*)"/g)].map((m) => m[1]!));
    for (const y of declared) years.set(y, (years.get(y) ?? 0) + 1);
  }
  const facts = [
    `${pages} summary pages in the index; search's year filter: ${[...years]
      .sort()
      .map(([y, n]) => `${y} ${n}`)
      .join(', ')}`,
  ];
  const failures: string[] = [];
  const statsFile = path.join(site, 'stats/index.html');
  if (existsSync(statsFile)) {
    const stats = readFileSync(statsFile, 'utf8');
    const noYear = /(\d[\d,]*) summaries have no known year and are not shown/.exec(stats)?.[1]?.replace(/,/g, '');
    facts.push(`/stats/: ${noYear ?? 0} summaries with no known year`);
    if (noYear !== undefined && Number(noYear) !== (years.get('unknown') ?? 0))
      failures.push(`/stats/ counts ${noYear} summaries with no known year; search's filter ${years.get('unknown') ?? 0}`);
  }
  return { name: 'year filter and /stats/', facts, failures };
}

/** people.yml: no alias of a person has a page of its own; its address, where there is one, redirects. */
export function checkPeople(site: string, people: readonly { name: string; aliases: readonly string[] }[]): Check {
  const failures: string[] = [];
  let redirects = 0;
  for (const person of people)
    for (const alias of person.aliases) {
      const key = stableSlug(alias, 'person');
      if (key === stableSlug(person.name, 'person')) continue;
      for (const family of ['summarizers', 'authors']) {
        const file = path.join(site, family, key, 'index.html');
        if (!existsSync(file)) continue;
        if (isRedirect(readFileSync(file, 'utf8'))) redirects++;
        else failures.push(`${family}/${key}/ is a page of its own; people.yml makes it ${person.name}`);
      }
    }
  return { name: 'people', facts: [`${people.length} people in people.yml; ${redirects} alias addresses redirect`], failures };
}

/** What is known of each issue's date and address, as the build knows it. */
export function archiveDates(content: string): { dates: Map<string, IssueDates>; people: { name: string; aliases: string[] }[] } {
  const session = new BuildSession({ contentDir: content, quiet: true });
  const loaded = loadArchive(session);
  const dates = new Map<string, IssueDates>();
  for (const issue of loaded.site.issues)
    dates.set(issue.id, {
      date: issue.dateIso,
      year: issue.year,
      notBefore: issue.yearBounds.notBefore === null ? null : String(issue.yearBounds.notBefore),
      notAfter: issue.yearBounds.notAfter === null ? null : String(issue.yearBounds.notAfter),
      source: issue.sourceHref,
    });
  const people = session.caches.people?.value.people ?? [];
  return { dates, people: people.map((p) => ({ name: p.name, aliases: [...p.aliases] })) };
}

function datesFacts(dates: ReadonlyMap<string, IssueDates>): Check {
  const all = [...dates.values()];
  const day = all.filter((d) => d.date !== null).length;
  const year = all.filter((d) => d.date === null && d.year !== null).length;
  const bounds = all.filter((d) => d.date === null && d.year === null && (d.notBefore !== null || d.notAfter !== null)).length;
  return {
    name: 'what is known of dates',
    facts: [
      `${all.length} issues: ${day} with a day, ${year} with a year only, ${bounds} with bounds only (no year), ${all.length - day - year - bounds} with nothing`,
    ],
    failures: [],
  };
}

function main(argv: string[]): number {
  const site = argValue(argv, '--site');
  if (site === undefined || !existsSync(site)) {
    process.stderr.write('usage: npm run check-site -- --site DIR [--content DIR] [--max-bytes 300000] [--json]\n');
    return 2;
  }
  const content = argValue(argv, '--content');
  const maxBytes = Number(argValue(argv, '--max-bytes') ?? 300_000);
  const checks: Check[] = [checkPageSizes(site, maxBytes)];
  if (content !== undefined) {
    const { dates, people } = archiveDates(content);
    checks.push(
      datesFacts(dates),
      checkPageDates(site, dates),
      checkFeeds(site, dates),
      checkSitemap(site, dates),
      checkExports(site, dates),
      checkBibtex(site, dates),
      checkLinks(site, dates),
      checkYearFilter(site),
      checkPeople(site, people),
    );
  }
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(checks, null, 2)}\n`);
  else
    for (const check of checks) {
      process.stdout.write(`${check.failures.length === 0 ? 'ok  ' : 'FAIL'} ${check.name}\n`);
      for (const fact of check.facts) process.stdout.write(`     ${fact}\n`);
      for (const failure of check.failures.slice(0, 10)) process.stdout.write(`     - ${failure}\n`);
      if (check.failures.length > 10) process.stdout.write(`     ... and ${check.failures.length - 10} more\n`);
    }
  return checks.some((c) => c.failures.length > 0) ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
