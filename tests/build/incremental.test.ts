/**
 * Rebuilds in watch mode: what is kept from one build to the next, and that keeping it changes
 * nothing in what is built. (The end-to-end watch test is in build.test.ts.)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { type CollectOptions, collectSite, type SiteData } from '../../src/site.ts';
import { CSV_COLUMNS, csvCell, SPREADSHEET_COLUMNS, type SummaryRecord } from '../../src/site/pages/exports.ts';
import { SiteReuse } from '../../src/site/reuse.ts';
import { issueLinker } from '../../src/site/routes.ts';
import type { UserConfig } from '@11ty/eleventy';
import { ExportRows } from '../../src/io/export-rows.ts';
import { RenderPlanner } from '../../src/io/eleventy/render-plan.ts';
import { createMarkdown } from '../../src/site/text/markdown.ts';
import { readNewsletters, type ReadCache } from '../../src/io/read.ts';
import type { Entry, Issue } from '../../src/records/types.ts';
import { deepFreeze, entry } from '../support/records.ts';
import { issue } from '../support/site.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

const options: CollectOptions = {
  settings: { title: 'Archive', description: 'd', url: 'https://example.org/repo/', language: 'en', pathPrefix: '/repo/' },
  vocabulary: [
    { label: 'Technical AI alignment', parent: null, highlight: false },
    { label: 'Interpretability', parent: 'Technical AI alignment', highlight: false },
  ],
};

/** A reuse memo is used with one Markdown renderer (the build session keeps both while the issue numbers stay the same). */
const cached = (issues: Issue[]): CollectOptions => ({
  ...options,
  reuse: new SiteReuse(),
  markdown: createMarkdown(issueLinker(issues)),
});

const viewOf = (site: SiteData, title: string) =>
  site.issues.flatMap((i) => i.blocks).flatMap((b) => (b.kind === 'entry' && b.entry.title === title ? [b.entry] : []))[0];
const recordOf = (site: SiteData, title: string) => site.records.find((r) => r.title === title);

test('a collect cache reuses the views and records of unchanged entries, and the site is the same as without it', () => {
  const a = deepFreeze(entry('Paper A', { summarizers: ['Rohin'], category: ['Technical AI alignment', 'Interpretability'] }));
  const b = deepFreeze(entry('Paper B', { summarizers: ['Dan H'], opinions: [{ by: 'Rohin', text: 'Nice (AN #2).' }] }));
  const c = deepFreeze(entry('Paper C', { summarizers: ['rohin'], category: ['Interpretability'] }));
  const withCache = cached([issue(1, '2019-01-01', [a, b]), issue(2, '2019-02-01', [c])]);
  const first = collectSite([issue(1, '2019-01-01', [a, b]), issue(2, '2019-02-01', [c])], withCache);

  // Issue 2 edited: its entry is a new object; issue 1's entries are the same objects as before.
  const edited = deepFreeze(entry('Paper C', { summarizers: ['rohin'], category: ['Interpretability'], summary: 'Edited.' }));
  const issues = [issue(1, '2019-01-01', [a, b]), issue(2, '2019-02-01', [edited])];
  const second = collectSite(issues, withCache);
  assert.equal(viewOf(second, 'Paper A'), viewOf(first, 'Paper A'), 'an unchanged entry got a new view');
  assert.equal(recordOf(second, 'Paper B'), recordOf(first, 'Paper B'), 'an unchanged entry got a new record');
  assert.notEqual(viewOf(second, 'Paper C'), viewOf(first, 'Paper C'));
  assert.equal(viewOf(second, 'Paper C')?.summaryHtml, '<p>Edited.</p>');
  assert.deepEqual(second, collectSite(issues, options));
});

test('an unchanged entry is shown again when what it shows from elsewhere changed', () => {
  const a = deepFreeze(entry('Paper A', { summarizers: ['Rohin'], category: ['Interpretability'] }));
  const b = deepFreeze(entry('Paper B', { summarizers: ['rohin'] }));
  const withCache = cached([issue(1, '2019-01-01', [a]), issue(2, '2019-02-01', [b])]);
  const first = collectSite([issue(1, '2019-01-01', [a]), issue(2, '2019-02-01', [b])], withCache);
  assert.equal(viewOf(first, 'Paper A')?.summarizers[0]?.label, 'Rohin');

  // Another issue now spells the person differently more often; this issue's title and date changed.
  const respelled = [deepFreeze(entry('Paper B', { summarizers: ['ROHIN'] })), deepFreeze(entry('Paper C', { summarizers: ['ROHIN'] }))];
  const issues = [issue(1, '2019-03-01', [a], { title: 'Renamed' }), issue(2, '2019-02-01', respelled)];
  const second = collectSite(issues, withCache);
  const view = viewOf(second, 'Paper A');
  assert.notEqual(view, viewOf(first, 'Paper A'));
  assert.equal(view?.summarizers[0]?.label, 'ROHIN');
  assert.equal(view?.issue.title, 'Renamed');
  assert.equal(view?.year, '2019');
  assert.equal(recordOf(second, 'Paper A')?.issue_date, '2019-03-01');
  assert.deepEqual(second, collectSite(issues, options));

  // A different site URL: every absolute URL changes.
  const moved = { ...options, settings: { ...options.settings, url: 'https://example.com/' } };
  const third = collectSite(issues, { ...withCache, settings: moved.settings });
  assert.equal(viewOf(third, 'Paper A')?.entryCanonical, 'https://example.com/issues/an-001/#paper-a');
  assert.deepEqual(third, collectSite(issues, moved));
});

