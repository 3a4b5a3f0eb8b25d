/**
 * Citations: the Cite block of a summary page (BibTeX for the paper when enough is known of it,
 * and BibTeX and a line of text for each summary of it) and the `.bib` files of the archive and
 * of every category. Made from entry views (what the page shows), with `bibtex.ts`. Pure.
 */
import { splitAuthors } from '../merge/author-names.ts';
import { type BibEntry, bibFile, formatEntry, type PaperMetadata, paperEntry, summaryEntry } from './bibtex.ts';
import type { EntryView } from './entry.ts';
import { addressOf, type PageAddress } from './routes.ts';

export interface SummaryCiteView {
  /** `AN #98`: which summary, when a title was summarized more than once. */
  label: string;
  bibtex: string;
  /** The same as one line of text: `Rohin Shah. Summary of “Title”. Alignment Newsletter #98, 6 May 2020. https://...`. */
  text: string;
}

export interface CiteView {
  /** BibTeX for the paper; null when its title or authors are not known. */
  paper: string | null;
  /** One per appearance, oldest first. */
  summaries: SummaryCiteView[];
}

/** What is known of the paper an entry summarizes: its title, authors and link (venue and year when the archive has them). */
export function paperMetadata(view: EntryView): PaperMetadata {
  const { names, etAl } = splitAuthors(view.authors);
  return {
    title: view.title,
    authors: [...names.map((n) => n.name), ...(etAl ? ['others'] : [])],
    venue: null,
    year: null,
    url: view.titleUrl,
  };
}

function summaryBib(view: EntryView, newsletter: string): BibEntry {
  return summaryEntry({
    newsletter,
    issueNumber: view.issue.number,
    title: view.title,
    summarizers: view.summarizers.map((s) => s.label),
    date: view.issue.dateIso,
    url: view.entryCanonical,
  });
}

/** `Rohin Shah and Flo Dorner. Summary of “Title”. Alignment Newsletter #98, 6 May 2020. https://...` */
function summaryText(view: EntryView, newsletter: string): string {
  const names = view.summarizers.map((s) => s.label);
  const by =
    names.length === 0 ? '' : `${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]}. `;
  const issue = view.issue.number === null ? newsletter : `${newsletter} #${view.issue.number}`;
  const date = view.issue.dateIso === null ? '' : `, ${view.issue.dateLabel}`;
  return `${by}Summary of “${view.title}”. ${issue}${date}. ${view.entryCanonical}`;
}

/** The Cite block of a summary page: `appearances` oldest first; `newsletter` is the name cited (`Alignment Newsletter`). */
export function citeView(appearances: readonly EntryView[], newsletter: string): CiteView {
  const first = appearances[0];
  const paper = first === undefined ? null : paperEntry(paperMetadata(first));
  return {
    paper: paper === null ? null : formatEntry(paper),
    summaries: appearances.map((a) => ({
      label: a.issue.numberLabel,
      bibtex: formatEntry(summaryBib(a, newsletter)),
      text: summaryText(a, newsletter),
    })),
  };
}

/** A `.bib` file: where it lives, what it holds, and its text. */
export interface BibFileView extends PageAddress {
  /** `every summary in Interpretability`. */
  label: string;
  count: number;
  text: string;
}

/** One summary's BibTeX items (its paper's, when known, and its own) with their text. */
type BibItem = { id: string; entry: BibEntry; text: string };

/**
 * Each summary's BibTeX items, kept by view (views are never changed once made: the reuse
 * contract), so a rebuild after one edit formats only the edited summaries' entries again.
 */
export class CiteMemo {
  private readonly items = new WeakMap<EntryView, { newsletter: string; items: BibItem[] }>();
  readonly itemsOf = (view: EntryView, newsletter: string): BibItem[] => {
    const kept = this.items.get(view);
    if (kept?.newsletter === newsletter) return kept.items;
    const entries: { id: string; entry: BibEntry }[] = [];
    const paper = paperEntry(paperMetadata(view));
    if (paper !== null) entries.push({ id: view.paperHref, entry: paper });
    entries.push({ id: view.entryCanonical, entry: summaryBib(view, newsletter) });
    const items = entries.map((item) => ({ ...item, text: formatEntry(item.entry) }));
    this.items.set(view, { newsletter, items });
    return items;
  };
}

export interface BibFileInput {
  path: string;
  label: string;
  /** The summaries it cites (repeats are written once). */
  entries: readonly EntryView[];
  newsletter: string;
  siteUrl: string;
  /** Each summary's items: `CiteMemo.itemsOf`. */
  itemsOf: CiteMemo['itemsOf'];
}

/**
 * A `.bib` file of summaries: each paper whose title and authors are known, and each summary
 * itself, sorted by key (`bibFile`): the same file whatever order the summaries come in.
 */
export function bibFileView({ path, label, entries, newsletter, siteUrl, itemsOf }: BibFileInput): BibFileView {
  const items = [...new Set(entries)].flatMap((view) => itemsOf(view, newsletter));
  const address = addressOf(path, siteUrl);
  const comment = `${newsletter}: ${label}, from ${address.canonical}\nEach paper whose authors are known, and each summary (keys an<issue>-<title words>).`;
  return { ...address, label, count: new Set(entries).size, text: bibFile(items, comment) };
}
