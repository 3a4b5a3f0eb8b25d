/**
 * The facts of one entry: what depends on the entry alone (its paper, slugs, excerpt, words),
 * worked out once and kept by identity for a frozen entry (SiteReuse).
 */
import type { MergedEntry } from '../../merge/paper.ts';
import { textPaper } from '../../merge/paper.ts';
import type { Entry } from '../../records/types.ts';
import type { EntryFacts } from './entry.ts';
import { plainExcerpt } from '../../records/plain-text.ts';
import { categorySlug, paperSlug } from '../text/names.ts';
import type { SiteReuse } from '../reuse.ts';
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