test('entries that are not frozen are never taken from the cache: they could have changed in place', () => {
  const a = entry('Paper A', { summarizers: ['Rohin'] });
  const withCache = cached([issue(1, '2019-01-01', [a])]);
  collectSite([issue(1, '2019-01-01', [a])], withCache);
  a.summary = 'Changed in place.';
  const second = collectSite([issue(1, '2019-01-01', [a])], withCache);
  assert.equal(viewOf(second, 'Paper A')?.summaryHtml, '<p>Changed in place.</p>');
  assert.equal(recordOf(second, 'Paper A')?.summary, 'Changed in place.');
});

test('summaries.csv and summaries.json made from rows kept per record are the same bytes as one pass over all records', () => {
  const tricky = entry('Quotes, commas "and" newlines', {
    summary: '= starts like a formula,\nhas "quotes" and a line break.',
    opinions: [{ by: 'Rohin', text: 'Line one\n\nline two' }],
    summarizers: ['Rohin', 'Dan H'],
    references: [1],
  });
  const withCache = cached([issue(1, '2019-01-01', [deepFreeze(tricky), deepFreeze(entry('Plain'))])]);
  const first = collectSite([issue(1, '2019-01-01', [deepFreeze(tricky), deepFreeze(entry('Plain'))])], withCache);
  const oneCsv = (records: SummaryRecord[]): string =>
    stringify(
      records.map((r) => [...CSV_COLUMNS.map((c) => csvCell(r[c])), ...SPREADSHEET_COLUMNS.map((c) => csvCell(c.value(r)))]),
      { header: true, columns: [...CSV_COLUMNS.map(String), ...SPREADSHEET_COLUMNS.map((c) => c.name)] },
    );
  const oneJson = (records: SummaryRecord[]): string => `${JSON.stringify({ summaries: records }, null, 1)}\n`;
  const rows = new ExportRows();
  const toCsv = (records: SummaryRecord[]): string => rows.csv(records);
  const toJson = (records: SummaryRecord[]): string => rows.json(records);
  for (const records of [first.records, first.records.slice(1), []]) {
    assert.equal(toCsv(records), oneCsv(records));
    assert.equal(toJson(records), oneJson(records));
  }
  // Again, with one record kept from before and one new.
  const second = collectSite([issue(1, '2019-01-01', [tricky, deepFreeze(entry('New'))])], withCache);
  assert.equal(toCsv(second.records), oneCsv(second.records));
  assert.equal(toJson(second.records), oneJson(second.records));
  assert.deepEqual(JSON.parse(toJson(second.records)), { summaries: second.records });
});

