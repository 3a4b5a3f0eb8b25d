/**
 * The records the parser makes from one raw newsletter file: a contract (docs/ARCHITECTURE.md,
 * The records), kept by every stage after the parser and by `npm run parse`'s JSON.
 * Every field says which part of the raw text it comes from. The words that mark each part
 * (credits, labels, citations) are the newsletter's dialect (`newsletter.yml`, records/dialect.ts);
 * the examples below use a made-up one: `(reviewed by X)`, `(via X)`, `WR #12`.
 */

/** Something odd in the raw text that the parser worked around; always points at the text. */
export interface ParseWarning {
  /** Path of the raw file, relative to the content dir (as in `Issue.file`). */
  file: string;
  /** 1-based line in the raw file (front matter included) the oddity is on; 0 when it concerns the whole file. */
  line: number;
  /** What is odd and what the parser did about it, in a sentence. */
  message: string;
}

/** An opinion paragraph after a summary: `Ada's opinion: ...`, `My opinion: ...`, `Why this matters: ...`. */
export interface Opinion {
  /** Who gave it: the name in the label (`Ada's opinion:`); for an editor's label (`My opinion:`) the editor, `the editor` when the newsletter names none. */
  by: string;
  /** Markdown: the text after the label, up to the next label or entry. */
  text: string;
}

/** A further link an item lists for the same story (`Related:` and a list of links under it). */
export interface RelatedLink {
  /** The link's text, without markup. */
  title: string;
  /** Its target, as written. */
  url: string;
}

/**
 * One item of an issue: a summary, a link with a quote or a line of text, or a bare title ("see
 * also"). It is read from any of the shapes newsletters use (docs/parser.md, Item shapes):
 * `Title (Authors) (credits): summary`, a heading with a link or a byline over paragraphs, a list
 * item or a paragraph that begins with a link. `summary` is '' for an item with no text of its own.
 */
export interface Entry {
  /** Slug of the title, unique within the issue (`-2`, `-3` for repeats); the anchor on the issue page. */
  id: string;
  /** The item's title without markup (`**`, `[...](url)`): a header's text before its parentheticals, a heading's, a link's text. */
  title: string;
  /** Who wrote what the item is about: the parenthetical after the title, as written (`Janice Lan et al`), or a byline's author (`Jane Doe` of `> Jane Doe, The Daily -- [...](url)`); null when absent. */
  authors: string | null;
  /** Who summarized it: the dialect's summarizer credit (`(reviewed by X and Y)`); else the editor for a summary, when the newsletter names one; [] otherwise. */
  summarizers: string[];
  /** Who pointed the editors to it: the dialect's hat-tip credit (`(via X)`). */
  hatTips: string[];
  /** Where it was published, from a byline (`The Daily` of `> Jane Doe, The Daily -- [...](url)` or `**Jane Doe, The Daily**`); null when no byline says. */
  outlet: string | null;
  /** Heading path above the item, outermost first, at any heading level: canonical labels from categories.yml where it has them (`["Technical AI alignment", "Interpretability"]`), else as written (`["Other News", "Tools"]`); [] if none. */
  category: string[];
  /** True when the item stands under the newsletter's highlights section. */
  highlight: boolean;
  /** Markdown: the item's own text (after a header's colon, a link's ` - ` or `. `, the paragraphs under its heading), up to the first label; '' when it has none. */
  summary: string;
  /** The opinion paragraphs (`Name's opinion:`, `My opinion:`, the dialect's labels), in order. */
  opinions: Opinion[];
  /** Markdown: each `Read more: ...` label's text. */
  readMore: string[];
  /** Markdown: each `Prerequisites: ...` label's text. */
  prerequisites: string[];
  /** The further links of a `Related:` list under the item, in order. */
  related: RelatedLink[];
  /** Numbers of the issues the item cites by the dialect's citation (`WR #12`) anywhere in it, in order of first mention, no repeats; [] when the dialect has no citation. */
  references: number[];
  /** 1-based line of the item's header, heading, list item or paragraph in the raw file (front matter included). */
  line: number;
  /** The URL the title links to (`[Title](url)`), or the byline's link; null in plain text. */
  url: string | null;
}

/** One newsletter issue: one raw file. */
export interface Issue {
  /** URL slug, unique in the archive, stable across rebuilds: the dialect's id from the number (`wr-098`), else from the file name. */
  id: string;
  /**
   * The issue's number in the newsletter's own series: front matter or a `Number:` header, else
   * the number in the title (`Weekly Robotics #99`, `This Week in Robots 299`, `[WR #98]: ...` on
   * the first line), else the file name's (`wr-098.txt`, `2021-01-18-99.md`); null when none says.
   */
  number: number | null;
  /** Front matter or `Title:` header `title`, else the text after `[WR #98]:` in the first line; the dates file's replaces it; null when unknown. */
  title: string | null;
  /** YYYY-MM-DD: front matter or `Date:` header `date`, else a date in the first line (`#9: 06/04/18`), else a Jekyll file name's (`2021-2-1-101.md`); the dates file's replaces it; null when unknown. */
  date: string | null;
  /** Front matter `source` (or Jekyll's `redirect`): where the text came from (URL); the dates file's `url` replaces it (src/merge/issue-dates.ts). */
  source: string | null;
  /** Front matter `excerpt` (or a `Summary:` header): the issue's own one-line description; null when none. */
  excerpt: string | null;
  /** Front matter `permalink` (or a `Slug:` header): the issue's address on the newsletter's own site, as written; null when none. */
  permalink: string | null;
  /** Numbers of the issues the intro cites by the dialect's citation in parentheses (`(WR #12)`), in order, no repeats. */
  references: number[];
  /** Path of the raw file, relative to the content dir. */
  file: string;
  /** Markdown: issue-specific notes before the first entry, boilerplate removed. */
  intro: string;
  /** In reading order. */
  entries: Entry[];
  /** Reader comments found after the forum furniture (`N comments, sorted by ...`) and not published. */
  commentsDropped: number;
  /** Every oddity met while parsing this file. */
  warnings: ParseWarning[];
  /**
   * What is known of when the issue appeared, short of a day, when `date` is null: set after the
   * parser by the dates stage (src/merge/issue-dates.ts) from the dates file (`2020-05`) and what the
   * raw text shows (an email footer's year, the newest arXiv paper it links). Absent when nothing is known.
   */
  dateBounds?: DateBounds;
}

/** One end of what is known of an issue's date. */
export interface DateBound {
  /** YYYY-MM-DD: the first (for `notBefore`) or last (for `notAfter`) day the evidence allows. */
  date: string;
  /** How much of `date` the evidence names: an email footer names a year, an arXiv id a month, another issue's date a day. */
  precision: 'year' | 'month' | 'day';
  /** The evidence, in words for the issue page: `the newest arXiv paper it links (2012.01234)`. */
  from: string;
}

/** What is known of an issue's date without the day: either end may be open. */
export interface DateBounds {
  /** The issue is not older than this; null when nothing says. */
  notBefore: DateBound | null;
  /** The issue is not newer than this; null when nothing says. */
  notAfter: DateBound | null;
}

/** A raw file as read from disk: the only thing the parser gets from the file system. */
export interface RawFile {
  /** Path relative to the content dir, with `/` separators. */
  file: string;
  /** The file's text, decoded as UTF-8. */
  text: string;
}
