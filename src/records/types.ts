/**
 * The records the parser makes from one raw newsletter file: a contract (docs/ARCHITECTURE.md,
 * The records), kept by every stage after the parser and by `npm run parse`'s JSON.
 * Every field says which part of the raw text it comes from.
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

/** An opinion paragraph after a summary: `Rohin's opinion: ...`, `My opinion: ...`. */
export interface Opinion {
  /** The name before `'s opinion:`; for `My opinion:` the issue's editor. */
  by: string;
  /** Markdown: the text after the label, up to the next label or entry. */
  text: string;
}

/** One summary (or "see also" item) in an issue. */
export interface Entry {
  /** Slug of the title, unique within the issue (`-2`, `-3` for repeats); the anchor on the issue page. */
  id: string;
  /** The header text before the author parenthetical, without markup (`**`, `[...](url)`). */
  title: string;
  /** Text of the parenthetical after the title, as written (`Janice Lan et al`); null when absent. */
  authors: string | null;
  /** From `(summarized by X)` or `(summarized by X and Y)`; [] in issues that do not say. */
  summarizers: string[];
  /** From `(H/T X)` in the header. */
  hatTips: string[];
  /** Heading path above the entry, canonical labels from categories.yml (`["Technical AI alignment", "Interpretability"]`); [] if none. */
  category: string[];
  /** True when the entry stands under the Highlights heading. */
  highlight: boolean;
  /** Markdown: the text after the header's colon, up to the first label (opinion, Read more, Prerequisites). */
  summary: string;
  /** The `Name's opinion:` / `My opinion:` paragraphs, in order. */
  opinions: Opinion[];
  /** Markdown: each `Read more: ...` label's text. */
  readMore: string[];
  /** Markdown: each `Prerequisites: ...` (or `Prerequisities:`) label's text. */
  prerequisites: string[];
  /** AN numbers cited as `(AN #N)` anywhere in the entry, in order of first mention, no repeats. */
  references: number[];
  /** 1-based line of the header in the raw file (front matter included). */
  line: number;
  /** The URL the title links to in a Markdown export (`[Title](url)`); null in plain text. */
  url: string | null;
}

/** One newsletter issue: one raw file. */
export interface Issue {
  /** URL slug, unique in the archive, stable across rebuilds: `an-098` from the number, else from the file name. */
  id: string;
  /** AN number: front matter `number`, else `[AN #98]` / `Alignment Newsletter #9` in the first line, else `an-098` in the file name. */
  number: number | null;
  /** Front matter `title`, else the text after `[AN #98]:` in the first line; the dates file's replaces it; null when unknown. */
  title: string | null;
  /** YYYY-MM-DD: front matter `date`, else a date in the first line (`#9: 06/04/18`); the dates file's replaces it; null when unknown. */
  date: string | null;
  /** Front matter `source`: where the text came from (URL); the dates file's `url` replaces it (src/merge/issue-dates.ts). */
  source: string | null;
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
