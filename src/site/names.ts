/**
 * Who and what a page is about: one key per person, per category and per summary, and the
 * spelling each is shown with. A key is the page's slug, so two names that would share an address
 * are one person (or category) by construction, never two pages at one URL. Pure.
 */
import { stableSlug } from '../records/slug.ts';

/** Key that decides whether two titles are the same paper: its words, case and punctuation ignored. */
export function paperSlug(title: string): string {
  return stableSlug(title, 'summary');
}

/** A category's key and slug: its label's words (`Technical AI alignment` -> `technical-ai-alignment`). */
export function categorySlug(label: string): string {
  return stableSlug(label, 'category');
}

/**
 * A name as shown: what the header's parenthetical held, without the marks around it that are
 * not part of the name (`(summarized by +Rohin.)` -> `Rohin`).
 */
export function personName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(/^[\s+]+/, '')
    .replace(/[\s.,;:!?]+$/, '');
}

/**
 * One person, one key, one page: `Rohin`, `rohin`, `Rohin.`, `+Rohin` and `Róhin` are the same
 * person. The key is the slug of the name (case, accents and punctuation dropped), so two names
 * that would share a page address are one person by construction, never two pages at one URL.
 */
export function personKey(name: string): string {
  return stableSlug(personName(name), 'person');
}

/** Counts spellings, so a person or category is shown the way it is most often written (ties: the first in code point order). */
export class Spellings {
  private counts = new Map<string, Map<string, number>>();
  add(key: string, spelling: string): void {
    const forKey = this.counts.get(key) ?? new Map<string, number>();
    forKey.set(spelling, (forKey.get(spelling) ?? 0) + 1);
    this.counts.set(key, forKey);
  }
  best(key: string): string {
    let best = key;
    let bestCount = -1;
    for (const [spelling, count] of this.counts.get(key) ?? []) {
      if (count > bestCount || (count === bestCount && spelling < best)) {
        best = spelling;
        bestCount = count;
      }
    }
    return best;
  }
}
