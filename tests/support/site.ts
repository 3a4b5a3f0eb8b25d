/** Hand-made issues and collect options for the site's tests. */
import type { CollectOptions } from '../../src/site.ts';
import type { Entry, Issue } from '../../src/records/types.ts';
import { AN_RULES } from './dialect.ts';

/** An issue numbered `number` (`an-001`), or named by its date when it has no number. */
export function issue(number: number | null, date: string | null, entries: Entry[], more: Partial<Issue> = {}): Issue {
  const id = number === null ? `file-${date ?? 'x'}` : `an-${String(number).padStart(3, '0')}`;
  return {
    id,
    number,
    title: `Issue ${number}`,
    date,
    source: null,
    file: `${id}.txt`,
    intro: '',
    entries,
    commentsDropped: 0,
    warnings: [],
    excerpt: null,
    permalink: null,
    references: [],
    ...more,
  };
}

/** Settings under a path prefix, and a vocabulary with a highlight section and two sub-sections. */
export const options: CollectOptions = {
  citations: AN_RULES,
  settings: { title: 'Archive', description: 'd', url: 'https://example.org/repo/', language: 'en', pathPrefix: '/repo/' },
  vocabulary: [
    { label: 'Highlights', parent: null, highlight: true },
    { label: 'Technical AI alignment', parent: null, highlight: false },
    { label: 'Interpretability', parent: 'Technical AI alignment', highlight: false },
    { label: 'Mesa optimization', parent: 'Technical AI alignment', highlight: false },
  ],
};
