/**
 * What a generated issue is made of, before it is rendered into any layout, and the
 * records the parser should give back for it. Text fields hold Markdown (links, `**bold**`,
 * `_em_`) as the newsletter's own database does; the plain-text layouts strip it when rendering.
 * A reference to another issue is written `(AN #74)` (or, from the database, `([AN #74](url))`).
 */

/** How an opinion paragraph is labelled: `Rohin's opinion:`, `Rohin’s opinion:` or `My opinion:`. */
export type OpinionLabel = 'possessive' | 'curly' | 'my';

export interface OpinionSpec {
  /** Whose opinion; for the `my` label this is the issue's editor. */
  by: string;
  /** Markdown, one or more paragraphs. */
  text: string;
  label: OpinionLabel;
}

export interface EntrySpec {
  title: string;
  /** The author parenthetical's text; null for an entry with none (a job post, an event, a news item). */
  authors: string | null;
  /** Who summarized it; empty when the entry has no summary (a "see also" item never says who summarized it). */
  summarizers: string[];
  /**
   * True when the header says so, `(summarized by X)`. An untagged entry with a summary was
   * summarized by the issue's editor (the first issues tag nobody, later ones only the others).
   */
  tagged: boolean;
  /**
   * For a highlight: the heading path under which it is listed again as a stub,
   * `Title (Authors): Summarized in the highlights!`; the highlight's category is then that topic.
   */
  topic: string[] | null;
  hatTips: string[];
  /** Heading path: `["Technical AI alignment", "Mesa optimization"]`, `["Highlights"]`, `["News"]`. */
  category: string[];
  highlight: boolean;
  /** Markdown paragraphs; [] for a "see also" item (a header standing alone). */
  summary: string[];
  opinions: OpinionSpec[];
  readMore: string[];
  prerequisites: string[];
  /** Write the label as the newsletter sometimes did: `Prerequisities:`. */
  misspellPrerequisites: boolean;
  /** AN numbers cited as `(AN #N)` in summary, opinions, prerequisites and read-more, first mention order. */
  references: number[];
  /** Link of the title in the Markdown export. */
  url: string;
}

/** A run of entries under one heading path. */
export interface SectionSpec {
  category: string[];
  highlight: boolean;
  entries: EntrySpec[];
}

export interface IssueSpec {
  number: number;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** Issue-specific note kept as the intro (`Cody Wild is now contributing summaries...`), or null. */
  intro: string | null;
  sections: SectionSpec[];
  /** Reader comments after the forum furniture; each one paragraph. Only line layouts carry them. */
  comments: string[];
  /** Who writes `My opinion:` paragraphs. */
  editor: string;
}

/** The body layouts an issue is written in (README, The input; rendered by render.ts). */
export const LAYOUTS = ['line-upper', 'line-title', 'line-none', 'flat-upper', 'flat-title', 'markdown'] as const;
export type Layout = (typeof LAYOUTS)[number];

export function isLayout(value: string): value is Layout {
  return (LAYOUTS as readonly string[]).includes(value);
}

/** Layouts whose headings are printed (the parser can know categories and highlights). */
export function layoutHasHeadings(layout: Layout): boolean {
  return layout !== 'line-none';
}

/** Every entry of an issue, in reading order. */
export function entriesOf(spec: IssueSpec): EntrySpec[] {
  return spec.sections.flatMap((section) => section.entries);
}

/** AN numbers cited as `(AN #N)` / `( AN #N )` / `([AN #N](url))` in a text, first mention order, no repeats. */
export function referencesIn(texts: string[]): number[] {
  const out: number[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(/\(\s*\[?\s*AN\s+#(\d+)/g)) {
      const n = Number(match[1]);
      if (!out.includes(n)) out.push(n);
    }
  }
  return out;
}
