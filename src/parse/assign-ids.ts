/**
 * Stage 9: each entry's anchor, unique within its issue and stable: the slug of its title,
 * with `-2`, `-3` for a title repeated in the same issue (in reading order).
 */
import type { Entry } from '../types.ts';
import type { EntryDraft } from './read-fields.ts';

/** `Is SGD a Bayesian Sampler? Well, almost.` -> `is-sgd-a-bayesian-sampler-well-almost`. */
export function slugify(text: string, max = 80): string {
  const slug = (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKD') : text)
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

export function assignIds(drafts: EntryDraft[]): Entry[] {
  const used = new Set<string>();
  return drafts.map((draft) => {
    const base = slugify(draft.title) || 'entry';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { id, ...draft };
  });
}
