/**
 * Stage 5: which blocks are section headings, and the category path every other block stands under.
 *   HIGHLIGHTS / TECHNICAL AI ALIGNMENT / MESA OPTIMIZATION      (line-based, UPPERCASE)
 *   **Technical AI alignment** over ====, ### **Learning human intent**   (Markdown export)
 *   ### Other News / #### Tools                                  (Markdown headings at any level)
 * Known headings get their canonical label and parent from the vocabulary; unknown ones still
 * become categories: a Markdown heading under the nearest heading of a higher level, any other
 * under the current top-level section. A heading that is an item (`#### [Title](url)`, a heading
 * over a byline: find-entries.ts) is not a section.
 */
import type { Block, SectionedBlock } from './split-blocks.ts';
import type { Vocabulary } from '../records/categories.ts';
import type { DialectRules } from '../records/dialect.ts';
import { categoryPath, type Category } from '../records/categories.ts';
import { stripMarkup } from './markup.ts';
import { isFooterHeading } from './boilerplate.ts';
import { matchHeader } from './header.ts';
import { matchLabel } from './labels.ts';
import type { Warn } from './front-matter.ts';
import { itemHeading } from './find-entries.ts';
import { leadingLink } from './item-shapes.ts';

export type { SectionedBlock } from './split-blocks.ts';

const BOLD_LINE = /^(\*\*|__)([^*_]{2,80})\1$/;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** `FIELD BUILDING` -> `Field building`; mixed case is kept as written. */
function labelFor(text: string): string {
  const plain = stripMarkup(text)
    .replace(/[:.]+$/, '')
    .trim();
  if (plain === plain.toUpperCase() && /\p{Lu}/u.test(plain)) {
    return (
      plain.charAt(0) +
      plain
        .slice(1)
        .toLowerCase()
        .replace(/\b(ai|ml|rl|agi)\b/g, (w) => w.toUpperCase())
    );
  }
  return plain;
}

/** Is this block a heading? `known` when the vocabulary has it. */
type HeadingKind = 'known' | 'unknown' | 'footer' | null;

