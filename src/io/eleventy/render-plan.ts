/**
 * Which pages of a family to render in this build.
 *
 * A full build renders every page. In watch mode (the dev server, `setIncrementalBuild`), a
 * change to one newsletter file changes the `site` global, and Eleventy would re-render every
 * page; instead each page's view is fingerprinted and only pages whose view changed since the
 * last build into the same output dir are paginated. Pages that did not change keep the files
 * the previous build wrote. Anything that every page shows (settings, counts in the footer)
 * changing forces a full render, and so does a change to any file outside the content dir
 * (a template or the stylesheet changes pages whose data did not).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import { FAMILIES, type FamilyName, type FamilyRegistry, listOf, type PlannedPage, type ViewOf } from '../../site/families.ts';
import type { StaticPageName, StaticPageView } from '../../site/pages/indexes.ts';
import type { SiteData } from '../../site/site-data.ts';
import { type EntryView, isEntryView } from '../../site/archive/entry.ts';

/**
 * The pages of each family to render, each with what kind of page it is (its family's, from
 * src/site/families.ts), and the pages that are not of a family, so the layout prints the kind of
 * any page it frames.
 */
export type RenderPlan = Pages & {
  /** The static pages (home, the indexes, search, 404), by name. */
  fixed: Record<StaticPageName, PlannedPage<StaticPageView>>;
  /** False when only changed pages are rendered. */
  full: boolean;
};

/** A family's pages, one list per family: what the plan is made of. */
type Pages = { [F in FamilyName]: PlannedPage<ViewOf<F>>[] };

interface BuildTarget {
  output: string;
  /** True in watch/serve mode or an incremental build: later builds may render only changed pages. */
  incremental: boolean;
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('base64');

/**
 * The render plan of one build session: what the last builds rendered, by output dir. A
 * fingerprint is kept for as long as its view lives: views are never changed once made
 * (docs/ARCHITECTURE.md, Incremental rebuilds).
 */
export class RenderPlanner {
  private target: BuildTarget | null = null;
  /** Per output dir: the fingerprint of the site-wide part and of every page, from the last build. */
  private readonly previous = new Map<string, { global: string; pages: Map<string, string> }>();
  /**
   * Entries appear on several pages: each is fingerprinted once, and pages by their entries'
   * fingerprints. After one edit, only the edited entries are serialized and hashed.
   */
  private readonly entryKeys = new WeakMap<EntryView, string>();
  /** Page fingerprints, kept as long as the page's view lives. */
  private readonly pageKeys = new WeakMap<object, string>();

  /** `contentDir`: a change to a file outside it (a template, the stylesheet) renders every page. */
  constructor(private readonly contentDir: string) {}

  /** Eleventy tells which build this is before it computes global data. */
  plugin(config: UserConfig): void {
    // A changed template, stylesheet or source file changes pages whose data did not: render all.
    config.on('eleventy.beforeWatch', (changedFiles) => {
      const content = path.resolve(this.contentDir) + path.sep;
      if (changedFiles.some((file) => !path.resolve(file).startsWith(content))) this.previous.clear();
    });
    config.on('eleventy.before', (args) => {
      this.target = { output: args.directories.output, incremental: args.incremental || args.runMode !== 'build' };
    });
  }

  private entryKey(entry: EntryView): string {
    let key = this.entryKeys.get(entry);
    if (key === undefined) {
      key = sha1(JSON.stringify(entry));
      this.entryKeys.set(entry, key);
    }
    return key;
  }

  private pageKey(view: object): string {
    let key = this.pageKeys.get(view);
    if (key === undefined) {
      key = sha1(JSON.stringify(view, (_key, value: unknown) => (isEntryView(value) ? this.entryKey(value) : value)));
      this.pageKeys.set(view, key);
    }
    return key;
  }

  /**
   * Forgets what the last builds rendered: a build that planned pages failed, so some of them may
   * not have been written. The next build renders every page.
   */
  forget(): void {
    this.previous.clear();
  }

  /** Pages to render for this build; records fingerprints for the next one. */
  plan(site: SiteData, registry: FamilyRegistry = FAMILIES): RenderPlan {
    const fixed = fixedPages(site.pages);
    const all: RenderPlan = { ...pagesOf(registry, (family) => listOf(site, family)), fixed, full: true };
    const target = this.target;
    if (target === null || !target.incremental) return all;

    const global = sha1(JSON.stringify([site.settings, site.counts, site.pages]));
    const pages = new Map<string, string>();
    const last = this.previous.get(target.output);
    const changed = <T extends { path: string }>(views: readonly T[]): T[] =>
      views.filter((view) => {
        const key = this.pageKey(view);
        pages.set(view.path, key);
        return last?.global !== global || last.pages.get(view.path) !== key;
      });
    const plan: RenderPlan = {
      ...pagesOf(registry, (family) => changed(listOf(site, family))),
      fixed,
      full: last === undefined || last.global !== global,
    };
    this.previous.set(target.output, { global, pages });
    return plan.full ? all : plan;
  }
}

/** Each family's pages, as `pick` gives them, with their family's kind (in the families' order: src/site/families.ts). */
function pagesOf(registry: FamilyRegistry, pick: (family: string) => readonly object[]): Pages {
  return Object.fromEntries(
    Object.entries(registry).map(([family, { kind, ogType }]) => [family, pick(family).map((view) => ({ kind, ogType, view }))]),
  ) as unknown as Pages;
}

/** The static pages as the layout frames them: their kind is their name (`home`, `search`, the indexes), all of them websites to Open Graph. */
function fixedPages(pages: SiteData['pages']): Record<StaticPageName, PlannedPage<StaticPageView>> {
  return Object.fromEntries(Object.entries(pages).map(([name, view]) => [name, { kind: name, ogType: 'website', view }])) as Record<
    StaticPageName,
    PlannedPage<StaticPageView>
  >;
}
