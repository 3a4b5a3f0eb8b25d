/**
 * The features a site can turn off in its site.yml, beyond the newsletter's own text: related
 * summaries, the Cite block and `.bib` files, the per-topic and per-person feeds, the `/stats/`
 * page with the category pages' sparklines, and dark mode. Each is on unless site.yml says
 * `false`:
 *
 *   related: false      # no "Related summaries" on summary pages
 *
 * Pure: the parsed YAML (and its text, to name a line) in, the features or a message out.
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

/** The 1-based line of a top-level `key:` in a YAML text, or 0 when it is not written on a line of its own. */
function lineOf(text: string, key: string): number {
  const at = text.split(/\r?\n/).findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  return at + 1;
}

/**
 * The features site.yml asks for. A key that is not `true` or `false` (`related: no`, `stats: off`,
 * which YAML reads as text) is a mistake the message names with its file and line, so a site
 * never turns a feature on or off by accident.
 */
export function readFeatures(site: Record<string, unknown>, text: string, file: string): { features: Features } | { error: string } {
  const features: Features = { ...ALL_FEATURES };
  for (const name of FEATURE_NAMES) {
    const value = site[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'boolean') {
      const line = lineOf(text, name);
      return {
        error: `${file}${line > 0 ? `:${line}` : ''}: ${name} must be true or false, not ${JSON.stringify(value)} (write \`${name}: false\` to turn it off)`,
      };
    }
    features[name] = value;
  }
  return { features };
}
