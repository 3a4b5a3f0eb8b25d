/**
 * The records the parser should give back for a generated issue rendered in a layout: the spec seen
 * through what that layout keeps and the format's rules. A property test renders a spec, parses it,
 * and compares every field of every parsed entry with `expectedIssue(spec, layout).entries[i]`.
 *
 * What a layout loses, and the rules that decide the rest:
 *  - `line-none` prints no headings: entries have category [] and are no highlights, unless the issue
 *    opens with an intro (a special edition: every summary is a highlight, category ["Highlights"]);
 *  - plain layouts drop Markdown (link URLs, emphasis), so titles have no URL and texts are plain;
 *    flattened layouts join paragraphs with a space (their padded link texts, `( AN #74 )`, come back unpadded);
 *  - an untagged entry with a summary was summarized by the editor; a "see also" header by nobody;
 *  - a highlight's "Summarized in the highlights!" stub gives it its topic (its category) and is no
 *    entry; with no headings to say which entries are highlights, the stub stays an entry;
 *  - flattened onto one line, a Read more or Prerequisites link text with no final full stop runs
 *    into the next title with no heading between them, and nothing says where one ends: the next
 *    title carries it (`Read more: Paper: Towards X Next Title (Authors) ...`), unless it is a highlight
 *    whose stub repeats its title later.
 * Ids are the titles' slugs (`-2` for a repeat) and lines the header's line in the rendered file.
 */
import type { Entry } from '../../src/records/types.ts';
import type { EntrySpec, IssueSpec, Layout } from './spec.ts';
import { layoutHasHeadings, referencesIn } from './spec.ts';
import { linkReferences, paragraphsOf, toPlain } from './plain.ts';
import { headerLines } from './render.ts';

/** An entry as the parser should give it back. */
export type ExpectedEntry = Entry;

export interface ExpectedIssue {
  number: number;
  title: string;
  date: string;
  entries: ExpectedEntry[];
  commentsDropped: number;
}

function isFlat(layout: Layout): boolean {
  return layout === 'flat-upper' || layout === 'flat-title';
}

/**
 * A text as the parser should give it back. The padding of flattened layouts (`( AN #74 )`,
 * `here .`) is a scraping artefact, so the expected text is the unpadded plain text.
 */
function textIn(markdown: string[], layout: Layout): string {
  const paragraphs = markdown.flatMap(paragraphsOf);
  if (layout === 'markdown') return paragraphs.map(linkReferences).join('\n\n');
  return paragraphs.map((p) => toPlain(p)).join(isFlat(layout) ? ' ' : '\n\n');
}

type Draft = Omit<Entry, 'id'>;

/**
 * An entry's anchor as the records' contract describes it (src/records/types.ts, `Entry.id`),
 * written here from that description rather than taken from the parser: the title's ASCII
 * letters and digits in lower case (accents and apostrophes dropped, `&` read as `and`), each run
 * of anything else one `-`, at most 80 characters cut at the last `-` past the middle; `entry`
 * when nothing is left; a title repeated in the issue gets `-2`, `-3` in reading order.
 */
