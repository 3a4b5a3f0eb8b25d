/**
 * What the site data may keep from one build to the next: the reuse contract fast rebuilds rest
 * on, written down once, here.
 *
 * After one edit in watch mode, a rebuild redoes only what the edit touched, because every stage
 * hands the next one the same objects for what did not change:
 *
 * 1. Records are frozen. `parseArchive` hands out deep-frozen entries, and the same entry objects
 *    again for a file whose text (and archive evidence) did not change (src/parse/parse-cache.ts).
 *    Only frozen entries are remembered by identity: an entry that is not frozen may have been
 *    changed in place since, so it is worked out again every time.
 * 2. Per entry, keyed by identity (`facts`, `views`): what depends on the entry alone (slugs,
 *    keys, excerpt, words), and its view and export record. A view is kept while everything else
 *    it shows is the same (its `context`: the site URL, its issue's id, number, date and title, the
 *    spellings of its people and categories) and it was rendered by the same Markdown renderer.
 * 3. Per string, bounded (`categorySlugs`, `excerpts`): pure functions of text.
 * 4. Pages (`pages`): a page is a pure function of a named input, kept while each field of the
 *    input is the same as last time (identical, or an array or plain object whose items are
 *    identical, one level down). Whatever a page shows must come in through its input.
 * 5. Views are never changed once made. Memos downstream are keyed by view identity and stay
 *    valid for as long as the view lives: the render plan's fingerprints (an entry view is
 *    recognised inside a page by `isEntryView`; src/io/eleventy/render-plan.ts) and the rows of
 *    summaries.csv and summaries.json (src/io/export-rows.ts), and each summary's BibTeX
 *    (`CiteMemo`, src/site/pages/bib.ts).
 * 6. The features beyond the text keep their own memos, owned by the session beside this one:
 *    related summaries by entry and by engine input object (`RelatedMemo`: a page's input is
 *    the same object while its entries are, and the engine's whole result is kept while every
 *    input is), charts by the numbers they are drawn from (`ChartMemo`).
 *
 * The build session owns one SiteReuse for as long as it runs (src/io/session.ts); a collect
 * without one gets a fresh one and keeps nothing.
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

/** What `collectSite` can keep from one call to the next: see the contract above. */
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
