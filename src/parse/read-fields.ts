/**
 * Stage 7: an entry's blocks into the fields of the record: summary, opinions (with who wrote
 * them), Read more, Prerequisites, and the issues it mentions (the dialect's citation anywhere in
 * it: records/citations.ts).
 */
import type { DialectRules } from '../records/dialect.ts';
import { mentionedIssues } from '../records/citations.ts';
import type { Entry } from '../records/types.ts';
import type { RawEntry } from './find-entries.ts';
import { unpad } from './markup.ts';
import type { Warn } from './front-matter.ts';

/** An entry before its id is assigned. */
export type EntryDraft = Omit<Entry, 'id'>;

/** Who wrote an editor's opinion when the newsletter names no editor. */
export const UNNAMED_EDITOR = 'the editor';

export function readFields(raw: RawEntry, rules: DialectRules, warn: Warn): EntryDraft {
  const editor = rules.editor;
  const join = (paragraphs: string[]): string => unpad(paragraphs.join('\n\n')).trim();
  const summary = join(raw.fields[0]!.paragraphs);
  const opinions: Entry['opinions'] = [];
  const readMore: string[] = [];
  const prerequisites: string[] = [];
  for (const field of raw.fields.slice(1)) {
    const text = join(field.paragraphs);
    if (field.kind === 'opinion') {
      if (!text) warn(field.line, `an opinion label with no text in "${raw.header.title}"`);
      opinions.push({ by: field.by ?? editor ?? UNNAMED_EDITOR, text });
    } else if (field.kind === 'readMore') {
      if (text) readMore.push(text);
    } else if (field.kind === 'prerequisites') {
      if (text) prerequisites.push(text);
    }
  }
  if (!summary && !raw.header.standalone && raw.fields.length === 1) {
    warn(raw.line, `entry "${raw.header.title}" has a header with a colon but no summary`);
  }
  // An entry with a summary and no `(reviewed by ...)` was reviewed by the editor: in the first
  // issues nobody was named, and later only the other summarizers were. A header standing alone
  // ("see also") has no summarizer, nor does anything in a newsletter that names no editor.
  const summarizers = raw.header.summarizers.length > 0 || !summary || editor === null ? raw.header.summarizers : [editor];
  return {
    title: raw.header.title,
    authors: raw.header.authors,
    summarizers,
    hatTips: raw.header.hatTips,
    category: raw.category,
    highlight: raw.highlight,
    summary,
    opinions,
    readMore,
    prerequisites,
    references: mentionedIssues([summary, ...opinions.map((o) => o.text), ...readMore, ...prerequisites], rules),
    line: raw.line,
    url: raw.header.url,
    outlet: raw.outlet,
    related: raw.related,
  };
}
