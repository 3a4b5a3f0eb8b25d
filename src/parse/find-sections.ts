/**
 * Stage 5: which blocks are section headings, and the category path every other block stands under.
 *   HIGHLIGHTS / TECHNICAL AI ALIGNMENT / MESA OPTIMIZATION      (line-based, UPPERCASE)
 *   **Technical AI alignment** over ====, ### **Learning human intent**   (Markdown export)
 * Known headings get their canonical label and parent from the vocabulary; unknown ones still
 * become categories, under the current top-level section.
 */
import type { Block } from './split-blocks.ts';
import type { Vocabulary } from '../records/categories.ts';
import { categoryPath, type Category } from '../records/categories.ts';
import { stripMarkup } from './markup.ts';
import { isFooterHeading } from './boilerplate.ts';
import { matchHeader } from './header.ts';
import { matchLabel } from './labels.ts';
import type { Warn } from './front-matter.ts';

export type SectionedBlock =
  | { kind: 'heading'; block: Block; path: string[]; highlight: boolean }
  | { kind: 'footer'; block: Block }
  | { kind: 'content'; block: Block; path: string[]; highlight: boolean };

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

function headingKind(block: Block, next: Block | undefined, vocabulary: Vocabulary): HeadingKind {
  const text = block.text.trim();
  if (text.length > 160) return null;
  // `**[Inverse Reinforcement Learning](url)**` is a bold link, not a heading.
  const bold = /\]\(/.test(text) ? null : BOLD_LINE.exec(text);
  const plain = stripMarkup(text);
  if (plain === '' || plain.length > 100) return null;
  if (isFooterHeading(plain) && (block.level !== null || bold || words(plain) === 1)) return 'footer';
  const marked = block.level !== null || bold !== null;
  // A known heading wins over header-likeness: `MISCELLANEOUS (ALIGNMENT)` is not a title with authors.
  if (vocabulary.lookup(plain) && (marked || !/[.!?,;]$/.test(plain))) return 'known';
  const shouting = /\p{Lu}{3}/u.test(plain) && plain === plain.toUpperCase() && !/[.!?:;,"”]$/.test(plain) && words(plain) <= 8;
  if (!marked && !shouting && (matchHeader(text) || matchLabel(text))) return null;
  if (marked) return /[.!?:]$/.test(plain) || words(plain) > 10 ? null : 'unknown';
  if (block.inline) return null;
  if (/[.!?:;,)"”]$/.test(plain) || /^\d/.test(plain) || words(plain) > 8) return null;
  // UPPERCASE lines are headings; a short Title Case line only when an entry follows it.
  if (/\p{Lu}{3}/u.test(plain) && plain === plain.toUpperCase()) return 'unknown';
  if (next && words(plain) <= 6 && /^\p{Lu}/u.test(plain) && !/[()]/.test(plain) && matchHeader(next.text)) return 'unknown';
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
function entryFollows(blocks: Block[], kinds: HeadingKind[], i: number): boolean {
  for (let j = i + 1; j < blocks.length && kinds[j] === null; j++) if (matchHeader(blocks[j]!.text)) return true;
  return false;
}

export function findSections(blocks: Block[], vocabulary: Vocabulary, warn: Warn): SectionedBlock[] {
  const out: SectionedBlock[] = [];
  let path: string[] = [];
  let highlight = false;
  const kinds = blocks.map((block, i) => headingKind(block, blocks[i + 1], vocabulary));
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
    if (kind === null || (!known && !entryFollows(blocks, kinds, i))) {
      out.push({ kind: 'content', block, path, highlight });
      return;
    }
    if (known) {
      path = categoryPath(known);
      highlight = known.highlight;
    } else {
      const label = labelFor(block.text);
      const top = path[0];
      const topIsSection = top !== undefined && !highlight;
      path = block.level === 1 || !topIsSection ? [label] : [top, label];
      highlight = false;
      warn(block.line, `heading "${label}" is not in categories.yml; used as a category as written`);
    }
    out.push({ kind: 'heading', block, path, highlight });
  });
  return out;
}
