/**
 * The section vocabulary (`content/categories.yml`) as a lookup table.
 * Headings are matched case-insensitively, by label or alias, after folding
 * punctuation and markup: `**MESA OPTIMIZATION**`, `Mesa-optimization` and
 * `mesa optimization` all name the same section.
 *
 * A mistake in the file is a CategoriesError with the line it is on. Anchors and aliases
 * (`&a`, `*a`) that repeat a list or a category are refused at the alias: a category is written
 * once, and an alias to its own ancestor (a loop) or aliases that repeat per level (a few KB that
 * would unfold into millions of categories) stop at once with the line, instead of running out
 * of stack or memory. (js-yaml bounds nesting at 100 levels itself.)
 */
import yaml from 'js-yaml';
import { escapeRegExp } from './dialect.ts';

/** One section heading the newsletter uses. */
export interface Category {
  /** Canonical label, as shown on the site. */
  label: string;
  /** Label of the section it stands under, or null for a top-level section. */
  parent: string | null;
  /** True for the Highlights section. */
  highlight: boolean;
}

export interface Vocabulary {
  /** The category a heading names, or undefined when it is not in the vocabulary. */
  lookup(heading: string): Category | undefined;
  /** Every category, top-level sections first in file order, each followed by its children. */
  all: Category[];
  /**
   * The most words a heading starting with this word has (its label or alias, folded: `NEAR-TERM` is
   * two), 0 when none starts with it: a cheap test before trying longer phrases. A phrase with more
   * words holding letters or digits is no heading.
   */
  headingWords(word: string): number;
  /**
   * True when a phrase is a heading written as the newsletter writes headings: in capitals, or as
   * its label or alias is written (the first letter's case aside). `Meta-Learning` in a title is not
   * the `Meta learning` heading; `AI Alignment Podcast` does not start with a heading.
   */
  written(phrase: string): boolean;
  /** The top-level sections' labels and aliases, as written in categories.yml (`Highlights`, `AI governance`). */
  sections: string[];
  /** Every label and alias, as written in categories.yml. */
  names: string[];
  /** Patterns the flattened-issue cutter finds headings with (src/parse/inline-headings.ts), made once per vocabulary. */
  patterns: HeadingPatterns;
  /** The 1-based line of categories.yml a category is written on (0 when unknown). */
  lineOf(category: Category): number;
}

/** categories.yml cannot be read as a vocabulary: the message says what is wrong on `line` (1-based; 0: the whole file). */
export class CategoriesError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Shared by every file, like `DialectRules`: a stage that moves the sticky or global ones' position uses a copy. */
export interface HeadingPatterns {
  /** A top-level section written in capitals, as a word sequence of its own: `HIGHLIGHTS`, `AI GOVERNANCE`. */
  capitalSections: RegExp;
  /** A top-level section's name as written (first letter either case), sticky: tried at one offset. */
  sectionStart: RegExp;
  /** The first words of every label and alias, capitalised, each at a word start: `(?:^|\s)(Technical|Problems|...)`. Global. */
  labelStarts: RegExp;
}

function headingPatterns(sections: readonly string[], names: readonly string[]): HeadingPatterns {
  const capitals = sections.map((name) => escapeRegExp(name.toUpperCase()));
  const asWritten = sections.map(
    (name) => `[${name.charAt(0).toUpperCase()}${name.charAt(0).toLowerCase()}]${escapeRegExp(name.slice(1))}`,
  );
  const firsts = new Set(
    names
      .map((name) => /^[^\s-]+/.exec(name)?.[0] ?? '')
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1)),
  );
  const starts = [...firsts].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return {
    capitalSections: capitals.length > 0 ? new RegExp(String.raw`(?:^|\s)(?:${capitals.join('|')})\s`) : /(?!)/,
    sectionStart: new RegExp(asWritten.length > 0 ? String.raw`(?:${asWritten.join('|')})(?=\s)` : '(?!)', 'y'),
    labelStarts: starts.length > 0 ? new RegExp(String.raw`(?:^|\s)(${starts.join('|')})(?=[\s\-:]|$)`, 'g') : /(?!)/g,
  };
}

/** Normalises a heading for matching: lower case, `&` as `and`, no markup, hyphens and runs of space as one space. */
export function foldHeading(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[*_#`]/g, ' ')
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/[:.]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A letter or digit: ASCII ones, and anything beyond ASCII (accented letters). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** The first run of letters and digits, lower-cased: `**NEAR-TERM` -> `near`. Hot: called for every word of flattened issues. */
function firstWordKey(text: string): string {
  let i = 0;
  while (i < text.length && !isWordChar(text.charCodeAt(i))) i++;
  let j = i;
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
  return text.slice(i, j).toLowerCase();
}

interface RawCategory {
  label?: unknown;
  aliases?: unknown;
  highlight?: unknown;
  children?: unknown;
}

/** The lines js-yaml read each list and mapping from, and the first alias that repeats one. */
interface Loaded {
  value: unknown;
  lines: WeakMap<object, number>;
}

/**
 * The YAML of categories.yml, with the line of each list and mapping. Throws CategoriesError on
 * invalid YAML and at the first alias of a list or mapping (see the module comment).
 */
function loadCategories(yamlText: string): Loaded {
  const lines = new WeakMap<object, number>();
  const open: { line: number; alias: string | null }[] = [];
  const found: { repeated: { line: number; alias: string } | null } = { repeated: null };
  let value: unknown;
  try {
    value = yaml.load(yamlText, {
      listener(event, state) {
        if (event === 'open') {
          const at = /^\s*\*([^\s,\]}]+)/.exec(state.input.slice(state.position, state.position + 200));
          open.push({ line: state.line + 1, alias: at ? at[1]! : null });
          return;
        }
        const node = open.pop();
        const result: unknown = state.result;
        if (node === undefined || typeof result !== 'object' || result === null) return;
        if (node.alias !== null) found.repeated ??= { line: node.line, alias: node.alias };
        else if (!lines.has(result)) lines.set(result, node.line);
      },
    });
  } catch (error) {
    if (error instanceof yaml.YAMLException)
      throw new CategoriesError(error.mark ? error.mark.line + 1 : 0, `not valid YAML: ${error.reason}`);
    throw error;
  }
  const { repeated } = found;
  if (repeated !== null) {
    throw new CategoriesError(
      repeated.line,
      `the alias *${repeated.alias} repeats a list or category written elsewhere in the file: write each category once (categories.yml takes no anchors and aliases of lists or categories)`,
    );
  }
  return { value, lines };
}

