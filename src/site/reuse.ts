/**
 * What the site data may keep from one build to the next (`SiteReuse`), and the two kinds of memo
 * it is made of: `Memo`, bounded, for pure functions of a string, and `PageReuse`, for pages that
 * are pure functions of a named input. What each keeps, by what key, what makes it again, and the
 * identity rules that make it safe: docs/ARCHITECTURE.md, Incremental rebuilds.
 */
import type { Entry } from '../records/types.ts';
import type { EntryFacts, EntryView } from './archive/entry.ts';
import type { SummaryRecord } from './pages/exports.ts';
import type { Excerpt, MarkdownRenderer } from './text/markdown.ts';
import { plainExcerpt } from '../records/plain-text.ts';

/** Bounded memo of a pure function of a string: when it outgrows `limit` it is emptied, not evicted one by one. */
export class Memo<V> {
  private map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string, make: () => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      value = make();
      this.map.set(key, value);
    }
    return value;
  }
}

/**
 * Two values are the same when they are identical, or are arrays or plain objects whose items
 * are, one level down (an issue whose fields are the same values; a list of the same entry
 * views). Equal by this test means equal in content, since only identity and string or number
 * equality are ever used.
 */
function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (depth >= 2 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i], depth + 1));
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameValue(x[k], y[k], depth + 1));
}

/** Each field of one input is the same value as the other's field of the same name. */
function sameInput(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameValue(x[k], y[k]));
}

type Kept = { make: unknown; input: object; value: unknown };

/**
 * Pages made by a pure function of a named input, kept from one collect to the next: when a
 * page's function is called with the same input as last time (`sameInput`), it gets last time's
 * object. The functions live at module level, so whatever a page shows has to come in through
 * its input, and a page whose input changed is always made again.
 */
export class PageReuse {
  private last = new Map<string, Kept>();
  private next = new Map<string, Kept>();
  page<I extends object, V>(key: string, make: (input: I) => V, input: I): V {
    const kept = this.last.get(key);
    const value = kept !== undefined && kept.make === make && sameInput(input, kept.input) ? (kept.value as V) : make(input);
    this.next.set(key, { make, input, value });
    return value;
  }
  /** One collect is done: what it did not ask for is dropped. */
  done(): void {
    this.last = this.next;
    this.next = new Map();
  }
}

/** An entry's view and export record, and what they were made with. */
export interface KeptEntry {
  /** Everything besides the entry itself that the view and record show, as one string. */
  context: string;
  markdown: MarkdownRenderer;
  view: EntryView;
  record: SummaryRecord;
}

/** What `collectSite` can keep from one call to the next (docs/ARCHITECTURE.md, Incremental rebuilds: `site`). */
export class SiteReuse {
  readonly facts = new WeakMap<Entry, EntryFacts>();
  readonly views = new WeakMap<Entry, KeptEntry>();
  /** Category slugs: few distinct labels, each slugged many times (entries, headings, links). */
  readonly categorySlugs = new Memo<string>(10_000);
  readonly excerpts = new Memo<string>(50_000);
  readonly pages = new PageReuse();
  /** `plainExcerpt`, kept per text; one function for as long as this lives, so pages can take it as input. */
  readonly excerpt: Excerpt = (text, max) => this.excerpts.get(`${max}\u0000${text}`, () => plainExcerpt(text, max));
}
