/**
 * Which entries get a summary page. A summary page is for a summary: an entry whose text says
 * something of the paper (a summary, an opinion, a "Read more" or "Prerequisites" note). An entry
 * with none of these (a bare link, a "see also" title) is an anchor on its issue page and nothing
 * more: where the archive summarizes the same paper elsewhere (the same title, or else the same
 * link), the anchor links to that summary page.
 *
 * A title gets one page for all its appearances (`paperSlug`), as before; the page exists when at
 * least one appearance is a summary, and lists every appearance, bare ones included ("mentioned
 * in"). Pure.
 */
import { urlKey } from '../../merge/paper.ts';
import type { Entry } from '../../records/types.ts';

/** The parts of an entry that make it a summary. */
export type SummaryParts = Pick<Entry, 'summary' | 'opinions' | 'readMore' | 'prerequisites'>;

/** The entry says something of its paper: a summary, an opinion, a "Read more" or "Prerequisites" note. */
export function hasSummary(entry: SummaryParts): boolean {
  return (
    entry.summary.trim() !== '' ||
    entry.opinions.some((o) => o.text.trim() !== '') ||
    entry.readMore.some((t) => t.trim() !== '') ||
    entry.prerequisites.some((t) => t.trim() !== '')
  );
}

/** One appearance of a title, as far as deciding its page goes. */
export interface PageCandidate {
  /** Its title's page slug (`paperSlug`). */
  slug: string;
  /** The paper's link (the text's or the database's), or null. */
  url: string | null;
  summary: boolean;
}

/**
 * Where each title's page is: `pageOf(slug)` is the slug itself when an appearance of that title
 * is a summary; for a title no appearance summarizes, the one summarized title whose paper has the
 * same link (`sameUrl`), when exactly one has; else null (no page: the entries are anchors only).
 * A link to a site's front page (`https://example.org/`) says nothing of which paper it is and
 * never joins two titles.
 */
export function summaryPages(candidates: Iterable<PageCandidate>): (slug: string) => string | null {
  const summarized = new Set<string>();
  const urls = new Map<string, Set<string>>();
  const bare = new Map<string, Set<string>>();
  for (const { slug, url, summary } of candidates) {
    const key = url === null ? null : paperUrlKey(url);
    if (summary) {
      summarized.add(slug);
      if (key !== null) {
        const slugs = urls.get(key) ?? new Set<string>();
        slugs.add(slug);
        urls.set(key, slugs);
      }
    } else if (key !== null) {
      const keys = bare.get(slug) ?? new Set<string>();
      keys.add(key);
      bare.set(slug, keys);
    }
  }
  const target = new Map<string, string | null>();
  return (slug) => {
    if (summarized.has(slug)) return slug;
    let found = target.get(slug);
    if (found === undefined) {
      const pages = new Set([...(bare.get(slug) ?? [])].flatMap((key) => [...(urls.get(key) ?? [])]));
      found = pages.size === 1 ? [...pages][0]! : null;
      target.set(slug, found);
    }
    return found;
  };
}

/** The paper's link as `sameUrl` compares it, or null for a link that names no page in particular (a site's front page). */
function paperUrlKey(url: string): string | null {
  const key = urlKey(url);
  if (key.startsWith('arxiv:')) return key;
  const slash = key.indexOf('/');
  return slash > 0 && slash < key.length - 1 ? key : null;
}
