/**
 * Who and what a page is about: one key per person, per category and per summary, and the
 * spelling each is shown with. A key is the page's slug, so two names that would share an address
 * are one person (or category) by construction, never two pages at one URL. Pure.
 */
import { nameAsShown } from '../../records/names.ts';
import { stableSlug } from '../../records/slug.ts';
import type { Issue } from '../../records/types.ts';

/** Key that decides whether two titles are the same paper: its words, case and punctuation ignored. */
export function paperSlug(title: string): string {
  return stableSlug(title, 'summary');
}

/** A category's key and slug: its label's words (`Technical AI alignment` -> `technical-ai-alignment`). */
export function categorySlug(label: string): string {
  return stableSlug(label, 'category');
}

/** Everyone the issues name as a summarizer or an opinion's author, as shown (`nameAsShown`, src/records/names.ts): what `createPeople` resolves. */
export function peopleNamed(issues: readonly Issue[]): string[] {
  const names: string[] = [];
  for (const issue of issues)
    for (const entry of issue.entries)
      for (const name of [...entry.summarizers, ...entry.opinions.map((o) => o.by)]) names.push(nameAsShown(name));
  return names;
}

/**
 * Counts spellings, so a person or category is shown the way it is most often written (ties: the
 * first in code point order), unless a spelling is preferred (a person's name from people.yml).
 */
export class Spellings {
  private counts = new Map<string, Map<string, number>>();
  private preferred = new Map<string, string>();
  private fallbacks = new Map<string, string>();
  /** `spelling` is how `key` is shown, whatever the counts say. */
  prefer(key: string, spelling: string): void {
    this.preferred.set(key, spelling);
  }
  /** `spelling` is how `key` is shown when no spelling was counted. */
  fallback(key: string, spelling: string): void {
    if (!this.fallbacks.has(key)) this.fallbacks.set(key, spelling);
  }
  add(key: string, spelling: string): void {
    const forKey = this.counts.get(key) ?? new Map<string, number>();
    forKey.set(spelling, (forKey.get(spelling) ?? 0) + 1);
    this.counts.set(key, forKey);
  }
  best(key: string): string {
    const preferred = this.preferred.get(key);
    if (preferred !== undefined) return preferred;
    let best = this.fallbacks.get(key) ?? key;
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
