/**
 * Citations: the Cite block of a summary page (BibTeX for the paper when enough is known of it,
 * and BibTeX and a line of text for each summary of it) and the `.bib` files of the archive and
 * of every category. Made from entry views (what the page shows), with `bibtex.ts`. Pure.
 */
import { type BibEntry, bibFile, formatEntry, type PaperMetadata, paperEntry, summaryEntry } from './bibtex.ts';
import type { EntryView, PaperInfoView } from './entry.ts';
import { counted } from './format.ts';
import { addressOf, type PageAddress } from './routes.ts';

export interface SummaryCiteView {
  /** `WR #98`: which summary, when a title was summarized more than once. */
  label: string;
  bibtex: string;
  /** The same as one line of text: `Ada Shah. Summary of “Title”. Weekly Robotics #98, 6 May 2020. https://...`. */
  text: string;
}

export interface CiteView {
  /** BibTeX for the paper; null when its title or authors are not known. */
  paper: string | null;
  /** One per appearance, oldest first. */
  summaries: SummaryCiteView[];
}

/**
 * What is known of the paper a summary is of, as its page shows it: title, every author (the
 * database's full list when it has one, else the header's; `et al` as BibTeX's `others`),
 * venue, year and link.
 */
export function paperMetadata(title: string, paper: PaperInfoView): PaperMetadata {
  const year = paper.year === null ? null : Number(paper.year);
  return {
    title,
    authors: [...paper.authors.map((a) => a.label), ...(paper.etAl ? ['others'] : [])],
    venue: paper.venue,
    year: year !== null && Number.isInteger(year) ? year : null,
    url: paper.href,
  };
}

function summaryBib(view: EntryView, newsletter: string): BibEntry {
  return summaryEntry({
    newsletter,
    issueNumber: view.issue.number,
    title: view.title,
    summarizers: view.summarizers.map((s) => s.label),
    date: view.issue.dateIso,
    year: view.issue.year === null ? null : Number(view.issue.year),
    url: view.entryCanonical,
  });
}

/** `Ada Shah and Flo Dorner. Summary of “Title”. Weekly Robotics #98, 6 May 2020. https://...` */
function summaryText(view: EntryView, newsletter: string): string {
  const names = view.summarizers.map((s) => s.label);
  const by =
    names.length === 0 ? '' : `${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]}. `;
  const issue = view.issue.number === null ? newsletter : `${newsletter} #${view.issue.number}`;
  // What is known of an undated issue's date (`Feb–Mar 2021`, `not before Dec 2020`), never a day.
  const date = view.issue.dateIso === null && view.issue.listDate === '' ? '' : `, ${view.issue.dateLabel}`;
  return `${by}Summary of “${view.title}”. ${issue}${date}. ${view.entryCanonical}`;
}

/**
 * The Cite block of a summary page: `paper` as the page shows it (`paperInfo`), `appearances` in
 * the page's order (the fullest summary first); `newsletter` is the name cited (`Weekly Robotics`).
 */
export function citeView(title: string, paperInfo: PaperInfoView, appearances: readonly EntryView[], newsletter: string): CiteView {
  const paper = paperEntry(paperMetadata(title, paperInfo));
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
  /** `1,872 summaries`. */
  countLabel: string;
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
    const paper = paperEntry(paperMetadata(view.title, view.paper));
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
  const count = new Set(entries).size;
  return { ...address, label, count, countLabel: counted(count, 'summary', 'summaries'), text: bibFile(items, comment) };
}
