import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from '../../src/merge/database.ts';
import type { MergedIssue } from '../../src/merge/paper.ts';
import type { SiteData } from '../../src/site.ts';
import { relatedOnTopic } from '../../tools/bench/related-score.ts';

/** Just what the score reads: pages with their related links, entries with their database rows. */
const site = {
  papers: [
    { slug: 'bees', related: [{ href: '/papers/wasps/' }, { href: '/papers/chips/' }, { href: '/papers/no-row/' }] },
    { slug: 'wasps', related: [{ href: '/papers/bees/' }] },
    { slug: 'chips', related: [] },
    { slug: 'no-row', related: [{ href: '/papers/bees/' }] },
  ],
} as unknown as SiteData;
const entry = (title: string, line: number | null) => ({ title, paper: { row: line === null ? null : { line } } });
const issues = [{ entries: [entry('Bees', 2), entry('Wasps', 3), entry('Chips', 4), entry('No row', null)] }] as unknown as MergedIssue[];
const database = {
  rows: [
    { line: 2, category: 'Insects' },
    { line: 3, category: 'insects ' },
    { line: 4, category: 'Hardware' },
  ],
} as unknown as Database;

test('the related score counts links between pages with a database row, and those that share its category', () => {
  assert.deepEqual(relatedOnTopic(site, issues, database), { pages: 2, links: 3, onTopic: 2, share: 2 / 3, unscored: 1 });
});