test('a read cache hands back the same decoded file while its bytes are the same, and forgets removed files', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsletter-read-cache-'));
  try {
    writeFileSync(path.join(dir, 'an-001.txt'), 'one');
    writeFileSync(path.join(dir, 'an-002.txt'), Buffer.from([0x74, 0xff, 0x77, 0x6f]));
    writeFileSync(path.join(dir, 'an-003.txt'), 'three');
    const cache: ReadCache = new Map();
    const first = readNewsletters([dir], cache);
    assert.equal(first.problems.length, 1, 'the invalid UTF-8 is reported');

    writeFileSync(path.join(dir, 'an-003.txt'), 'three, edited');
    rmSync(path.join(dir, 'an-001.txt'));
    const second = readNewsletters([dir], cache);
    assert.deepEqual(second, readNewsletters([dir]));
    assert.equal(second.files[0], first.files[1], 'an unchanged file was decoded again');
    assert.equal(second.files[1]?.text, 'three, edited');
    assert.equal(second.problems.length, 1, 'a kept file keeps its warning');
    assert.equal(cache.size, 2);

    // Same length, different bytes: still read as changed.
    writeFileSync(path.join(dir, 'an-003.txt'), 'three, EDITED');
    assert.equal(readNewsletters([dir], cache).files[1]?.text, 'three, EDITED');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the render plan of a watch rebuild holds exactly the pages whose view changed', () => {
  const handlers = new Map<string, (args: unknown) => void>();
  const planner = new RenderPlanner(SAMPLE_ARCHIVE);
  planner.plugin({ on: (name: string, handler: (args: unknown) => void) => handlers.set(name, handler) } as unknown as UserConfig);
  const planRender = (site: SiteData) => planner.plan(site);
  const output = mkdtempSync(path.join(os.tmpdir(), 'newsletter-plan-'));
  const startBuild = (): void =>
    handlers.get('eleventy.before')!({
      directories: { input: 'templates', output },
      runMode: 'watch',
      outputMode: 'fs',
      incremental: true,
    });
  try {
    const shared = deepFreeze(entry('Shared paper', { summarizers: ['Rohin'], category: ['Interpretability'] }));
    const other = deepFreeze(entry('Other paper', { summarizers: ['Dan H'], category: ['Technical AI alignment'] }));
    const edited = (summary: string): Entry =>
      deepFreeze(entry('Edited paper', { summarizers: ['Rohin'], category: ['Interpretability'], summary }));
    const issues = (summary: string): Issue[] => [
      issue(1, '2019-01-01', [shared]),
      issue(2, '2019-02-01', [other]),
      issue(3, '2019-03-01', [edited(summary)]),
    ];
    const withCache = cached(issues('Before.'));
    const plan = (summary: string, opts: CollectOptions = withCache) => {
      startBuild();
      return planRender(collectSite(issues(summary), opts));
    };
    const paths = (p: ReturnType<typeof plan>) =>
      [...p.issues, ...p.papers, ...p.categories, ...p.summarizers].map((p) => p.view.path).sort();

    assert.equal(plan('Before.').full, true, 'the first build renders everything');
    assert.deepEqual(paths(plan('Before.')), [], 'nothing changed, nothing to render');
    const afterEdit = plan('After.');
    assert.equal(afterEdit.full, false);
    assert.deepEqual(paths(afterEdit), ['categories/interpretability/', 'issues/an-003/', 'papers/edited-paper/', 'summarizers/rohin/']);
    // Without a cache every view is a new object: the plan is the same, by the views' content.
    assert.deepEqual(paths(plan('After.', options)), []);
    assert.deepEqual(paths(plan('Again.', options)), [
      'categories/interpretability/',
      'issues/an-003/',
      'papers/edited-paper/',
      'summarizers/rohin/',
    ]);
    // A title shown by its neighbours' prev/next links changed: those issue pages too.
    const renamed = [
      issue(1, '2019-01-01', [shared]),
      issue(2, '2019-02-01', [other], { title: 'Renamed' }),
      issue(3, '2019-03-01', [edited('Again.')]),
    ];
    startBuild();
    const afterRename = planRender(collectSite(renamed, withCache));
    assert.deepEqual(afterRename.issues.map((p) => p.view.path).sort(), ['issues/an-001/', 'issues/an-002/', 'issues/an-003/']);
    assert.deepEqual(
      afterRename.papers.map((p) => p.view.path),
      ['papers/other-paper/'],
    );
    startBuild();
    planRender(collectSite(issues('After.'), withCache));
    // What every page shows (the site settings) changed: everything.
    assert.equal(plan('After.', { ...withCache, settings: { ...options.settings, title: 'Renamed archive' } }).full, true);
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
});

test('issue and summary pages are kept while their inputs are the same, and made again when a neighbour changes', () => {
  const one = deepFreeze([entry('First paper', { summarizers: ['Rohin'] })]);
  const two = deepFreeze([entry('Second paper', { summarizers: ['Rohin'], summary: 'Builds on (AN #1).', references: [1] })]);
  const three = deepFreeze([entry('Third paper', { summarizers: ['Dan H'] })]);
  const issues = (title2: string): Issue[] => [
    issue(1, '2019-01-01', one),
    issue(2, '2019-02-01', two, { title: title2 }),
    issue(3, '2019-03-01', three),
  ];
  const withCache = cached(issues('Two'));
  const first = collectSite(issues('Two'), withCache);
  const page = (site: SiteData, id: string) => site.issues.find((i) => i.id === id)!;
  const paper = (site: SiteData, slug: string) => site.papers.find((p) => p.slug === slug)!;

  const same = collectSite(issues('Two'), withCache);
  for (const id of ['an-001', 'an-002', 'an-003']) assert.equal(page(same, id), page(first, id), `${id} was made again`);
  assert.equal(paper(same, 'first-paper'), paper(first, 'first-paper'));

  // Issue 2's title changes: issue 1 (its "next"), issue 3 (its "prev") and issue 1's "referenced by"
  // show it, and so does the summary page of issue 2's entry. All of them are made again.
  const renamed = collectSite(issues('Two, renamed'), withCache);
  assert.deepEqual(renamed, collectSite(issues('Two, renamed'), options));
  assert.equal(page(renamed, 'an-001').next?.title, 'Two, renamed');
  assert.equal(page(renamed, 'an-001').referencedBy[0]?.title, 'Two, renamed');
  assert.equal(page(renamed, 'an-003').prev?.title, 'Two, renamed');
  assert.equal(paper(renamed, 'second-paper').appearances[0]?.issue.title, 'Two, renamed');
  assert.equal(paper(renamed, 'first-paper'), paper(first, 'first-paper'), 'an unrelated summary page was made again');
});