function headingKind(block: Block, next: Block | undefined, vocabulary: Vocabulary, rules: DialectRules): HeadingKind {
  const text = block.text.trim();
  if (block.level !== null && block.level > 0 && itemHeading(text, next?.text) !== null) return null;
  if (text.length > 160) return null;
  // `**[Inverse Reinforcement Learning](url)**` is a bold link, not a heading.
  const bold = /\]\(/.test(text) ? null : BOLD_LINE.exec(text);
  const plain = stripMarkup(text);
  if (plain === '' || plain.length > 100) return null;
  if (isFooterHeading(plain, rules) && (block.level !== null || bold || words(plain) === 1)) return 'footer';
  const marked = block.level !== null || bold !== null;
  // A known heading wins over header-likeness: `MISCELLANEOUS (ALIGNMENT)` is not a title with authors.
  if (vocabulary.lookup(plain) && (marked || !/[.!?,;]$/.test(plain))) return 'known';
  const shouting = /\p{Lu}{3}/u.test(plain) && plain === plain.toUpperCase() && !/[.!?:;,"”]$/.test(plain) && words(plain) <= 8;
  if (!marked && !shouting && (matchHeader(text, rules) || matchLabel(text, rules))) return null;
  if (marked) return /[.!?:]$/.test(plain) || words(plain) > 10 ? null : 'unknown';
  if (block.inline) return null;
  if (/[.!?:;,)"”]$/.test(plain) || /^\d/.test(plain) || words(plain) > 8) return null;
  // UPPERCASE lines are headings; a short Title Case line only when an entry follows it.
  if (/\p{Lu}{3}/u.test(plain) && plain === plain.toUpperCase()) return 'unknown';
  if (next && words(plain) <= 6 && /^\p{Lu}/u.test(plain) && !/[()]/.test(plain) && matchHeader(next.text, rules)) return 'unknown';
  return null;
}

/**
 * A heading the vocabulary has only with its section's name added: `Critiques` under Other progress
 * in AI is `Critiques (AI)`, under Technical AI alignment `Critiques (Alignment)`.
 */
function qualified(label: string, section: string | undefined, vocabulary: Vocabulary): Category | null {
  if (section === undefined) return null;
  const prefix = `${label.toLowerCase()} (`;
  return vocabulary.all.find((c) => c.parent === section && c.label.toLowerCase().startsWith(prefix)) ?? null;
}

/**
 * True when an entry header stands between block `i` and the next heading. A heading the vocabulary
 * does not know, with no entry under it, is a subheading of the summary it stands in (a long
 * highlight's `## The overall framework`), not a section.
 */
function entryFollows(blocks: Block[], kinds: HeadingKind[], i: number, rules: DialectRules): boolean {
  const level = blocks[i]!.level ?? 0;
  for (let j = i + 1; j < blocks.length; j++) {
    const block = blocks[j]!;
    if (kinds[j] !== null) {
      // A Markdown heading over a deeper one (`### Other News` over `#### Tools`) is a section when that one is.
      const deeper = level > 0 && block.level !== null && block.level > level;
      return deeper && (kinds[j] === 'known' || entryFollows(blocks, kinds, j, rules));
    }
    if (matchHeader(block.text, rules)) return true;
    // A Markdown heading over items of a link newsletter: an item heading, or a block that begins with a link.
    if (level > 0) {
      if (block.level !== null && block.level > 0) return true;
      if (leadingLink(block.text) !== null && matchLabel(block.text, rules) === null) return true;
    }
  }
  return false;
}

export function findSections(blocks: Block[], vocabulary: Vocabulary, rules: DialectRules, warn: Warn): SectionedBlock[] {
  const out: SectionedBlock[] = [];
  let path: string[] = [];
  let highlight = false;
  /** The Markdown headings the path is made of, with their levels: a heading closes those of its level and below. */
  let levels: { level: number; path: string[]; highlight: boolean; known: boolean }[] = [];
  const kinds = blocks.map((block, i) => headingKind(block, blocks[i + 1], vocabulary, rules));
  blocks.forEach((block, i) => {
    const kind = kinds[i]!;
    if (kind === 'footer') {
      out.push({ kind: 'footer', block });
      return;
    }
    const known =
      kind === 'known'
        ? vocabulary.lookup(stripMarkup(block.text))!
        : kind === 'unknown'
          ? qualified(labelFor(block.text), path[0], vocabulary)
          : null;
    if (kind === null || (!known && !entryFollows(blocks, kinds, i, rules))) {
      out.push({ kind: 'content', block, path, highlight });
      return;
    }
    const level = block.level ?? 0;
    // A heading closes the headings of its level and deeper; when those were all Markdown headings of
    // the issue's own (none from categories.yml), it starts a path of its own.
    const closed = level > 0 ? levels.filter((l) => l.level >= level) : [];
    if (level > 0) levels = levels.filter((l) => l.level < level);
    const ownPath = closed.length > 0 && closed.every((l) => !l.known);
    if (known) {
      path = categoryPath(known);
      highlight = known.highlight;
    } else {
      const label = labelFor(block.text);
      const parent = levels[levels.length - 1];
      if (level > 0 && parent) path = parent.highlight ? [label] : [...parent.path, label];
      else if (level > 0 && ownPath) path = [label];
      else {
        const top = path[0];
        const topIsSection = top !== undefined && !highlight;
        path = block.level === 1 || !topIsSection ? [label] : [top, label];
      }
      highlight = rules.highlightSection !== null && label.toLowerCase() === rules.highlightSection.toLowerCase();
      if (vocabulary.all.length > 0) warn(block.line, `heading "${label}" is not in categories.yml; used as a category as written`);
    }
    if (level > 0) levels.push({ level, path, highlight, known: known !== null });
    out.push({ kind: 'heading', block, path, highlight });
  });
  return out;
}
