/**
 * How on topic the related summaries are, measured against the newsletter's own database: of the
 * related links between two summary pages that both have a database row, the share whose target
 * shares a `Category` (the innermost heading the spreadsheet files a summary under) with the page
 * it is listed on. Used by `npm run score-related` and `npm run bench`.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadArchive } from '../../src/build/load.ts';
import { BuildSession } from '../../src/build/session.ts';
import { type Database, parseDatabase } from '../../src/merge/database.ts';
import type { MergedIssue } from '../../src/merge/paper.ts';
import type { SiteData } from '../../src/site.ts';
import { paperSlug } from '../../src/site/names.ts';

export interface RelatedScore {
  /** Summary pages with a database row and at least one related link to another such page. */
  pages: number;
  /** Related links between two pages that both have a database row. */
  links: number;
  /** Of those, links to a page sharing a database Category with the page. */
  onTopic: number;
  /** `onTopic / links`. */
  share: number;
  /** Links to a page with no database row (not scored). */
  unscored: number;
}

/** The score of a collected site whose issues were merged with `database`. */
export function relatedOnTopic(site: SiteData, issues: readonly MergedIssue[], database: Database): RelatedScore {
  const byLine = new Map(database.rows.map((row) => [row.line, row.category]));
  const categories = new Map<string, Set<string>>();
  for (const issue of issues)
    for (const entry of issue.entries) {
      const category = entry.paper.row === null ? undefined : byLine.get(entry.paper.row.line)?.trim();
      if (!category) continue;
      const slug = paperSlug(entry.title);
      const set = categories.get(slug) ?? new Set<string>();
      set.add(category.toLowerCase());
      categories.set(slug, set);
    }
  let links = 0;
  let onTopic = 0;
  let unscored = 0;
  let pages = 0;
  for (const page of site.papers) {
    const mine = categories.get(page.slug);
    if (mine === undefined) continue;
    let counted = 0;
    for (const link of page.related) {
      const target = /\/papers\/([^/]+)\/$/.exec(link.href)?.[1];
      const theirs = target === undefined ? undefined : categories.get(decodeURIComponent(target));
      if (theirs === undefined) {
        unscored++;
        continue;
      }
      counted++;
      if ([...theirs].some((c) => mine.has(c))) onTopic++;
    }
    links += counted;
    if (counted > 0) pages++;
  }
  return { pages, links, onTopic, share: links === 0 ? 0 : onTopic / links, unscored };
}

export interface RealArchive {
  /** Saved pages of the issues (a folder). */
  newsletters: string;
  /** The newsletter's database.csv. */
  database: string;
  /** A content dir whose categories.yml, site.yml, people.yml and newsletter.yml are used. */
  settings: string;
}

/** Builds the site data of a real archive (read, parse, merge, collect: no pages written) and scores its related links. */
export function scoreRealArchive(archive: RealArchive): RelatedScore & { summaries: number; ms: number } {
  for (const p of [archive.newsletters, archive.database]) if (!existsSync(p)) throw new Error(`score-related: ${p} does not exist`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'related-score-'));
  try {
    symlinkSync(path.resolve(archive.newsletters), path.join(dir, 'newsletters'), 'dir');
    for (const file of ['categories.yml', 'site.yml', 'people.yml', 'newsletter.yml'])
      if (existsSync(path.join(archive.settings, file))) cpSync(path.join(archive.settings, file), path.join(dir, file));
    cpSync(archive.database, path.join(dir, 'database.csv'));
    const started = performance.now();
    const loaded = loadArchive(new BuildSession({ contentDir: dir, quiet: true, siteUrl: 'https://archive.example/' }));
    const ms = performance.now() - started;
    const rows = parseDatabase(readFileSync(archive.database, 'utf8'), 'database.csv');
    return { ...relatedOnTopic(loaded.site, loaded.issues, rows), summaries: loaded.site.papers.length, ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
