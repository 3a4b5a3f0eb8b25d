/**
 * The page families' registry (src/site/families.ts): each family has its template, and the page
 * list, the duplicate-page check, the page sources, the sitemap and the render plan cover a family
 * added to the registry with no other edit; no other file lists the families.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { RenderPlanner } from '../../src/io/eleventy/render-plan.ts';
import { collectSite } from '../../src/site.ts';
import { type Family, FAMILIES, FAMILY_NAMES, type FamilyParts, type FamilyRegistry, familyLists } from '../../src/site/families.ts';
import { checkUniquePages, DuplicatePageError, plannedPaths, sourcesOf } from '../../src/site/page-sources.ts';
import { sitemapUrls } from '../../src/site/pages/sitemap.ts';
import { addressOf, type PageAddress } from '../../src/site/routes.ts';
import type { SiteData } from '../../src/site/site-data.ts';
import { entry } from '../support/records.ts';
import { issue, options } from '../support/site.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TEMPLATES = path.join(ROOT, 'templates');

/** A family no site has: a page of notes at `notes/<n>/`. */
type NoteView = PageAddress & { pageTitle: string; description: string; note: string };
const notes: Family<NoteView> = {
  route: 'notes/<n>/',
  kind: 'stats',
  ogType: 'website',
  template: 'note-pages.njk',
  sitemap: true,
  views: () => [],
  sources: (view) => [`the note "${view.note}"`],
};
const registry = { ...FAMILIES, notes } as FamilyRegistry;
const note = (at: string, text: string): NoteView => ({
  ...addressOf(at, options.settings.url),
  pageTitle: text,
  description: text,
  note: text,
});

const issues = [issue(7, '2019-01-01', [entry('First', { line: 12, summarizers: ['Ada'] })])];
const site = collectSite(issues, options);
/** The site with the new family's list beside the others, as collectSite would hand it out with the family in its registry. */
const withNotes = (views: NoteView[]): SiteData => ({ ...site, notes: views }) as SiteData;

test("every family has its template, which paginates the family's planned pages; every family template is one of the registry's", () => {
  for (const name of FAMILY_NAMES) {
    const file = path.join(TEMPLATES, FAMILIES[name].template);
    assert.ok(existsSync(file), `${name}: templates/${FAMILIES[name].template}`);
    assert.match(readFileSync(file, 'utf8'), new RegExp(`data: "site\\.render\\.${name}"`), `${name} paginates site.render.${name}`);
  }
  const templates = readdirSync(TEMPLATES).filter((f) => f.endsWith('-pages.njk'));
  assert.deepEqual(templates.sort(), FAMILY_NAMES.map((name) => FAMILIES[name].template).sort());
});

test('a family added to the registry is in the page list, the duplicate check, the page sources, the sitemap and the render plan', () => {
  const one = note('notes/1/', 'on gardens');
  const extended = withNotes([one]);
  assert.ok(plannedPaths(extended, registry).includes('notes/1/'));
  assert.ok(!plannedPaths(extended).includes('notes/1/'), 'the site registry does not know the family');
  assert.deepEqual(sourcesOf('notes/1/', extended, issues, registry), ['the note "on gardens"']);
  assert.ok(sitemapUrls(extended, registry).includes('https://example.org/repo/notes/1/'));
  assert.doesNotThrow(() => checkUniquePages(extended, issues, registry));

  // A note at an issue page's address is refused, naming both inputs.
  const clash = withNotes([one, note('issues/an-007/', 'in the way')]);
  assert.throws(
    () => checkUniquePages(clash, issues, registry),
    (error: unknown) =>
      error instanceof DuplicatePageError &&
      /\/issues\/an-007\/ would be written by each of: an-007\.txt; the note "in the way"/.test(error.message),
  );

  const planner = new RenderPlanner(ROOT);
  const plan = planner.plan(extended, registry) as unknown as Record<string, { kind: string; view: PageAddress }[]>;
  assert.deepEqual(
    plan.notes!.map((p) => [p.kind, p.view.path]),
    [['stats', 'notes/1/']],
  );
  assert.deepEqual(
    plan.issues!.map((p) => [p.kind, p.view.path]),
    [['issue', 'issues/an-007/']],
  );
});

test('a family whose pages yield is made after the others, and never at an address another page has', () => {
  const pages: FamilyRegistry = {
    first: { ...notes, views: () => [note('a/', 'a'), note('b/', 'b')] },
    late: { ...notes, yields: true, views: (_parts, taken) => ['a/', 'c/', 'home/'].filter((p) => !taken.has(p)).map((p) => note(p, p)) },
  };
  const lists = familyLists({} as FamilyParts, ['home/'], pages) as unknown as Record<string, PageAddress[]>;
  assert.deepEqual(
    lists.late!.map((v) => v.path),
    ['c/'],
  );
});

test("the site's pages are each of one kind: the registry's for its family", () => {
  const plan = new RenderPlanner(ROOT).plan(site);
  for (const name of FAMILY_NAMES) for (const planned of plan[name]) assert.equal(planned.kind, FAMILIES[name].kind, name);
  assert.equal(plan.fixed.search.kind, 'search');
  assert.equal(plan.papers[0]?.ogType, 'article');
});

test('no file besides the registry lists the page families', () => {
  // Family names that name nothing else (the static pages share `issues`, `categories`, `summarizers`, `authors`).
  const own = ['papers', 'citedBy', 'listPages', 'authorLetters', 'chartPages', 'feeds', 'bibFiles', 'redirects'];
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
  for (const file of [...files(path.join(ROOT, 'src')), ...files(TEMPLATES)]) {
    if (file.endsWith(path.join('site', 'families.ts')) || !/\.(ts|njk)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const named = own.filter((name) =>
      file.endsWith('.njk')
        ? new RegExp(`site\\.(render\\.)?${name}\\b`).test(text)
        : new RegExp(`['"]${name}['"]|site\\.${name}\\b`).test(text),
    );
    // A page may link to a page of another family or two (the home page to /stats/ and summaries.bib); a list of them is the registry's.
    assert.ok(named.length <= 2, `${path.relative(ROOT, file)} lists the families ${named.join(', ')}`);
  }
  // The render plan and the layout go over the registry: a planned page names its family's kind, and the layout prints it.
  const base = readFileSync(path.join(TEMPLATES, '_includes', 'base.njk'), 'utf8');
  assert.doesNotMatch(base, /issue or paper/);
  assert.doesNotMatch(readFileSync(path.join(TEMPLATES, 'sitemap.njk'), 'utf8'), /site\.issues|for list in/);
});
