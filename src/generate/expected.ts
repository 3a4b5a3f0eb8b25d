/**
 * The records the parser should give back for a generated issue rendered in a layout: the
 * spec seen through what that layout keeps. For a property test: render a spec, parse it, and
 * compare each parsed entry with `expectedEntries(spec, layout)[i]`.
 *
 * What a layout loses: `line-none` prints no headings, so every entry has category [] and is
 * not a highlight; plain layouts drop Markdown (link URLs, emphasis), so titles have no URL and
 * texts are the plain paragraphs; flattened layouts join paragraphs with a space (their
 * padded link texts, `( AN #74 )`, are expected back unpadded). Highlights stand under the Highlights heading: category ["Highlights"].
 */
import type { Entry } from '../types.ts';
import type { EntrySpec, IssueSpec, Layout } from './spec.ts';
import { entriesOf, layoutHasHeadings, referencesIn } from './spec.ts';
import { linkReferences, paragraphsOf, toPlain } from './plain.ts';

/**
 * An entry as the parser should give it back: the record's own fields but its position. `summary` is
 * the summary as the layout writes it (paragraphs joined by a blank line, or by a space when
 * flattened); `url` is the title's link in the Markdown export, null in plain layouts.
 */
export type ExpectedEntry = Omit<Entry, 'id' | 'line'>;

export interface ExpectedIssue {
  number: number;
  title: string;
  date: string;
  entries: ExpectedEntry[];
  commentsDropped: number;
}

/**
 * A text as the parser should give it back. The padding of flattened layouts (`( AN #74 )`,
 * `here .`) is a scraping artefact, so the expected text is the unpadded plain text.
 */
function textIn(markdown: string[], layout: Layout): string {
  const flat = layout === 'flat-upper' || layout === 'flat-title';
  const paragraphs = markdown.flatMap(paragraphsOf);
  if (layout === 'markdown') return paragraphs.map(linkReferences).join('\n\n');
  return paragraphs.map((p) => toPlain(p)).join(flat ? ' ' : '\n\n');
}

export function expectedEntry(entry: EntrySpec, layout: Layout, editor: string): ExpectedEntry {
  const headings = layoutHasHeadings(layout);
  return {
    title: entry.title,
    authors: entry.authors,
    summarizers: [...entry.summarizers],
    hatTips: [...entry.hatTips],
    category: headings ? [...entry.category] : [],
    highlight: headings && entry.highlight,
    summary: textIn(entry.summary, layout),
    opinions: entry.opinions.map((o) => ({ by: o.label === 'my' ? editor : o.by, text: textIn([o.text], layout) })),
    readMore: entry.readMore.map((r) => textIn([r], layout)),
    prerequisites: entry.prerequisites.map((p) => textIn([p], layout)),
    references: referencesIn([...entry.summary, ...entry.opinions.map((o) => o.text), ...entry.prerequisites, ...entry.readMore]),
    url: layout === 'markdown' ? entry.url : null,
  };
}

/** What parsing `renderIssue(spec, layout)` should give: entries in reading order, and the comments count. */
export function expectedIssue(spec: IssueSpec, layout: Layout): ExpectedIssue {
  const lineLayout = layout === 'line-upper' || layout === 'line-title' || layout === 'line-none';
  return {
    number: spec.number,
    title: spec.title,
    date: spec.date,
    entries: entriesOf(spec).map((e) => expectedEntry(e, layout, spec.editor)),
    commentsDropped: lineLayout ? spec.comments.length : 0,
  };
}

/** Shorthand for `expectedIssue(spec, layout).entries`. */
export function expectedEntries(spec: IssueSpec, layout: Layout): ExpectedEntry[] {
  return expectedIssue(spec, layout).entries;
}
