/**
 * Related summaries on the summary pages: one engine input per summary page (`related.ts`), the
 * engine run once for the archive, and each page's list as it is shown (title, issue, reason).
 *
 * Pure, apart from what the caller keeps between builds in a `RelatedMemo` (the build session
 * owns one; what it keeps and what makes it again: docs/ARCHITECTURE.md, Incremental rebuilds,
 * `related`). A rebuild after an edit that touches no summary's text, authors, category or
 * citations reuses the last result whole; one that does runs the engine again on terms analysed
 * before, except for the edited texts.
 */
import { splitAuthors } from '../../merge/author-names.ts';
import type { Issue } from '../../records/types.ts';
import type { SiteEntry } from '../archive/entry-facts.ts';
import type { EntryView } from '../archive/entry.ts';
import { fullest, summaryWords } from '../archive/fullest.ts';
import { analyse, type PreparedInputs, type RelatedInput, type RelatedLink, relatedSummaries } from './related.ts';
import { Memo } from '../reuse.ts';

/** One related summary as its page lists it. */
export interface RelatedItemView {
  href: string;
  title: string;
  /** The issue its page leads with (its fullest summary): `WR #98 · 6 May 2020`. */
  caption: string;
  /** Why it is listed, as a sentence start: `Cites this, similar text`. */
  reason: string;
}

/** A summary page's entries, newest issue first, with their issues. */
export type PaperEntries = readonly { issue: Issue; entry: SiteEntry }[];

/** What related summaries keep between builds (see the module comment). */
export class RelatedMemo {
  private readonly terms = new Memo<readonly string[]>(200_000);
  private stems = new Map<string, string>();
  private readonly inputs = new Map<string, { entries: PaperEntries; owned: boolean[]; input: RelatedInput }>();
  private readonly authors = new WeakMap<SiteEntry, string[]>();
  private readonly prepared: PreparedInputs = new WeakMap();
  private last: { inputs: RelatedInput[]; result: Map<string, RelatedLink[]> } | null = null;
  private views = new Map<string, { key: string; list: RelatedItemView[] }>();

  /** The engine's analyser, keeping each text's terms. */
  readonly analyser = (markdown: string): readonly string[] =>
    this.terms.get(markdown, () => {
      if (this.stems.size > 200_000) this.stems = new Map();
      return analyse(markdown, this.stems);
    });

  /** An entry's authors, one key each: the merged paper's list when the archive has one, else split from the header. */
  authorsOf(entry: SiteEntry): string[] {
    let names = this.authors.get(entry);
    if (names === undefined) {
      // The database's full list when the archive has one (a merged entry), else the header's names.
      names = 'paper' in entry ? entry.paper.authors.map((a) => a.key) : splitAuthors(entry.authors).names.map((n) => n.key);
      if (Object.isFrozen(entry)) this.authors.set(entry, names);
    }
    return names;
  }

  /**
   * A page's engine input, the same object while its entries, their issues' numbers and who owns
   * them are the same. Only frozen entries are taken to be unchanged (the identity rules).
   */
  input(slug: string, entries: PaperEntries, owns: (issue: Issue) => boolean): RelatedInput {
    const owned = entries.map((e) => owns(e.issue));
    const kept = this.inputs.get(slug);
    const same =
      kept !== undefined &&
      kept.entries.length === entries.length &&
      entries.every((e) => Object.isFrozen(e.entry)) &&
      kept.entries.every(
        (e, i) => e.entry === entries[i]!.entry && e.issue.number === entries[i]!.issue.number && kept.owned[i] === owned[i],
      );
    if (same) return kept.input;
    const input = relatedInput(slug, entries, owns, (entry) => this.authorsOf(entry));
    this.inputs.set(slug, { entries, owned, input });
    return input;
  }

  /** The engine's result for these inputs: last time's while every input is the same object. */
  result(inputs: RelatedInput[]): Map<string, RelatedLink[]> {
    const last = this.last;
    if (last && last.inputs.length === inputs.length && last.inputs.every((input, i) => input === inputs[i])) return last.result;
    const result = relatedSummaries(inputs, { analyser: this.analyser, prepared: this.prepared });
    this.last = { inputs, result };
    return result;
  }

  /** A page's list, the same array while it shows the same. */
  view(slug: string, list: RelatedItemView[]): RelatedItemView[] {
    const key = JSON.stringify(list);
    const kept = this.views.get(slug);
    if (kept?.key === key) return kept.list;
    this.views.set(slug, { key, list });
    return list;
  }

  /** Forgets pages that are gone. */
  keepOnly(slugs: ReadonlySet<string>): void {
    for (const slug of [...this.inputs.keys()]) if (!slugs.has(slug)) this.inputs.delete(slug);
    for (const slug of [...this.views.keys()]) if (!slugs.has(slug)) this.views.delete(slug);
  }
}

/**
 * The engine's view of one summary page. A title summarized in several issues is one page: its
 * text is that of its fullest summary (`fullest`: the one its page leads with), its citations
 * those of every appearance. Its issue number is the fullest summary's, and only
 * when that issue owns the number (`(WR #N)` points there).
 */
export function relatedInput(
  slug: string,
  entries: PaperEntries,
  owns: (issue: Issue) => boolean,
  authorsOf: (entry: SiteEntry) => string[],
): RelatedInput {
  const words = ({ entry: e }: PaperEntries[number]): number =>
    summaryWords(
      e.summary,
      e.opinions.map((o) => o.text),
    );
  const best = fullest(entries, words)!;
  const { entry, issue } = best;
  return {
    id: slug,
    title: entry.title,
    summary: entry.summary,
    opinions: entry.opinions.map((o) => o.text),
    authors: authorsOf(entry),
    // The topic (a merged summary's: never the highlights heading, which is a place, not a subject).
    category: 'paper' in entry ? [...entry.paper.topic] : entry.category,
    issueNumber: owns(issue) ? issue.number : null,
    cites: entries.length === 1 ? entry.references : [...new Set(entries.flatMap((e) => e.entry.references))],
  };
}

/** `cites this, similar text` -> `Cites this, similar text`. */
function sentence(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

export interface RelatedPagesInput {
  /** Each summary page's entries, by slug, newest first. */
  entries: ReadonlyMap<string, PaperEntries>;
  /** Each summary page's title and appearances (newest first), by slug. */
  papers: ReadonlyMap<string, { title: string; appearances: EntryView[] }>;
  /** Whether an issue owns its number (its `(WR #N)` citations point to it). */
  owns: (issue: Issue) => boolean;
  memo: RelatedMemo;
}

/** Every summary page's related summaries, by slug. */
export function relatedPages({ entries, papers, owns, memo }: RelatedPagesInput): Map<string, RelatedItemView[]> {
  const slugs = [...entries.keys()].sort();
  const inputs = slugs.map((slug) => memo.input(slug, entries.get(slug)!, owns));
  const result = memo.result(inputs);
  memo.keepOnly(new Set(slugs));
  const out = new Map<string, RelatedItemView[]>();
  for (const slug of slugs) {
    const list = (result.get(slug) ?? []).flatMap((link): RelatedItemView[] => {
      const paper = papers.get(link.id);
      // The appearance its page leads with (the fullest summary), so the caption names the issue the reader lands on.
      const lead = paper && fullest(paper.appearances, (a) => a.words);
      if (paper === undefined || lead === undefined) return [];
      return [{ href: lead.paperHref, title: paper.title, caption: lead.issue.caption, reason: sentence(link.reason) }];
    });
    out.set(slug, memo.view(slug, list));
  }
  return out;
}
