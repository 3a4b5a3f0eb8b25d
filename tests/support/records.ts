/** Hand-made parser records for tests of what comes after the parser. */
import type { Entry } from '../../src/records/types.ts';

/** An entry titled `title` with a one-sentence summary and nothing else, unless `more` says otherwise. */
export function entry(title: string, more: Partial<Entry> = {}): Entry {
  return {
    id: title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    title,
    authors: null,
    summarizers: [],
    hatTips: [],
    category: [],
    highlight: false,
    summary: `Summary of ${title}.`,
    opinions: [],
    readMore: [],
    prerequisites: [],
    references: [],
    line: 1,
    url: null,
    outlet: null,
    related: [],
    ...more,
  };
}

/** The value frozen all the way down, as the parse cache hands out its records. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
