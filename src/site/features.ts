/**
 * The features a site can turn off in its site.yml, beyond the newsletter's own text: related
 * summaries, the Cite block and `.bib` files, the per-topic and per-person feeds, the `/stats/`
 * page with the category pages' sparklines, and dark mode. Each is on unless site.yml says
 * `false`:
 *
 *   related: false      # no "Related summaries" on summary pages
 *
 * site.yml is read and checked once (src/io/site-file.ts); this module names the features.
 */

export interface Features {
  /** "Related summaries" below each summary. */
  related: boolean;
  /** The Cite block on summary pages, and the `.bib` files of every category and of the archive. */
  cite: boolean;
  /** An Atom feed for every category and every summarizer, linked from their pages. */
  topicFeeds: boolean;
  /** The `/stats/` page (linked from home) and the per-year sparkline on category pages. */
  stats: boolean;
  /** Colours follow the reader's light or dark preference (`prefers-color-scheme`); off: always light. */
  darkMode: boolean;
}

export const FEATURE_NAMES = ['related', 'cite', 'topicFeeds', 'stats', 'darkMode'] as const satisfies readonly (keyof Features)[];

export const ALL_FEATURES: Features = { related: true, cite: true, topicFeeds: true, stats: true, darkMode: true };
