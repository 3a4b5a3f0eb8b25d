/**
 * Citations: the Cite block of a summary page (BibTeX for the paper when enough is known of it,
 * and BibTeX and a line of text for each summary of it) and the `.bib` files of the archive and
 * of every category. Made from entry views (what the page shows), with `bibtex.ts`. Pure.
 */
import { type BibEntry, bibFile, formatEntry, type PaperMetadata, paperEntry, summaryEntry } from '../engines/bibtex.ts';
import type { EntryView, PaperInfoView } from '../archive/entry.ts';
import { counted } from '../text/format.ts';
import { addressOf, type PageAddress } from '../routes.ts';

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
  /** The same as an entry, for the `.bib` files: one per summary page, so its key is the page's everywhere. */
  paperEntry: BibEntry | null;
  /** One per appearance, oldest first. */
  summaries: SummaryCiteView[];
}

/**
 * What is known of the paper a summary is of, as its page shows it: title, every author (the
 * database's full list when it has one, else the header's; `et al` as BibTeX's `others`),
 * venue, year and link.
 */
export function paperMetadata(title: string, paper: PaperInfoView, id?: string): PaperMetadata {
  const year = paper.year === null ? null : Number(paper.year);
  return {
    title,
    authors: [...paper.authors.map((a) => a.label), ...(paper.etAl ? ['others'] : [])],
    venue: paper.venue,
    year: year !== null && Number.isInteger(year) ? year : null,
    url: paper.href,
    ...(id === undefined ? {} : { id }),
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
    issueId: view.issue.id,
    anchor: view.anchor,
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
 * the page's order (the fullest summary first); `newsletter` is the name cited (`Weekly Robotics`);
 * `slug` the page's, which makes the paper's key unique (`paperKey`).
 */
export function citeView(
  title: string,
  paperInfo: PaperInfoView,
  appearances: readonly EntryView[],
  newsletter: string,
  slug?: string,
): CiteView {
  const paper = paperEntry(paperMetadata(title, paperInfo, slug));
  return {
    paper: paper === null ? null : formatEntry(paper),
    paperEntry: paper,
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

/** A BibTeX item with the id it is kept by, and its text. */
type BibItem = { id: string; entry: BibEntry; text: string };

/**
 * Each summary's own BibTeX item, kept by view, and each summary page's paper item, kept by its
 * entry; so a rebuild after one edit formats only the edited summaries' entries again
 * (docs/ARCHITECTURE.md, Incremental rebuilds: `cite`).
 */
export class CiteMemo {
  private readonly items = new WeakMap<EntryView, { newsletter: string; item: BibItem }>();
  private readonly papers = new WeakMap<BibEntry, BibItem>();
  readonly itemOf = (view: EntryView, newsletter: string): BibItem => {
    const kept = this.items.get(view);
    if (kept?.newsletter === newsletter) return kept.item;
    const entry = summaryBib(view, newsletter);
    const item = { id: view.entryCanonical, entry, text: formatEntry(entry) };
    this.items.set(view, { newsletter, item });
    return item;
  };
  readonly paperItemOf = (id: string, entry: BibEntry): BibItem => {
    let item = this.papers.get(entry);
    if (item === undefined) {
      item = { id, entry, text: formatEntry(entry) };
      this.papers.set(entry, item);
    }
    return item;
  };
}

export interface BibFileInput {
  path: string;
  label: string;
  /** The summaries it cites (repeats are written once). */
  entries: readonly EntryView[];
  newsletter: string;
  siteUrl: string;
  /** Each summary's own item: `CiteMemo.itemOf`. */
  itemOf: CiteMemo['itemOf'];
  /** Each summary page's paper item, by the page's href (`paperHref`); null when the paper cannot be cited. */
  paperOf: (paperHref: string) => BibItem | null;
}

/**
 * A `.bib` file of summaries: each paper whose title and authors are known, once per summary page
 * and as its page cites it, and each summary itself, sorted by key (`bibFile`): the same file
 * whatever order the summaries come in, every key once.
 */
export function bibFileView({ path, label, entries, newsletter, siteUrl, itemOf, paperOf }: BibFileInput): BibFileView {
  const views = [...new Set(entries)];
  const papers = [...new Set(views.map((view) => view.paperHref))].flatMap((href) => paperOf(href) ?? []);
  const items = [...papers, ...views.map((view) => itemOf(view, newsletter))];
  const address = addressOf(path, siteUrl);
  const comment = `${newsletter}: ${label}, from ${address.canonical}\nEach paper whose authors are known (keys author, year, title word and a hash), and each summary (keys <issue>-<title words>).`;
  const count = new Set(entries).size;
  return { ...address, label, count, countLabel: counted(count, 'summary', 'summaries'), text: bibFile(items, comment) };
}