function asList(value: unknown, where: string, line: number): RawCategory[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new CategoriesError(line, `${where} must be a list`);
  return value.map((item: unknown) => {
    if (typeof item === 'string') return { label: item };
    if (typeof item === 'object' && item !== null) return item as RawCategory;
    throw new CategoriesError(line, `${where} holds ${JSON.stringify(item)}, not a category`);
  });
}

function stringList(value: unknown, where: string, line: number): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new CategoriesError(line, `${where} must be a list of strings`);
  }
  return value as string[];
}

/** Builds the vocabulary from the text of `categories.yml`; throws CategoriesError with the line of a malformed item. */
export function parseCategories(yamlText: string): Vocabulary {
  const loaded = loadCategories(yamlText);
  const all: Category[] = [];
  const lineOf = new Map<Category, number>();
  const byKey = new Map<string, Category>();
  const asWritten = new Set<string>();
  const sections: string[] = [];
  const names: string[] = [];
  const add = (raw: RawCategory, parent: string | null, where: string, near: number): void => {
    const line = loaded.lines.get(raw) ?? near;
    if (typeof raw.label !== 'string' || raw.label.trim() === '') {
      throw new CategoriesError(line, `${where} has no label`);
    }
    const category: Category = { label: raw.label.trim(), parent, highlight: raw.highlight === true };
    all.push(category);
    lineOf.set(category, line);
    const own = [category.label, ...stringList(raw.aliases, `the aliases of ${category.label}`, line)];
    if (parent === null) sections.push(...own);
    names.push(...own);
    for (const name of own) {
      asWritten.add(name.charAt(0).toLowerCase() + name.slice(1));
      const key = foldHeading(name);
      if (!byKey.has(key)) byKey.set(key, category);
    }
    const children = raw.children;
    const childLine = typeof children === 'object' && children !== null ? (loaded.lines.get(children) ?? line) : line;
    asList(children, `the children of ${category.label}`, childLine).forEach((child, i) => {
      add(child, category.label, `child ${i + 1} of ${category.label}`, childLine);
    });
  };
  const top = loaded.value;
  const topLine = typeof top === 'object' && top !== null ? (loaded.lines.get(top) ?? 1) : 1;
  asList(top, 'the top level', topLine).forEach((item, i) => {
    add(item, null, `item ${i + 1}`, topLine);
  });
  const keys = [...byKey.keys()];
  // Headings are looked up for many word windows of running text: answer most of them from the first word.
  // First words as plain lower-case letters and digits: `NEAR-TERM` and `near term` both give `near`.
  const firstWord = firstWordKey;
  const mostWords = new Map<string, number>();
  for (const key of keys) {
    const first = firstWord(key);
    mostWords.set(first, Math.max(mostWords.get(first) ?? 0, key.split(' ').length));
  }
  const memo = new Map<string, Category | undefined>();
  const lookup = (heading: string): Category | undefined => {
    if (!mostWords.has(firstWord(heading))) return undefined;
    if (memo.has(heading)) return memo.get(heading);
    const found = byKey.get(foldHeading(heading));
    // Bounded: most phrases looked up are one-off word windows of running text.
    if (memo.size >= 10_000) memo.clear();
    memo.set(heading, found);
    return found;
  };
  const written = (phrase: string): boolean => {
    // Whole words only: `Robustness *` (a list item's marker after it) is not a heading.
    const plain = phrase.replace(/^(\*\*|__)(.*)\1$/, '$2').trim();
    if (!/^[\p{L}\p{N}]/u.test(plain) || !/[\p{L}\p{N})]$/u.test(plain) || !lookup(plain)) return false;
    return (plain === plain.toUpperCase() && /\p{Lu}/u.test(plain)) || asWritten.has(plain.charAt(0).toLowerCase() + plain.slice(1));
  };
  return {
    lookup,
    all,
    headingWords: (word) => mostWords.get(firstWord(word)) ?? 0,
    written,
    sections,
    names,
    patterns: headingPatterns(sections, names),
    lineOf: (category) => lineOf.get(category) ?? 0,
  };
}

/** The heading path of a category: its parent's label (if any), then its own. */
export function categoryPath(category: Category): string[] {
  return category.parent === null ? [category.label] : [category.parent, category.label];
}
