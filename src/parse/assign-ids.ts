/**
 * Stage 9: each entry's anchor, unique within its issue and stable: the slug of its title,
 * with `-2`, `-3` for a title repeated in the same issue (in reading order).
 */
import type { Entry } from '../records/types.ts';
import type { EntryDraft } from './read-fields.ts';

/** `Is SGD a Bayesian Sampler? Well, almost.` -> `is-sgd-a-bayesian-sampler-well-almost`. */
export function slugify(text: string, max = 80): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of ASCII, control characters included
  const slug = /[^\x00-\x7f]/.test(text) ? slugOf(text.normalize('NFKD')) : asciiSlug(text);
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** The slug of any text: accents dropped, `&` as `and`, apostrophes dropped, other non-alphanumerics as one `-`. */
function slugOf(text: string): string {
  return text
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `slugOf` for ASCII text in one pass (most titles). */
function asciiSlug(text: string): string {
  let out = '';
  let gap = false;
  const word = (w: string): void => {
    if (gap && out !== '') out += '-';
    gap = false;
    out += w;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) word(text[i]!);
    else if (c >= 65 && c <= 90) word(String.fromCharCode(c + 32));
    else if (c === 38 /* & */) {
      gap = true;
      word('and');
      gap = true;
    } else if (c !== 39 /* ' */) gap = true;
  }
  return out;
}

export function assignIds(drafts: EntryDraft[]): Entry[] {
  const used = new Set<string>();
  return drafts.map((draft) => {
    const base = slugify(draft.title) || 'entry';
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
    };
  });
}