export function expectedAnchor(title: string): string {
  const words = title
    .normalize('NFKD')
    // The accents Latin letters decompose into (combining diacritical marks): `résumé` is `resume`.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let anchor = words.join('-');
  if (anchor.length > 80) {
    const cut = anchor.slice(0, 80);
    const dash = cut.lastIndexOf('-');
    anchor = (dash > 40 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
  }
  return anchor === '' ? 'entry' : anchor;
}

function withAnchors(drafts: readonly Draft[]): Entry[] {
  const taken = new Set<string>();
  return drafts.map((draft) => {
    const base = expectedAnchor(draft.title);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return { id, ...draft };
  });
}

export function expectedEntry(entry: EntrySpec, layout: Layout, editor: string, special = false): Omit<Draft, 'line'> {
  const headings = layoutHasHeadings(layout);
  const highlight = headings ? entry.highlight : special;
  const category = !headings
    ? special
      ? ['Highlights']
      : []
    : entry.highlight
      ? [...(entry.topic ?? ['Highlights'])]
      : [...entry.category];
  return {
    title: entry.title,
    authors: entry.authors,
    summarizers: [...entry.summarizers],
    hatTips: [...entry.hatTips],
    category,
    highlight,
    summary: textIn(entry.summary, layout),
    opinions: entry.opinions.map((o) => ({ by: o.label === 'my' ? editor : o.by, text: textIn([o.text], layout) })),
    readMore: entry.readMore.map((r) => textIn([r], layout)),
    prerequisites: entry.prerequisites.map((p) => textIn([p], layout)),
    references: referencesIn([...entry.summary, ...entry.opinions.map((o) => o.text), ...entry.prerequisites, ...entry.readMore]),
    url: layout === 'markdown' ? entry.url : null,
    outlet: null,
    related: [],
  };
}

/** A stub that stays an entry: nothing in the text says which entry is the highlight it points to. */
function stubEntry(entry: EntrySpec, editor: string, special: boolean): Omit<Draft, 'line'> {
  return {
    title: entry.title,
    authors: entry.authors,
    summarizers: [editor],
    hatTips: [],
    category: special ? ['Highlights'] : [],
    highlight: special,
    summary: 'Summarized in the highlights!',
    opinions: [],
    readMore: [],
    prerequisites: [],
    references: [],
    url: null,
    outlet: null,
    related: [],
  };
}

/** The link text an entry ends with when it is a Read more or Prerequisites label's, else null. */
function trailingLink(draft: Omit<Draft, 'line'>): { field: 'readMore' | 'prerequisites'; text: string } | null {
  if (draft.readMore.length > 0) return { field: 'readMore', text: draft.readMore[draft.readMore.length - 1]! };
  if (draft.prerequisites.length > 0) return { field: 'prerequisites', text: draft.prerequisites[draft.prerequisites.length - 1]! };
  return null;
}

/** What parsing `renderFile(spec, layout, frontMatter)` should give: entries in reading order, and the comments count. */
export function expectedIssue(spec: IssueSpec, layout: Layout, frontMatter = false): ExpectedIssue {
  const lineLayout = layout === 'line-upper' || layout === 'line-title' || layout === 'line-none';
  const headings = layoutHasHeadings(layout);
  const special = !headings && spec.intro !== null && spec.sections.some((s) => s.entries.length > 0);
  // The front matter takes five lines: `---`, number, title, date, `---`.
  const offset = frontMatter ? 5 : 0;
  const drafts: Draft[] = [];
  let previousPath: string[] | null = null;
  for (const { entry, stub, line } of headerLines(spec, layout)) {
    if (stub && headings) continue;
    const draft: Draft = {
      ...(stub ? stubEntry(entry, spec.editor, special) : expectedEntry(entry, layout, spec.editor, special)),
      line: line + offset,
    };
    const before = drafts[drafts.length - 1];
    const path = stub ? null : entry.category;
    const headingBetween =
      headings && (stub || previousPath === null || path === null || previousPath.join('\u0000') !== path.join('\u0000'));
    const link = before ? trailingLink(before) : null;
    // A highlight's stub repeats its title, which tells where the run-in link text ends.
    const stubbed = !stub && entry.highlight && entry.topic !== null;
    if (isFlat(layout) && before && link && !headingBetween && !stubbed && !/[.!?]["'”’)]*$/.test(link.text)) {
      before[link.field] = before[link.field].slice(0, -1);
      before.references = referencesIn([
        before.summary,
        ...before.opinions.map((o) => o.text),
        ...before.prerequisites,
        ...before.readMore,
      ]);
      draft.title = `${link.text} ${draft.title}`;
    }
    drafts.push(draft);
    previousPath = stub ? previousPath : entry.category;
  }
  return {
    number: spec.number,
    title: spec.title,
    date: spec.date,
    entries: withAnchors(drafts),
    commentsDropped: lineLayout ? spec.comments.length : 0,
  };
}

/** Shorthand for `expectedIssue(spec, layout).entries`. */
export function expectedEntries(spec: IssueSpec, layout: Layout): ExpectedEntry[] {
  return expectedIssue(spec, layout).entries;
}
