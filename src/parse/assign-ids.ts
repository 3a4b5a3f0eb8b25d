/**
 * Stage 9: each entry's anchor, unique within its issue and stable: the slug of its title,
 * with `-2`, `-3` for a title repeated in the same issue (in reading order).
 */
import { anchorSlug } from '../records/slug.ts';
import type { Entry } from '../records/types.ts';
import type { EntryDraft } from './read-fields.ts';

export function assignIds(drafts: EntryDraft[]): Entry[] {
  const used = new Set<string>();
  return drafts.map((draft) => {
    const base = anchorSlug(draft.title) || 'entry';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    // Written out rather than spread: a spread copy of every draft is a measurable part of the parse.
    return {
      id,
      title: draft.title,
      authors: draft.authors,
      summarizers: draft.summarizers,
      hatTips: draft.hatTips,
      category: draft.category,
      highlight: draft.highlight,
      summary: draft.summary,
      opinions: draft.opinions,
      readMore: draft.readMore,
      prerequisites: draft.prerequisites,
      references: draft.references,
      line: draft.line,
      url: draft.url,
      outlet: draft.outlet,
      related: draft.related,
    };
  });
}
